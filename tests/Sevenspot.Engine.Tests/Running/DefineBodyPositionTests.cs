using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Running;

/// <summary>
/// A rule that inherits a position bound in a #define body matches there: the body, parsed on its own,
/// binds positions at their place in the file, and the functions and terms tried for the position are
/// placed in the file the same way (expectations from spatch 1.1.1).
/// </summary>
public sealed class DefineBodyPositionTests
{
    [Fact]
    public void A_flow_rule_finds_the_place_on_a_line_past_the_end_of_the_body_read_on_its_own()
    {
        // spatch removes the call on line 10; the body read on its own has five lines.
        const string code = "int a;\nint b;\nint c;\nint d;\nint e;\nint f;\nint g;\n#define FOO(x) \\\n\tdo { \\\n\tbar(x); \\\n\tqux(); \\\n\t} while (0)\n";
        const string patch = """
            @r@
            position p;
            @@
            bar@p(...)

            @@
            position r.p;
            expression E;
            @@
            - bar@p(E);
              ...
              qux();
            """;
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(new SharedFile(SourceText.FromString("t.c", code)));

        Assert.NotNull(outcome.Modified);
        string modified = Encoding.UTF8.GetString(outcome.Modified);
        Assert.DoesNotContain("bar(x)", modified, StringComparison.Ordinal);
        Assert.Contains("\tqux(); \\\n", modified, StringComparison.Ordinal);
    }

    [Fact]
    public void A_starred_match_in_a_body_highlights_its_lines_in_the_file()
    {
        // spatch marks lines 2, 3 and 6: the test in the one-line bodies and the line of the test in the
        // continued one; nothing of the function-like body that jumps out of its own do-while.
        const string code = "int a;\n#define E1(x) (x == NULL)\n#define S1(x) if (x == NULL) foo();\n#define ML(x) do {\t\\\n\t\tfoo(x);\t\\\n\t\tif (x == NULL)\t\\\n\t\t\tbar(x);\t\\\n\t} while (0)\n"
            + "#define R1(x) do { if (x == NULL) return; } while (0)\nint main(void) { return 0; }\n";
        const string patch = "@@\nexpression x;\n@@\n* x == NULL\n";
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(new SharedFile(SourceText.FromString("t.c", code)));

        Assert.Equal(new[] { 2, 3, 6 }, outcome.StarLines.Order());
        Assert.Equal(3, outcome.Findings.Count);
    }
}
