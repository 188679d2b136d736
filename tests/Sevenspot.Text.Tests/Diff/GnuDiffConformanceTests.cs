using System.Text;
using Xunit.Abstractions;

namespace Sevenspot.Text.Tests.Diff;

/// <summary>
/// Our unified diffs against the installed GNU diff's on generated C text. Skipped, with the
/// reason shown, when /usr/bin/diff is missing or is not GNU diff. A mismatch leaves both inputs
/// and both outputs in a temporary folder, named in the failure, to reproduce it.
/// </summary>
public sealed class GnuDiffConformanceTests(ITestOutputHelper output)
{
    [GnuDiffFact]
    public void Random_edits_of_C_text_match_GNU_diff()
    {
        var mismatches = new List<string>();
        int hunks = 0;
        for (int seed = 1; seed <= 600; seed++)
        {
            var generator = new CTextGenerator(seed);
            var random = generator.Random;
            var lines = generator.File(functions: random.Next(10) == 0 ? random.Next(10, 30) : random.Next(1, 4));
            var edited = generator.Edit(lines, edits: random.Next(1, 7));

            bool crlf = generator.Chance(0.1);
            byte[] oldText = random.Next(30) == 0 ? [] : CTextGenerator.Join(lines, finalNewline: !generator.Chance(0.1), crlf);
            byte[] newText = random.Next(30) == 0 ? [] : CTextGenerator.Join(edited, finalNewline: !generator.Chance(0.1), crlf: crlf || generator.Chance(0.05));
            var options = new UnifiedDiffOptions
            {
                ContextLines = generator.Chance(0.25) ? random.Next(9) : null,
                ShowCFunction = !generator.Chance(0.1),
            };

            hunks += Compare($"seed {seed}", oldText, newText, options, mismatches);
        }

        output.WriteLine($"{hunks} hunks compared");
        Report(mismatches);

        // The cases must be worth comparing: most edits survive as differences.
        Assert.True(hunks > 600, $"only {hunks} hunks in 600 cases");
    }

    [GnuDiffFact]
    public void Large_files_and_large_rewrites_match_GNU_diff()
    {
        var mismatches = new List<string>();
        for (int seed = 1; seed <= 6; seed++)
        {
            // Hundreds of functions with many edits: confusing-line discards and long searches.
            var generator = new CTextGenerator(1000 + seed);
            var lines = generator.File(functions: 300);
            var edited = generator.Edit(lines, edits: seed * 60);
            Compare($"large seed {seed}", CTextGenerator.Join(lines), CTextGenerator.Join(edited), UnifiedDiffOptions.Default, mismatches);
        }

        for (int seed = 1; seed <= 3; seed++)
        {
            // Unrelated texts over a small alphabet: the search hits the too-expensive cut-off.
            var random = new Random(2000 + seed);
            var alphabet = new[] { "a", "b", "c", "}", "", "\treturn 0;", "{", "x", "y", "z", "\tbreak;", "w" };
            byte[] Make(int count) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, count).Select(_ => alphabet[random.Next(alphabet.Length)] + "\n")));
            Compare($"alphabet seed {seed}", Make(8000 * seed), Make(8000 * seed), UnifiedDiffOptions.Default, mismatches);
        }

        Report(mismatches);
    }

    [GnuDiffTheory]
    [MemberData(nameof(DiffScenarios.Names), MemberType = typeof(DiffScenarios))]
    public void Scenarios_match_GNU_diff(string name)
    {
        var scenario = DiffScenarios.Get(name);
        var mismatches = new List<string>();
        Compare(name, scenario.Old, scenario.New, scenario.Options, mismatches);
        Report(mismatches);
    }

    /// <summary>Adds a description of any mismatch to <paramref name="mismatches"/>; returns the number of hunks GNU diff printed.</summary>
    private static int Compare(string name, byte[] oldText, byte[] newText, UnifiedDiffOptions options, List<string> mismatches)
    {
        byte[] expected = GnuDiff.Run(oldText, newText, "old.c", "new.c", options);
        byte[] actual = UnifiedDiff.Create(oldText, newText, "old.c", "new.c", options);
        int hunks = Encoding.UTF8.GetString(expected).Split("\n@@ ").Length - 1;
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return hunks;
        }

        string directory = Directory.CreateTempSubdirectory("sevenspot-diff-mismatch-").FullName;
        File.WriteAllBytes(Path.Combine(directory, "old.c"), oldText);
        File.WriteAllBytes(Path.Combine(directory, "new.c"), newText);
        File.WriteAllBytes(Path.Combine(directory, "expected.diff"), expected);
        File.WriteAllBytes(Path.Combine(directory, "actual.diff"), actual);
        mismatches.Add($"{name} (context {options.EffectiveContextLines}, -p {options.ShowCFunction}): first difference at line "
            + $"{FirstDifferentLine(expected, actual)}; files in {directory}");
        return hunks;
    }

    private static int FirstDifferentLine(byte[] expected, byte[] actual)
    {
        int common = expected.AsSpan().CommonPrefixLength(actual);
        return expected.AsSpan(0, common).Count((byte)'\n') + 1;
    }

    private void Report(List<string> mismatches)
    {
        foreach (string mismatch in mismatches.Take(20))
        {
            output.WriteLine(mismatch);
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} diff(s) differ from GNU diff:\n" + string.Join("\n", mismatches.Take(20)));
    }
}
