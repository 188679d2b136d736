using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Fuzz;

/// <summary>Inputs on which the fuzz targets (fuzz/) found a failure, reduced to what triggers it.</summary>
public sealed class FuzzRegressionTests
{
    private static FileOutcome Run(string rule, string code)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
        return new SemanticPatchRunner(parsed.File!, new RunOptions()).Run(SourceText.FromString("t.c", code));
    }

    [Theory]
    [InlineData("@@\nexpression x;\nidentifier x;\n@@\n- f(x);\n", 3, 11)]
    [InlineData("@@\ntype T;\nconst T x;\n T x;\n@@\n- f(x,T);\n", 4, 3)]
    [InlineData("@@\nexpression E, E;\n@@\n- f(E);\n", 2, 14)]
    [InlineData("@r@\nexpression E;\n@@\n f(E);\n@@\nexpression r.E;\nidentifier E;\n@@\n- g(E);\n", 7, 11)]
    [InlineData("@@\nr.t c;\ntype t;\n@@\n- f(c);\n", 3, 5)]
    public void A_metavariable_declared_twice_in_a_rule_is_a_located_error(string rule, int line, int column)
    {
        // Found by the match target: the matcher's table of metavariables took the second declaration as a bug.
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Contains("is already declared as a metavariable of this rule", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("back)")]
    [InlineData("[ack$")]
    [InlineData("*ack$")]
    public void A_constraint_with_a_regular_expression_that_does_not_compile_is_a_located_error(string regex)
    {
        // Found by the match target: the expression was first compiled while matching.
        string rule = "@@\nidentifier f =~ \"" + regex + "\";\n@@\n- f(1);\n";
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(new LinePosition(2, 16), error.Position);
        Assert.Contains("invalid regular expression", error.Message, StringComparison.Ordinal);
        Assert.True(SmplParser.Parse("@@\nidentifier f !~ \"^back$\";\n@@\n- f(1);\n").Success);
    }

    [Theory]
    [InlineData("@r@\nexpression E;\n@@\nf(E);\n\n@script:python s@\nE << r.E;\nid1;\n@@\ncoccinelle.id1 = E\n\n@@\nidentifier s.id1;\n@@\n- g(id1);\n")]
    [InlineData("@r@\nidentifier x : script:python () { True };\n@@\n- x(1);\n")]
    public void A_script_without_a_script_host_fails_on_the_file_instead_of_throwing(string rule)
    {
        // Found by the match target, which runs patches without a python worker: the missing host was an exception.
        var outcome = Run(rule, "void h(void)\n{\n\tf(1);\n\tg(1);\n}\n");
        Assert.NotNull(outcome.ScriptFailure);
        Assert.Contains("no script host was given to run script rules", outcome.ScriptFailure, StringComparison.Ordinal);
        Assert.Null(outcome.Modified);
    }

    [Fact]
    public void The_same_name_in_two_rules_is_not_a_duplicate()
    {
        var parsed = SmplParser.Parse("@@\nexpression E;\n@@\n- f(E);\n+ g(E);\n@@\nexpression E;\n@@\n- h(E);\n");
        Assert.True(parsed.Success);
    }

    [Theory]
    [InlineData("void g() {\n")]
    [InlineData("void g() {\n\tf();\n")]
    [InlineData("void g() {\n\treturn;\n")]
    public void A_body_without_its_closing_brace_does_not_stop_a_rule_that_ends_in_a_return(string code)
    {
        // Found by the match target: the implicit return at the end of a body looked for the missing "}".
        var outcome = Run("@@\n@@\n  void g() {\n- return;\n  }\n", code);
        Assert.Null(outcome.Failure);
        Assert.Equal(Encoding.UTF8.GetBytes(code), outcome.Original);
    }
}
