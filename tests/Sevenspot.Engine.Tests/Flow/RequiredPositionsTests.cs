using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Flow;

/// <summary>
/// The inherited positions every match of a flow rule binds: a function that cannot hold them is not
/// model-checked in that environment, which must never change a result.
/// </summary>
public sealed class RequiredPositionsTests
{
    private static SmplFile Parse(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        return parsed.File!;
    }

    private static string[] Required(string patch, string ruleName)
    {
        var file = Parse(patch);
        var rule = file.CodeRules.Single(r => r.Name == ruleName);
        var compiled = new CompiledRule(rule, new IsoIndex(rule, new RunOptions().Isomorphisms), new HashSet<string>(), contextMode: false);
        return compiled.RequiredPositions;
    }

    private static string[] RequiredInLiveCode(string patch, string ruleName)
    {
        var file = Parse(patch);
        var rule = file.CodeRules.Single(r => r.Name == ruleName);
        var compiled = new CompiledRule(rule, new IsoIndex(rule, new RunOptions().Isomorphisms), new HashSet<string>(), contextMode: false);
        return compiled.RequiredPositionsInLiveCode;
    }

    private const string Earlier = "@r1@\nposition p;\nexpression E;\n@@\nlock@p(E);\n\n";

    [Fact]
    public void A_position_on_the_first_statement_is_required()
    {
        string patch = Earlier + "@r2@\nposition r1.p;\nexpression r1.E;\n@@\nlock@p(E);\n...\nunlock(E);\n";
        Assert.Equal(["p"], Required(patch, "r2"));
    }

    [Fact]
    public void A_position_in_every_branch_of_a_disjunction_is_required()
    {
        string patch = Earlier + "@r2@\nposition r1.p;\nexpression r1.E;\n@@\n(\nlock@p(E);\n|\ntrylock@p(E);\n)\n...\nunlock(E);\n";
        Assert.Equal(["p"], Required(patch, "r2"));
    }

    [Fact]
    public void A_position_in_one_branch_only_or_in_a_nest_is_not()
    {
        string oneBranch = Earlier + "@r2@\nposition r1.p;\nexpression r1.E;\n@@\n(\nlock@p(E);\n|\ntrylock(E);\n)\n...\nunlock(E);\n";
        Assert.Empty(Required(oneBranch, "r2"));
        string nest = Earlier + "@r2@\nposition r1.p;\nexpression r1.E, F;\n@@\nif (F) {\n<+... lock@p(E); ...+>\n}\n";
        Assert.Empty(Required(nest, "r2"));
        string afterDots = Earlier + "@r2@\nposition r1.p;\nexpression r1.E;\n@@\nstart(E);\n... when != lock@p(E);\nunlock(E);\n";
        Assert.Empty(Required(afterDots, "r2"));
    }

    [Fact]
    public void Each_environment_still_matches_in_the_function_that_holds_its_position()
    {
        // Expectation from spatch 1.1.1 on the same rule and file.
        string patch = Earlier + "@r2@\nposition r1.p;\nexpression r1.E;\n@@\nlock@p(E);\n...\n- lock(E);\n+ relock(E);\n";
        const string code = "void f(void)\n{\n\tlock(a);\n\tlock(a);\n}\n\nvoid g(void)\n{\n\tlock(b);\n\tx();\n\tlock(b);\n}\n";
        var outcome = new SemanticPatchRunner(Parse(patch), new RunOptions()).Run(SourceText.FromString("test.c", code));
        Assert.Null(outcome.Failure);
        Assert.Equal("void f(void)\n{\n\tlock(a);\n\trelock(a);\n}\n\nvoid g(void)\n{\n\tlock(b);\n\tx();\n\trelock(b);\n}\n",
            Encoding.UTF8.GetString(outcome.Modified!));
    }

    [Fact]
    public void A_position_in_a_plus_nest_is_required_in_live_code()
    {
        string nest = Earlier + "@r2@\nposition r1.p;\nexpression r1.E, F;\n@@\nif (F) {\n<+... lock@p(E); ...+>\n}\n";
        Assert.Equal(["p"], RequiredInLiveCode(nest, "r2"));
        string balanced = Earlier + "@r2@\nposition r1.p;\nexpression r1.E, F;\nidentifier lock, unlock;\n@@\nif (F) {\n<+... when != E\nlock(E@p,...)\n...+>\n}\n... when != E\nif (F) {\n<+... when != E\nunlock(E,...)\n...+>\n}\n";
        Assert.Equal(["p"], RequiredInLiveCode(balanced, "r2"));
        string star = Earlier + "@r2@\nposition r1.p;\nexpression r1.E, F;\n@@\nif (F) {\n<... lock@p(E); ...>\n}\n";
        Assert.Empty(RequiredInLiveCode(star, "r2"));
    }

    [Fact]
    public void A_rule_whose_nest_holds_the_position_keeps_its_matches_beside_dead_code_and_early_returns()
    {
        // Expectation from spatch 1.1.1 on the same rules and file: only g's two locks are a double lock (removed).
        const string patch = "@locked@\nposition p1, p;\nexpression E1;\n@@\nspin_lock@p1(E1@p,...);\n\n"
            + "@balanced@\nposition p1 != locked.p1;\nposition locked.p;\nidentifier lock, unlock;\nexpression x <= locked.E1;\nexpression E, locked.E1;\nexpression E2;\n@@\n"
            + "if (E) {\n <+... when != E1\n lock(E1@p,...)\n ...+>\n}\n... when != E1\n    when != \\(x = E2\\|&x\\)\n    when forall\nif (E) {\n <+... when != E1\n unlock@p1(E1,...)\n ...+>\n}\n\n"
            + "@r depends on !balanced exists@\nexpression x <= locked.E1;\nexpression locked.E1;\nexpression E2;\nidentifier lock;\nposition locked.p, p1, p2;\n@@\n"
            + "-lock@p1 (E1@p,...);\n... when != E1\n    when != \\(x = E2\\|&x\\)\n-lock@p2 (E1,...);\n";
        const string code = "void f(struct s *a, int x)\n{\n\tif (x) {\n\t\tspin_lock(&a->l);\n\t\treturn;\n\t}\n\twork();\n\tif (x) {\n\t\tspin_unlock(&a->l);\n\t}\n}\n\n"
            + "void g(struct s *a, int x)\n{\n\tspin_lock(&a->l);\n\tspin_lock(&a->l);\n}\n\n"
            + "int h(struct s *a, int x)\n{\n\treturn 0;\n\tif (x) {\n\t\tspin_lock(&a->m);\n\t}\n\tif (x) {\n\t\tspin_unlock(&a->m);\n\t}\n}\n\n"
            + "void k(struct s *a, int x)\n{\n\tif (x) {\n\t\tspin_lock(&a->n);\n\t}\n\tif (x) {\n\t\tspin_unlock(&a->n);\n\t}\n\tspin_lock(&a->n);\n}\n";
        var outcome = new SemanticPatchRunner(Parse(patch), new RunOptions()).Run(SourceText.FromString("test.c", code));
        Assert.Null(outcome.Failure);
        Assert.Equal(code.Replace("void g(struct s *a, int x)\n{\n\tspin_lock(&a->l);\n\tspin_lock(&a->l);\n}", "void g(struct s *a, int x)\n{\n}", StringComparison.Ordinal),
            Encoding.UTF8.GetString(outcome.Modified!));
    }
}
