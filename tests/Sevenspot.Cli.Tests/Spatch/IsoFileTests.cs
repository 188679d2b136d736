namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// Isomorphism files named on the command line, by a patch's "using" line and by a rule's header.
/// Expectations are spatch 1.1.1's output on the same files.
/// </summary>
public sealed class IsoFileTests : IDisposable
{
    private const string CallIso = "Expression\n@ fb @\nexpression E;\n@@\nfoo(E) => bar(E)\n";

    private const string Code = "int main() {\n  a = foo(1);\n  b = bar(2);\n}\n";

    private static string TwoRules(string first, string second) =>
        "@r" + first + "@\nexpression e;\n@@\n- foo(e)\n+ one(e)\n\n@s" + second + "@\nexpression e;\n@@\n- foo(e)\n+ two(e)\n";

    private readonly SpatchHarness _h = new SpatchHarness()
        .With("e.iso", CallIso)
        .With("t.c", Code);

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData(" using \"e.iso\"", "", "+  a = one(1);\n+  b = one(2);\n")]
    [InlineData("", " using \"e.iso\"", "+  a = one(1);\n+  b = two(2);\n")]
    public void A_rule_headers_iso_file_applies_to_that_rule_only(string first, string second, string added)
    {
        _h.With("r.cocci", TwoRules(first, second));
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("-  a = foo(1);\n-  b = bar(2);\n" + added + " }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_using_line_applies_to_every_rule()
    {
        _h.With("r.cocci", "using \"e.iso\"\n\n" + TwoRules(string.Empty, string.Empty));
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("-  a = foo(1);\n-  b = bar(2);\n+  a = one(1);\n+  b = one(2);\n }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_top_level_isomorphism_whose_term_is_not_one_term_is_an_error_with_its_place()
    {
        _h.With("bad.iso", "// two statements\nTopLevel\n@ ifpair @\nexpression E;\nstatement S;\n@@\nif (E) S => while (E) S\n")
          .With("r.cocci", "@r using \"bad.iso\"@\nexpression e;\n@@\n- foo(e);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bad.iso:2:0: not supported: TopLevel isomorphism ifpair: the term 'if (E) S'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\nTopLevel\n^", result.Stderr, StringComparison.Ordinal);
    }
}
