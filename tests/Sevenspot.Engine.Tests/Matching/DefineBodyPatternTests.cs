using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// A #define of a rule whose body is a pattern (lines of it removed or added, or a nest in it). What
/// spatch cannot parse there, and a header changed together with such a body, are located errors;
/// the forms that work are fixtures (Fixtures/define-body-*).
/// </summary>
public sealed class DefineBodyPatternTests
{
    [Theory]
    [InlineData("@@\nidentifier i, x;\n@@\n-#define i(x) \\\n foo(x)\n+#define i(x) bar(x)\n", 4, 1, "header")]
    [InlineData("@@\nidentifier i, x;\n@@\n#define i(x) do { \\\n- foo(x); \\\n+ bar(x); \\\n } while (0)\n", 4, 13, "do ... while")]
    [InlineData("@@\nidentifier i, x;\n@@\n#define i(x) \\\n  { \\\n- foo(x); \\\n+ bar(x); \\\n  }\n", 5, 2, "block")]
    public void An_unsupported_define_body_pattern_is_a_located_error(string rule, int line, int column, string what)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = parsed.Diagnostics[0];
        Assert.Equal(DiagnosticId.SmplUnsupported, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"\n *\^~*$", error.ToStringWithCaret());
    }

    [Fact]
    public void A_define_body_pattern_keeps_its_header_apart_from_the_code()
    {
        var parsed = SmplParser.Parse("@@\nidentifier i, j;\nbinary operator b;\nexpression e;\n@@\n#define i(...,j,...) (<+... \\\n+( \\\nj \\\n+) \\\nb e ...+>)\n");
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
        var rule = Assert.IsType<CodeRule>(parsed.File!.Rules[0]);
        Assert.Null(rule.Body.Directive);
        Assert.Equal("#define i(...,j,...)", rule.Body.DefineHeader?.Text);
        Assert.Equal(6, rule.Body.DefineHeader?.Line);
    }

    [Fact]
    public void A_define_written_as_a_whole_is_still_a_directive_pattern()
    {
        var parsed = SmplParser.Parse("@@\nidentifier N;\nexpression X;\n@@\n- #define N X\n+ #define N (X)\n");
        Assert.True(parsed.Success);
        var rule = Assert.IsType<CodeRule>(parsed.File!.Rules[0]);
        Assert.NotNull(rule.Body.Directive);
        Assert.Null(rule.Body.DefineHeader);
    }
}
