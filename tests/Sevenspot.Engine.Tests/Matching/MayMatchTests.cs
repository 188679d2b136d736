using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Terms the matcher passes over without trying them (NodeMayMatch) must be exactly those that cannot
/// match: logical chains, isomorphism variants, the terms of a nest. Expectations from spatch 1.1.1.
/// </summary>
public sealed class MayMatchTests
{
    private static string Apply(string cocci, string code)
    {
        var parsed = SmplParser.Parse(new SourceText("t.cocci", Encoding.UTF8.GetBytes(cocci)));
        Assert.True(parsed.Success);
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(new SourceText("t.c", Encoding.UTF8.GetBytes(code)));
        Assert.Null(outcome.Failure);
        return outcome.Modified is null ? code : Encoding.UTF8.GetString(outcome.Modified);
    }

    [Fact]
    public void A_chain_finds_its_operand_through_isomorphisms_and_inner_parentheses()
    {
        const string Rule = "@@\nexpression *E;\n@@\nif ((E == NULL && ...) || ...)\n- h(E);\n+ k(E);\n";
        const string Code = "void g(int *p, int *q, int *r, int *s, int a, int b) {\n"
            + "  if (a || !p) h(p);\n"
            + "  if (q == NULL && a) h(q);\n"
            + "  if (a < 0) h(r);\n"
            + "  if (a || (b && NULL == r)) h(r);\n"
            + "  if (s != NULL) h(s);\n"
            + "}\n";
        const string Expected = "void g(int *p, int *q, int *r, int *s, int a, int b) {\n"
            + "  if (a || !p) k(p);\n"
            + "  if (q == NULL && a) k(q);\n"
            + "  if (a < 0) h(r);\n"
            + "  if (a || (b && NULL == r)) k(r);\n"
            + "  if (s != NULL) h(s);\n"
            + "}\n";
        Assert.Equal(Expected, Apply(Rule, Code));
    }

    [Fact]
    public void A_nest_finds_every_occurrence_at_any_depth_of_the_expression()
    {
        const string Rule = "@@\nexpression E, X;\n@@\nX = <+...\n- E->f\n+ E->g\n ...+>;\n";
        const string Code = "int g(struct s *p, struct s *q, int a) {\n"
            + "  a = p->f + (q->h ? q->f : sizeof(p->k)) * a;\n"
            + "  a = b(p->h, q->f);\n"
            + "  a = p->h;\n"
            + "  return a;\n"
            + "}\n";
        const string Expected = "int g(struct s *p, struct s *q, int a) {\n"
            + "  a = p->g + (q->h ? q->g : sizeof(p->k)) * a;\n"
            + "  a = b(p->h, q->g);\n"
            + "  a = p->h;\n"
            + "  return a;\n"
            + "}\n";
        Assert.Equal(Expected, Apply(Rule, Code));
    }
}
