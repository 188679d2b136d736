using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Rules spatch rejects are rejected here too, once per error, at the place spatch names, with the
/// line and a caret; rules spatch accepts are accepted.
/// </summary>
public sealed class RuleErrorTests
{
    [Theory]
    [InlineData("@@\nexpression x;\n@@\n- foo(x;\n", 5, 0)]
    [InlineData("@@\nexpression y;\n@@\n- foo(y) +;\n", 4, 10)]
    public void A_parse_error_in_rule_code_is_reported_once(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.StartsWith("parse error: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("parse error: parse error", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("^", error.ToStringWithCaret(), StringComparison.Ordinal);
    }
}
