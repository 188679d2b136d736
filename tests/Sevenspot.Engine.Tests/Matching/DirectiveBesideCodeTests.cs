using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Preprocessor directives in a pattern that also holds C code. A context, - or * directive there is
/// never part of what spatch matches (it rejects the rule in a function body and matches nothing at
/// top level), so it is a located error, not a pattern that silently leaves the directive out.
/// </summary>
public sealed class DirectiveBesideCodeTests
{
    [Theory]
    [InlineData("@@\n@@\n  #include <linux/a.h>\n- int y;\n", 3, 2)]
    [InlineData("@@\n@@\n- #define FOO 1\n- int y;\n", 3, 2)]
    [InlineData("@@\n@@\n- foo(x);\n  #define FOO 1\n", 4, 2)]
    [InlineData("@@\n@@\n  int f(...) {\n  #pragma unroll\n- foo(x);\n  ...\n  }\n", 4, 2)]
    [InlineData("@@\n@@\n  foo(x);\n- #pragma unroll\n  return x;\n", 4, 2)]
    [InlineData("@@\n@@\n* #include <linux/a.h>\n* struct s { ... };\n", 3, 2)]
    [InlineData("@@\nexpression E;\n@@\n  f(E);\n-#if X\n  g(E);\n-#endif\n", 5, 1)]
    public void A_matched_directive_beside_code_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = parsed.Diagnostics[0];
        Assert.Equal(DiagnosticId.SmplUnsupported, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Contains("preprocessor directive", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("^", error.ToStringWithCaret(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_matched_directive_beside_code_is_reported()
    {
        var parsed = SmplParser.Parse("@@\nexpression E;\n@@\n  f(E);\n-#if X\n  g(E);\n-#endif\n");
        Assert.Equal(2, parsed.Diagnostics.Count);
        Assert.Equal(7, parsed.Diagnostics[1].Position.Line);
    }

    [Theory]
    [InlineData("@@\n@@\n  foo(x);\n+ #include <x.h>\n  return x;\n")]
    [InlineData("@@\n@@\n- #include <linux/a.h>\n+ #include <linux/b.h>\n")]
    [InlineData("@@\n@@\n  #define FOO 1\n+ #define BAR 2\n")]
    public void Added_directives_and_directive_only_patterns_are_accepted(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }
}
