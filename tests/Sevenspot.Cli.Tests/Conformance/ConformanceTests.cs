using System.Globalization;
using System.Text;
using Sevenspot.Cli.Testing;
using Xunit.Abstractions;

namespace Sevenspot.Cli.Tests.Conformance;

/// <summary>
/// Coccinelle's test corpus, run in this process and judged as Coccinelle's harness judges it.
/// tests/conformance/passing.txt is a ratchet: every test it lists must pass; tests that pass and
/// are not listed are reported. SEVENSPOT_UPDATE_RATCHET=1 rewrites the list with the tests that
/// pass now. SEVENSPOT_CONFORMANCE_LOG=FILE writes every verdict in the format of
/// tools/cocci_conformance.py, to compare with a run of the script.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const string UpdateVariable = "SEVENSPOT_UPDATE_RATCHET";
    private const string LogVariable = "SEVENSPOT_CONFORMANCE_LOG";
    private const string TimeoutVariable = "SEVENSPOT_CONFORMANCE_TIMEOUT";

    [CorpusFact]
    public void Corpus_tests_in_the_ratchet_list_pass()
    {
        var tests = CocciCorpus.Tests();
        double timeout = Environment.GetEnvironmentVariable(TimeoutVariable) is { Length: > 0 } t ? double.Parse(t, CultureInfo.InvariantCulture) : 30;
        IReadOnlyList<ConformanceResult> results;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var runner = new ConformanceRunner(CocciCorpus.Directory, TimeSpan.FromSeconds(timeout)))
        {
            results = runner.RunAll(tests, Environment.ProcessorCount);
        }

        int passed = results.Count(r => r.Verdict == Verdict.Pass);
        output.WriteLine($"conformance: {passed} passed, {results.Count - passed} failed ({results.Count} tests of {CocciCorpus.Directory} in {clock.Elapsed.TotalSeconds:F1} s, in-process)");
        foreach (var verdict in new[] { Verdict.Error, Verdict.Timeout })
        {
            var names = results.Where(r => r.Verdict == verdict).Select(r => r.Name).ToList();
            if (names.Count > 0)
            {
                output.WriteLine($"{verdict.ToString().ToUpperInvariant()}: {string.Join(' ', names)}");
            }
        }

        if (Environment.GetEnvironmentVariable(LogVariable) is { Length: > 0 } log)
        {
            File.WriteAllLines(log, results.Select(r => r.ScriptLine).Append($"conformance: {passed} passed, {results.Count - passed} failed"));
        }

        var passing = results.Where(r => r.Verdict == Verdict.Pass).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CocciCorpus.RatchetFile)!);
            File.WriteAllText(CocciCorpus.RatchetFile, string.Concat(passing.Select(n => n + "\n")));
            output.WriteLine($"{CocciCorpus.RatchetFile}: {passing.Count} tests written");
            return;
        }

        var ratchet = ReadRatchet();
        var newlyPassing = passing.Where(n => !ratchet.Contains(n)).ToList();
        if (newlyPassing.Count > 0)
        {
            output.WriteLine($"{newlyPassing.Count} tests pass and are not in {CocciCorpus.RatchetFile} (add them with {UpdateVariable}=1): {string.Join(' ', newlyPassing)}");
        }

        var byName = results.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var regressions = new StringBuilder();
        int count = 0;
        foreach (string name in ratchet)
        {
            if (!byName.TryGetValue(name, out var result))
            {
                regressions.Append($"{name}: listed in the ratchet but not in the corpus INDEX\n");
                count++;
            }
            else if (result.Verdict != Verdict.Pass)
            {
                regressions.Append($"{name}: {result.Verdict.ToString().ToUpperInvariant()} {result.Why}\n");
                count++;
            }
        }

        Assert.True(count == 0, $"{count} tests of {CocciCorpus.RatchetFile} no longer pass:\n{regressions}");
    }

    private static HashSet<string> ReadRatchet()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(CocciCorpus.RatchetFile))
        {
            foreach (string line in File.ReadAllLines(CocciCorpus.RatchetFile))
            {
                string name = line.Trim();
                if (name.Length > 0 && !name.StartsWith('#'))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
