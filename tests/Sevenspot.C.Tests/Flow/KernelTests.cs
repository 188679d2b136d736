using System.Diagnostics;
using System.Globalization;
using Sevenspot.C.Flow;
using Sevenspot.Text;
using Xunit;
using Xunit.Abstractions;

namespace Sevenspot.C.Tests.Flow;

/// <summary>A fact that runs only where the Linux 6.1 tree is (SEVENSPOT_KERNEL, or /work/kernel/linux-source-6.1).</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (!Directory.Exists(KernelTree.Root))
        {
            Skip = $"no Linux source tree at {KernelTree.Root} (set SEVENSPOT_KERNEL)";
        }
    }
}

internal static class KernelTree
{
    public static string Root => Environment.GetEnvironmentVariable("SEVENSPOT_KERNEL") ?? "/work/kernel/linux-source-6.1";
}

[Trait("Category", "Kernel")]
public class KernelTests(ITestOutputHelper output)
{
    /// <summary>Every function of kernel/, mm/ and lib/ gets a graph that keeps the invariants, and nothing throws.</summary>
    [KernelFact]
    public void GraphsForKernelMmAndLib()
    {
        var files = new List<string>();
        foreach (string dir in new[] { "kernel", "mm", "lib" })
        {
            files.AddRange(Directory.EnumerateFiles(Path.Combine(KernelTree.Root, dir), "*.c", SearchOption.AllDirectories));
        }

        files.Sort(StringComparer.Ordinal);
        long parseTicks = 0, buildTicks = 0, nodes = 0, edges = 0;
        int functions = 0, withProblems = 0;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        RunInParallel(files, path =>
        {
            try
            {
                long t0 = Stopwatch.GetTimestamp();
                var tree = Parser.Parse(SourceText.FromFile(path));
                long t1 = Stopwatch.GetTimestamp();
                var graphs = ControlFlowGraph.BuildAll(tree);
                long t2 = Stopwatch.GetTimestamp();
                long fileNodes = 0, fileEdges = 0;
                int problems = 0;
                foreach (var graph in graphs)
                {
                    FlowAssert.CheckInvariants(graph);
                    fileNodes += graph.Nodes.Count;
                    fileEdges += graph.Edges.Length;
                    problems += graph.Problems.Count > 0 ? 1 : 0;
                }

                lock (files)
                {
                    parseTicks += t1 - t0;
                    buildTicks += t2 - t1;
                    functions += graphs.Count;
                    withProblems += problems;
                    nodes += fileNodes;
                    edges += fileEdges;
                }
            }
            catch (Exception e)
            {
                lock (failures)
                {
                    failures.Add($"{path}: {e}");
                }
            }
        });

        double seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, {functions} functions ({withProblems} with problems), {nodes} nodes, {edges} edges; "
            + $"parse {seconds(parseTicks):F1} s, graphs {seconds(buildTicks):F1} s (summed over threads), wall {clock.Elapsed.TotalSeconds:F1} s"));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(functions > 10000);
    }

    /// <summary>Deep C must not overflow a worker's stack: the parser recurses, so workers get large stacks.</summary>
    private static void RunInParallel(List<string> files, Action<string> work)
    {
        int next = -1;
        var threads = new Thread[Environment.ProcessorCount];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(
                () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < files.Count)
                    {
                        work(files[i]);
                    }
                },
                64 * 1024 * 1024);
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}
