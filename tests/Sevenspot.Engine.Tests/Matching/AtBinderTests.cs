using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// "code@x" binds x to what the code matched. Only some kinds of metavariable can take that value
/// (spatch rejects the others); the rest are a located error, not a name that silently stays unbound.
/// </summary>
public sealed class AtBinderTests
{
    [Theory]
    [InlineData("@@\ntype T;\nexpression E;\n@@\n- f(E)@T;\n", 5, 7, "T")]
    [InlineData("@@\nparameter P;\n@@\n g(P@P, ...) {...}\n", 4, 5, "P")]
    [InlineData("@@\nfresh identifier F = \"x\";\nexpression E;\n@@\n- f(E@F);\n", 5, 6, "F")]
    [InlineData("@@\nexpression list Es;\n@@\n- f(Es)@Es;\n", 4, 8, "Es")]
    public void Binding_a_metavariable_of_another_kind_is_a_located_error(string rule, int line, int column, string name)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = parsed.Diagnostics[0];
        Assert.Equal(DiagnosticId.SmplUnsupported, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Contains(name + " is bound with @", error.Message, StringComparison.Ordinal);
        Assert.Contains("^", error.ToStringWithCaret().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_comments_metavariable_is_a_located_error_not_an_expression_of_type_comments()
    {
        var parsed = SmplParser.Parse("@r@\ncomments c;\n@@\n foo@c();\n");
        Assert.False(parsed.Success);
        var error = parsed.Diagnostics[0];
        Assert.Equal(DiagnosticId.SmplUnsupported, error.Id);
        Assert.Equal(new LinePosition(2, 0), error.Position);
        Assert.Contains("comments metavariables", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@@\nposition p;\nexpression E;\n@@\n- f(E)@p;\n")]
    [InlineData("@@\nstatement S;\n@@\n f()@S\n")]
    [InlineData("@@\nexpression E, F;\n@@\n- f(E@F);\n")]
    [InlineData("@@\nidentifier i;\nidentifier x;\n@@\n- x@i = 1;\n")]
    public void Positions_terms_and_statements_are_accepted(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }
}
