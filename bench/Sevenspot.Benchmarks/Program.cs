using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Sevenspot.Benchmarks;

/// <summary>
/// dotnet run -c Release --project bench/Sevenspot.Benchmarks [-- BenchmarkDotNet options]
/// Runs the front-end benchmarks over subset A and prints the throughput of each, and the matcher
/// benchmark on one subset-A file (--filter '*Matcher*' picks it alone).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        long bytes = SubsetA.TotalBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"subset A: {SubsetA.Files.Count} .c files, {bytes / (1024.0 * 1024.0):F1} MB in {SubsetA.Folder}"));
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15))
            .AddColumn(new ThroughputColumn(bytes));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is { } statistics && report.BenchmarkCase.Descriptor.Type == typeof(FrontEndBenchmarks))
                {
                    double rate = ThroughputColumn.MegabytesPerSecond(bytes, statistics.Mean);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: {rate:F1} MB/s ({statistics.Mean / 1e6:F1} ms for {bytes / (1024.0 * 1024.0):F1} MB)"));
                }
            }
        }

        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
