using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Removed code spatch 1.1.1 refuses before running is refused here too, with a located error: a rule
/// whose whole code is one removed term ("invalid minus starting on line N"), and a removal that leaves
/// a branch with no statement ("plus: parse error"). The forms spatch accepts are accepted.
/// </summary>
public sealed class MinusCodeRefusalTests
{
    [Theory]
    [InlineData("@@\nexpression E;\n@@\n- trace(E)\n", 4)]
    [InlineData("@@\nexpression E;\n@@\n- E\n", 4)]
    [InlineData("@@\n@@\n- 1\n", 3)]
    [InlineData("@@\nidentifier x;\n@@\n- x\n", 4)]
    [InlineData("@@\nexpression E;\n@@\n- trace(E) + 1\n", 4)]
    [InlineData("@@\nexpression E;\n@@\n- f(E) ? 1 : 2\n", 4)]
    [InlineData("@@\nexpression E;\n@@\n- trace(E,\n-       E + 1)\n", 4)]
    [InlineData("@@\ntype T;\n@@\n- T\n", 4)]
    [InlineData("@@\nexpression E;\n@@\n(\n- trace(E)\n|\n- foo(E)\n)\n", 4)]
    [InlineData("@@\nexpression E;\n@@\n- trace(E)\n@@\n@@\n- g();\n", 4)]
    [InlineData("@@\n@@\n- g();\n@@\nexpression E;\n@@\n- trace(E)\n", 7)]
    [InlineData("@r@\nexpression E;\n@@\nf(E);\n@@\nexpression r.E;\n@@\n- g(E)\n", 8)]
    public void A_rule_that_is_one_removed_term_is_refused_at_its_first_token(string rule, int line)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics, d => d.Id == DiagnosticId.SmplWholeTermRemoved);
        Assert.Equal(line, error.Position.Line);
        Assert.StartsWith("invalid minus", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("^", error.ToStringWithCaret().Split('\n')[^1].TrimEnd('~'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@@\nexpression E;\n@@\n- trace(E);\n")]
    [InlineData("@@\nexpression E;\n@@\n- trace(E)\n+ t2(E)\n")]
    [InlineData("@@\nexpression E;\n@@\n* trace(E)\n")]
    [InlineData("@@\nexpression E;\n@@\n  trace(\n- E\n  )\n")]
    [InlineData("@@\nexpression E;\n@@\n- trace(E)\n...\n")]
    [InlineData("@@\ntype T;\n@@\n- #define chip_t T\n")]
    [InlineData("@@\n@@\n- #define FOO 1\n")]
    [InlineData("@@\nexpression E;\n@@\n(\n- a(E);\n|\n- b(E);\n)\n")]
    [InlineData("@@\nexpression E;\n@@\n(\n  a(E);\n|\n- b(E);\n)\n")]
    public void A_removed_term_with_a_statement_added_code_a_star_or_kept_tokens_is_accepted(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
    }

    // spatch parses the code a rule leaves (context and + lines) even when it adds nothing: a branch
    // whose only statement is removed is left without one, a parse error of the plus code there; so is
    // a branch that is a disjunction with one branch all removed, and a disjunction of expressions (at
    // the top or inside code) with one branch all removed.
    [Theory]
    [InlineData("@@\nexpression E;\n@@\nif (E)\n- g();\n")]
    [InlineData("@@\nexpression E;\nstatement S;\n@@\nif (E)\n- g();\nelse S\n")]
    [InlineData("@@\nexpression E;\nstatement S;\n@@\nif (E) S else\n- g();\n")]
    [InlineData("@@\nexpression E, E2;\n@@\nif (E)\nif (E2)\n- g();\n")]
    [InlineData("@@\nexpression E;\n@@\nif (E)\n-{\n- g();\n-}\n")]
    [InlineData("@@\nexpression E;\n@@\nwhile (E)\n- g();\n")]
    [InlineData("@@\nexpression E;\n@@\nfor (;E;)\n- g();\n")]
    [InlineData("@@\nexpression E;\n@@\nif (E)\n(\n- a();\n|\n- b();\n)\n")]
    [InlineData("@@\nexpression E;\nstatement S;\n@@\nif (E) S else\n(\n- a();\n|\n- b();\n)\n")]
    [InlineData("@@\nexpression E;\n@@\nif (E)\n(\n- a();\n|\n  b();\n)\n")]
    [InlineData("@@\nexpression E;\n@@\n(\n- trace(E)\n|\n  foo(E)\n)\n")]
    [InlineData("@@\nexpression E;\n@@\n(\n  trace(E)\n|\n- E + 1\n)\n")]
    [InlineData("@@\nexpression E, X;\n@@\nX = \\(\n- trace(E)\n\\| E + 1 \\);\n")]
    [InlineData("@@\nexpression E;\n@@\ng(\\(\n- trace(E)\n\\| E + 1 \\));\n")]
    public void Removing_the_only_statement_of_a_branch_is_a_parse_error_of_the_plus_code(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
    }

    [Theory]
    [InlineData("@@\nexpression E;\n@@\nif (E) {\n- g();\n}\n")]
    [InlineData("@@\nexpression E;\n@@\nif (E)\n- g();\n+ z();\n")]
    [InlineData("@@\nexpression E;\n@@\nif (E)\n* g();\n")]
    [InlineData("@@\nexpression E;\n@@\nif (E)\n- g();\nh();\n")]
    [InlineData("@@\nexpression E;\n@@\n- if (E)\n- g();\n")]
    [InlineData("@@\nexpression E;\n@@\nif (E) {\n(\n- a();\n|\n- b();\n)\n}\n")]
    public void A_branch_that_keeps_or_gets_a_statement_is_accepted(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
    }
}
