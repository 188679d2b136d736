using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Sevenspot.Benchmarks;

/// <summary>MB/s (1 MB = 2^20 bytes, as sevenspot parse prints it): the input's total size over the mean time of one operation.</summary>
internal sealed class ThroughputColumn(long bytes) : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input size (2^20 bytes) divided by the mean time of one operation";

    public static double MegabytesPerSecond(long bytes, double meanNanoseconds) => bytes / (1024.0 * 1024.0) / (meanNanoseconds / 1e9);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null ? "NA" : MegabytesPerSecond(bytes, statistics.Mean).ToString("F1", CultureInfo.InvariantCulture);
    }

    // The figure is for benchmarks over all of subset A (not those on one file).
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(FrontEndBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
