using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Running;

/// <summary>
/// A single-term rule that inherits a position written on a name or on the "=" of an initializer is
/// tried, per environment, only at the terms that reach the line of that position; the matches are those
/// of trying every term (expectations from spatch 1.1.1, which stars the same declarations).
/// </summary>
public sealed class TermPositionTests
{
    private const string Code = """
        struct ops { int open; int close; int read; };

        static struct ops first = {
            .open = 1,
            .close = 2,
        };

        static struct ops
        second
            = { .read = 1 };

        int nothing = 3;
        """;

    private const string Patch = """
        @r@
        identifier I, s, fld;
        position p0;
        expression E;
        @@
        struct I s =@p0 { ..., .fld = E, ...};

        @s@
        identifier I, s, r.fld;
        position r.p0;
        @@
        * struct I s =@p0 { ..., .fld = 1, ...};
        """;

    [Fact]
    public void Each_place_finds_its_own_declaration_also_when_the_equals_sign_is_on_a_later_line()
    {
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", Patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(new SharedFile(SourceText.FromString("t.c", Code)));

        int[] lines = [.. outcome.StarLines];
        Assert.Contains(3, lines); // first, from its place on line 3
        Assert.Contains(4, lines);
        Assert.Contains(8, lines); // second: the declaration starts on line 8, its "=" is on line 10
        Assert.Contains(9, lines);
        Assert.Contains(10, lines);
        Assert.DoesNotContain(12, lines);
    }

    [Fact]
    public void A_place_inside_a_define_body_is_found_where_the_body_is_in_the_file()
    {
        // spatch 1.1.1 changes the call on line 4: the place the first rule binds in the #define body
        // is at its line in the file, not at that line of the body read on its own.
        const string code = "int a;\n#define FOO(x) \\\n\tdo { \\\n\tbar(x); \\\n\t} while (0)\n";
        const string patch = """
            @r@
            position p;
            @@
            bar@p(...)

            @@
            position r.p;
            expression E;
            @@
            - bar@p(E)
            + baz(E)
            """;
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(new SharedFile(SourceText.FromString("t.c", code)));

        Assert.NotNull(outcome.Modified);
        Assert.Equal(code.Replace("bar(x)", "baz(x)", StringComparison.Ordinal), System.Text.Encoding.UTF8.GetString(outcome.Modified));
    }
}
