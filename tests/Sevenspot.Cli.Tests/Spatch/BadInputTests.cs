using System.Text;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>Bad input gives a clear message and a spatch exit status, never a crash.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly SpatchHarness _h = new SpatchHarness()
        .With("r.cocci", Samples.RenameRule)
        .With("t.c", Samples.RenameInput);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Unparsable_rule_is_reported_with_its_place_and_a_caret()
    {
        _h.With("bad.cocci", "@@\nexpression E;\n@@\n- foo(E) +;\n+ bar(E);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "bad.cocci", "t.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Empty(result.Stdout);
        string[] lines = result.Stderr.Split('\n');
        Assert.Matches(@"^bad\.cocci:\d+:\d+: ", lines[0]);
        Assert.Contains(lines, l => l.TrimStart().StartsWith('^'));
    }

    [Theory]
    [InlineData("- (T1)E\n+ E\n", "bad.cocci:4:6: parse error: expected ';' before 'E'\n")]
    [InlineData("- (u8)E\n+ E\n", "bad.cocci:4:6: parse error: expected ';' before 'E'\n")]
    [InlineData("- (T1 *)E\n+ E\n", "bad.cocci:4:7: parse error: expected expression before ')'\n")]
    [InlineData("- g(;\n\nvoid other(void);\n", "bad.cocci:4:4: parse error: expected expression before ';'\n")]
    [InlineData("- g(1;\n- h();\n", "bad.cocci:4:5: parse error: expected ')' before ';'\n")]
    public void Rule_that_spatch_cannot_parse_is_refused_where_spatch_stops(string code, string expectedFirstLine)
    {
        // spatch 1.1.1 refuses each with "minus: parse error" at the same line and 0-based column:
        // a name that is no declared type ("T1", "u8": not of the rule) is no cast, and an unclosed
        // call stops at the token that cannot follow, not at the end of the file.
        _h.With("bad.cocci", "@@\nexpression E;\n@@\n" + code);
        var result = _h.Run("--very-quiet", "--sp-file", "bad.cocci", "t.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith(expectedFirstLine, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("identifier r.y;", "-bar(y);", "bad.cocci:7:11: bad rule r or bad variable y: rule r declares no metavariable y\nidentifier r.y;\n           ^~~\n")]
    [InlineData("identifier q.y;", "-bar(y);", "bad.cocci:7:11: unknown rule q\nidentifier q.y;\n           ^~~\n")]
    [InlineData("identifier r . y, z;", "-bar(y);", "bad.cocci:7:11: bad rule r or bad variable y: rule r declares no metavariable y\nidentifier r . y, z;\n           ^~~~~\n")]
    public void Inherited_metavariable_that_the_rule_does_not_declare_is_refused_at_its_place(string declaration, string code, string expected)
    {
        // spatch refuses these too ("bad rule r or bad variable y", a parse error for an unknown rule), with status 255.
        _h.With("bad.cocci", "@r@\nidentifier x;\n@@\nfoo(x);\n\n@@\n" + declaration + "\n@@\n" + code + "\n")
          .With("i.c", "void f(void)\n{\n\tfoo(a);\n\tbar(a);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "bad.cocci", "i.c");
        Assert.Equal(new SpatchResult(255, string.Empty, expected), result);
    }

    [Fact]
    public void Script_binding_to_a_metavariable_the_rule_does_not_declare_is_refused_at_its_place()
    {
        _h.With("bad.cocci", "@r@\nidentifier x;\n@@\nfoo(x);\n\n@script:python@\ny << r.y;\n@@\nprint(y)\n")
          .With("i.c", "void f(void)\n{\n\tfoo(a);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "bad.cocci", "i.c");
        Assert.Equal(new SpatchResult(255, string.Empty, "bad.cocci:7:5: bad rule r or bad variable y: rule r declares no metavariable y\ny << r.y;\n     ^~~\n"), result);
    }

    [Theory]
    [InlineData("finalize", "bad.cocci:7:6: finalize rules run once, before or after the files: they cannot take r.x from a rule (finalize gathers values with merge.name)\nxs << r.x;\n      ^~~\n")]
    [InlineData("initialize", "bad.cocci:7:6: initialize rules run once, before or after the files: they cannot take r.x from a rule\nxs << r.x;\n      ^~~\n")]
    public void Initialize_or_finalize_binding_a_rule_metavariable_is_refused(string kind, string expected)
    {
        // spatch 1.1.1 refuses both with "scriptmeta: parse error" at line 7, column 6.
        _h.With("bad.cocci", $"@r@\nidentifier x;\n@@\n- foo(x);\n\n@{kind}:python@\nxs << r.x;\n@@\nprint(xs)\n")
          .With("i.c", "void f(void)\n{\n\tfoo(a);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "bad.cocci", "i.c");
        Assert.Equal(new SpatchResult(255, string.Empty, expected), result);
    }

    [Fact]
    public void Removing_the_braces_of_a_do_while_body_is_refused_at_the_brace()
    {
        // spatch 1.1.1 refuses every do ... while in a semantic patch ("not supported", status 255).
        _h.With("bad.cocci", "@@\nstatement S;\nexpression E;\n@@\n do\n-{\n S\n-}\n while (E);\n")
          .With("d.c", "void f(void)\n{\n\tdo {\n\t\tg();\n\t} while (x);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "bad.cocci", "d.c");
        Assert.Equal(new SpatchResult(255, string.Empty,
            "bad.cocci:6:1: not supported: removing the braces of the body of a do ... while (spatch does not support do ... while in a semantic patch)\n-{\n ^\n"), result);
    }

    [Fact]
    public void Whole_function_pattern_over_an_endless_loop_finishes()
    {
        // The forall "..." through the loop once made a greatest fixpoint oscillate forever.
        _h.With("loop.cocci", "@@\n@@\n  init_irq(...) {...}\n+ int after;\n")
          .With("loop.c", "void init_irq(void)\n{\n\twhile (1) {\n\t\tpoll();\n\t}\n}\n");
        var result = _h.Run("--very-quiet", "--timeout", "20", "--sp-file", "loop.cocci", "loop.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(" }\n+int after;\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_that_matches_nothing_prints_nothing()
    {
        _h.With("other.c", "int main(void)\n{\n\treturn other(1);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "other.c");
        Assert.Equal(new SpatchResult(0, string.Empty, string.Empty), result);
    }

    [Fact]
    public void File_with_code_that_does_not_parse_is_processed_for_the_rest()
    {
        _h.With("e.c", "int f(void)\n{\n\tfoo(1);\n\treturn 0;\n}\nint g(void) { x = = 3; }\nint h(void)\n{\n\tfoo(3);\n}\n");
        var result = _h.Run("--sp-file", "r.cocci", "e.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+\tbar(1);", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+\tbar(3);", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("e.c:6:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the rest of the file is processed\n", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\ncoverage: 2 of 3 functions parsed (66.67%) in 1 file(s); 0 file(s) skipped; sevenspot parse --errors FILES lists the functions that did not parse\n", result.Stderr, StringComparison.Ordinal);

        // --very-quiet (what coccicheck passes) keeps stderr for failures.
        Assert.Empty(_h.Run("--very-quiet", "--sp-file", "r.cocci", "e.c").Stderr);
    }

    [Fact]
    public void Missing_file_is_an_error()
    {
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "missing.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Equal("ERROR: File missing.c does not exist: No such file or directory\n", result.Stderr);

        result = _h.Run("--very-quiet", "--sp-file", "missing.cocci", "t.c");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("sevenspot: missing.cocci: No such file or directory\n", result.Stderr);

        result = _h.Run("--very-quiet", "t.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Equal("I need a cocci file,  use --sp-file <file>\n", result.Stderr);
    }

    [Fact]
    public void Binary_file_is_processed_without_harm()
    {
        var random = new Random(3);
        var bytes = new byte[20000];
        random.NextBytes(bytes);
        Encoding.ASCII.GetBytes("foo(1);").CopyTo(bytes, 5000);
        _h.With("bin.c", bytes);
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "bin.c", "t.c");
        Assert.True(result.ExitCode is 0 or 255, result.ToString());
        Assert.Equal(bytes, File.ReadAllBytes(_h.PathOf("bin.c")));

        _h.With("d/bin.c", bytes).With("d/t.c", Samples.RenameInput);
        result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("diff -u -p a/t.c b/t.c\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_gives_up_on_a_file_and_the_run_goes_on()
    {
        // Far too much code for one second.
        var big = new StringBuilder();
        for (int i = 0; i < 300_000; i++)
        {
            big.Append("int f").Append(i).Append("(int x)\n{\n\tif (x) foo(x);\n\twhile (x--) { bar(x); }\n\treturn x;\n}\n");
        }

        _h.With("d/a_big.c", big.ToString()).With("d/b.c", Samples.RenameInput);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "--timeout", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("EXN: Coccinelle_modules.Common.Timeout in d/a_big.c\n", result.Stderr);
        Assert.Equal("diff -u -p a/b.c b/b.c\n--- a/b.c\n+++ b/b.c\n" + Samples.RenameDiffBody, result.Stdout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");

        // Alone, the file stops the run as in spatch.
        result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "d/a_big.c", "--timeout", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal("timeout (we abort): d/a_big.c\nFatal error: exception Coccinelle_modules.Common.Timeout\n", result.Stderr);
    }
}
