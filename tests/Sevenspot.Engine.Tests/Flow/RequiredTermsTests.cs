using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Flow;

/// <summary>
/// The inherited expressions every match of a single-term pattern compares with code inside its term:
/// a term without a name of their value is not tried, which must never change a result.
/// </summary>
public sealed class RequiredTermsTests
{
    private const string Free = "@free@\nexpression E;\nposition p1;\n@@\n\nkfree@p1(E);\n\n";

    private static SmplFile Parse(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        return parsed.File!;
    }

    private static string[] Required(string patch, string ruleName)
    {
        var rule = Parse(patch).CodeRules.Single(r => r.Name == ruleName);
        var compiled = new CompiledRule(rule, new IsoIndex(rule, new RunOptions().Isomorphisms), new HashSet<string>(), contextMode: false);
        return compiled.RequiredTerms;
    }

    [Fact]
    public void An_inherited_expression_in_every_branch_is_required()
    {
        string patch = Free + "@print@\nexpression free.E, E2;\nposition p;\n@@\n(\n E@p == E2\n|\n !E@p\n|\n f(..., E@p, ...)\n)\n";
        Assert.Equal(["E"], Required(patch, "print"));
    }

    [Fact]
    public void One_missing_from_a_branch_or_only_in_a_nest_is_not()
    {
        string oneBranch = Free + "@print@\nexpression free.E, E2;\n@@\n(\n E == E2\n|\n !E2\n)\n";
        Assert.Empty(Required(oneBranch, "print"));
        string nest = Free + "@sz@\nexpression free.E;\n@@\nsizeof(<+... E ...+>)\n";
        Assert.Empty(Required(nest, "sz"));
        string own = "@r@\nexpression E;\n@@\n!E\n";
        Assert.Empty(Required(own, "r"));
    }

    [Fact]
    public void Each_environment_still_matches_the_terms_that_spell_its_value()
    {
        // Expectation from spatch 1.1.1 on the same rules and file.
        string patch = Free + "@print@\nexpression free.E, E2;\n@@\n(\n- E == E2\n+ same(E2)\n|\n- !E\n+ missing(E)\n|\n- g(E, E2)\n+ h(E2)\n)\n";
        const string code = "void f(struct s *a, struct s *b)\n{\n\tif (!a->buf)\n\t\treturn;\n\tkfree(a->buf);\n\tg(a->buf, b);\n\tif (!b->buf)\n\t\tkfree(b->buf);\n}\n";
        var outcome = new SemanticPatchRunner(Parse(patch), new RunOptions()).Run(SourceText.FromString("test.c", code));
        Assert.Null(outcome.Failure);
        Assert.Equal("void f(struct s *a, struct s *b)\n{\n\tif (missing(a->buf))\n\t\treturn;\n\tkfree(a->buf);\n\th(b);\n\tif (missing(b->buf))\n\t\tkfree(b->buf);\n}\n",
            Encoding.UTF8.GetString(outcome.Modified!));
    }
}
