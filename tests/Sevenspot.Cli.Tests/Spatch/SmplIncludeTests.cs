namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>A semantic patch that includes another ("#include "x.cocci"" before its rules).</summary>
public sealed class SmplIncludeTests : IDisposable
{
    private readonly SpatchHarness _h = new SpatchHarness()
        .With("base.cocci", "@r@\nexpression e;\n@@\nfoo(e);\n")
        .With("t.c", "int main() {\n  foo(1);\n}\n");

    public void Dispose() => _h.Dispose();

    [Fact]
    public void An_included_patch_is_an_error_with_its_place_not_left_out()
    {
        // Its rules are not read in: running without them would change nothing where spatch changes code.
        _h.With("r.cocci", "#include \"base.cocci\"\n\n@@\nexpression r.e;\n@@\n- foo(e);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("r.cocci:1:0: not supported: including another semantic patch (#include \"base.cocci\")", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
