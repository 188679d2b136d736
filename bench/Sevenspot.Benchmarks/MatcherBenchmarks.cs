using BenchmarkDotNet.Attributes;
using Sevenspot.C;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Benchmarks;

/// <summary>
/// The matcher on one subset-A file with one of the kernel's rules that used to be slow there:
/// iterators/list_entry_update.cocci (report mode) on kernel/time/clocksource.c, whose
/// clocksource_watchdog() loop the rule's nest is checked against. One operation runs every rule of
/// the semantic patch over the file, parsing included (the parse alone is the baseline). The rule is
/// read from the kernel tree: $SEVENSPOT_KERNEL, or /work/kernel/linux-source-6.1.
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private const string RulePath = "scripts/coccinelle/iterators/list_entry_update.cocci";
    private const string FilePath = "kernel/time/clocksource.c";

    private SemanticPatchRunner _runner = null!;
    private SourceText _source = null!;
    private ParseOptions _parseOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        string kernel = Environment.GetEnvironmentVariable("SEVENSPOT_KERNEL") is { Length: > 0 } k ? k : "/work/kernel/linux-source-6.1";
        string rule = Path.Combine(kernel, RulePath);
        var parsed = SmplParser.Parse(SourceText.FromFile(rule));
        if (!parsed.Success)
        {
            throw new InvalidOperationException($"{rule} does not parse");
        }

        string file = Path.Combine(SubsetA.Folder, FilePath);
        _source = new SourceText(FilePath, File.ReadAllBytes(file));
        _parseOptions = new ParseOptions { Macros = MacroTable.WithFiles([]) };
        _runner = new SemanticPatchRunner(parsed.File!, new RunOptions
        {
            DefinedVirtuals = new HashSet<string>(StringComparer.Ordinal) { "report" },
            ParseOptions = _parseOptions,
        });
    }

    [Benchmark(Baseline = true)]
    public int Parse() => Parser.Parse(_source, _parseOptions).TokenCount;

    [Benchmark]
    public int ParseAndMatch() => _runner.Run(_source).MatchedRules.Count;
}
