using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// ( E &amp; &lt;+... e ...+&gt; ) written where a statement goes: one expression pattern whose nest looks
/// inside the expression E matched (spatch 1.1.1 compiles it to a single predicate), not a statement
/// followed by a nest along every path to the function's end.
/// </summary>
public sealed class ExpressionConjunctionTests
{
    private static CodeRule Rule(string cocci)
    {
        var parsed = SmplParser.Parse(new SourceText("t.cocci", Encoding.UTF8.GetBytes(cocci)));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        return parsed.File!.CodeRules.First();
    }

    private static CompiledRule Compile(CodeRule rule) =>
        new(rule, new IsoIndex(rule, new RunOptions().Isomorphisms), new HashSet<string>(), contextMode: false);

    [Fact]
    public void An_expression_beside_an_expression_nest_is_one_term_and_needs_no_model_checking()
    {
        var rule = Rule("@@\nexpression E, fn;\n@@\n(\nE\n&\n<+... fn(...) ...+>\n)\n");
        Assert.Equal(PatternShape.SingleTerm, Compile(rule).Shape);
    }

    [Fact]
    public void A_nest_of_statements_keeps_the_conjunction_on_the_control_flow()
    {
        // The nest first: a conjunction whose first branch is an expression is one of expressions,
        // where spatch refuses the nest of statements.
        var rule = Rule("@@\nexpression E, fn;\n@@\n(\n<+... fn(...); ...+>\n&\nE\n)\n");
        Assert.Equal(PatternShape.Flow, Compile(rule).Shape);
    }
}
