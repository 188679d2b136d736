using BenchmarkDotNet.Attributes;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Benchmarks;

/// <summary>
/// The prefilter (the words a rule needs, looked for in a file's bytes before it is lexed) over
/// every .c file of subset A, for patches needing one word, a choice of twelve, and forty. One
/// operation scans all files on one thread; compare the MB/s with FrontEndBenchmarks' lexer.
/// </summary>
[MemoryDiagnoser]
public class PrefilterBenchmarks
{
    private static readonly string[] s_allocators =
    [
        "kmalloc", "kzalloc", "kcalloc", "kmalloc_array", "kstrdup", "kmemdup", "vmalloc", "vzalloc", "kvmalloc", "kvzalloc", "devm_kzalloc", "devm_kmalloc",
    ];

    private byte[][] _bytes = [];
    private FilePrefilter _one = null!;
    private FilePrefilter _twelve = null!;
    private FilePrefilter _forty = null!;

    [GlobalSetup]
    public void Setup()
    {
        var files = SubsetA.Files;
        _bytes = new byte[files.Count][];
        for (int i = 0; i < files.Count; i++)
        {
            _bytes[i] = File.ReadAllBytes(files[i]);
        }

        _one = Build("@@\nexpression E;\n@@\n- kfree(E);\n");
        _twelve = Build($"@@\nexpression E;\nidentifier f = {{{string.Join(", ", s_allocators)}}};\n@@\n- f(E);\n");

        // Forty rules of one call each, as a patch of many small rules is.
        var many = new System.Text.StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            many.Append("@r").Append(i).Append("@\nexpression E;\n@@\n- api_call_").Append(i).Append("(E);\n\n");
        }

        _forty = Build(many.ToString());
    }

    [Benchmark]
    public int OneWord() => Count(_one);

    [Benchmark]
    public int TwelveWords() => Count(_twelve);

    [Benchmark]
    public int FortyWords() => Count(_forty);

    private int Count(FilePrefilter prefilter)
    {
        int parsed = 0;
        foreach (byte[] bytes in _bytes)
        {
            parsed += prefilter.Scan(bytes).AnyOutputRuleCanRun ? 1 : 0;
        }

        return parsed;
    }

    private static FilePrefilter Build(string patch)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("bench.cocci", patch));
        if (!parsed.Success)
        {
            throw new InvalidOperationException("benchmark patch does not parse: " + parsed.Diagnostics[0]);
        }

        return new SemanticPatchRunner(parsed.File!, new RunOptions()).Prefilter;
    }
}
