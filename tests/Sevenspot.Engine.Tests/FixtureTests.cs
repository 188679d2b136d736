using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests;

/// <summary>
/// One folder per case under Fixtures: a rule (r.cocci), a C file (t.c), and the file as spatch
/// 1.1.1 leaves it (expected.c, taken from `spatch --sp-file r.cocci t.c -o expected.c`; equal to
/// t.c when spatch changes nothing). Where spatch gives up on the file instead, expected.failure holds
/// what its message says (one fact a line: the failure, then where) and the file is left alone.
/// Fixtures/regen.sh takes the expectations again from spatch.
/// </summary>
public sealed class FixtureTests
{
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sevenspot.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Sevenspot.Engine.Tests", "Fixtures");
            }
        }

        throw new InvalidOperationException($"No Sevenspot.slnx above {AppContext.BaseDirectory}.");
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(Root()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_gives_spatchs_result(string name)
    {
        string dir = Path.Combine(Root(), name);
        var parsed = SmplParser.Parse(SourceText.FromString("r.cocci", File.ReadAllText(Path.Combine(dir, "r.cocci"))));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        string code = File.ReadAllText(Path.Combine(dir, "t.c"));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(SourceText.FromString("t.c", code));
        string failure = Path.Combine(dir, "expected.failure");
        if (File.Exists(failure))
        {
            Assert.True(outcome.Failure is not null, $"{name}: no failure, result follows\n{(outcome.Modified is { } changed ? Encoding.UTF8.GetString(changed) : code)}");
            foreach (string fact in File.ReadAllLines(failure))
            {
                Assert.Contains(fact, outcome.Failure, StringComparison.Ordinal);
            }

            return;
        }

        Assert.Null(outcome.Failure);
        string actual = outcome.Modified is { } bytes ? Encoding.UTF8.GetString(bytes) : code;
        string expected = File.ReadAllText(Path.Combine(dir, "expected.c"));
        Assert.True(expected == actual, $"{name}: actual result follows\n{actual}");
    }

    [Theory]
    [InlineData("nest-removed-statement-with-added-use-conflict", 5, 10, 49, ")", "\tif (p > q)")]
    [InlineData("replaced-statement-conflict-named-at-first-token", 2, 1, 17, "a", "\ta(y + 1);")]
    [InlineData("replaced-call-conflict-named-at-call", 2, 5, 21, "a", "\tz = a(1, y + 1);")]
    [InlineData("if-header-isomorphism-variant-with-other-value-conflict", 3, 14, 46, ")", "\tif (p != NULL) a();")]
    public void An_already_tagged_token_is_shown_as_spatch_shows_it(string name, int line, int column, int offset, string token, string content)
    {
        // spatch 1.1.1 on these fixtures: the token's 1-based line, 0-based byte column, byte offset in
        // the file, the token itself and its whole line.
        string dir = Path.Combine(Root(), name);
        var parsed = SmplParser.Parse(SourceText.FromString("r.cocci", File.ReadAllText(Path.Combine(dir, "r.cocci"))));
        var outcome = new SemanticPatchRunner(parsed.File!, new RunOptions()).Run(SourceText.FromString("t.c", File.ReadAllText(Path.Combine(dir, "t.c"))));
        Assert.Equal(
            $"rule starting on line 1: already tagged token:\nC code context\nFile \"t.c\", line {line}, column {column}, charpos = {offset}\n  around = '{token}',\n  whole content = {content}",
            outcome.Failure);
    }
}
