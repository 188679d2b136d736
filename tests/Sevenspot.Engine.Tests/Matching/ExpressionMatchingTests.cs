using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>Expression disjunctions, idexpression locality, integer literals and inherited positions, on whole runs.</summary>
public sealed class ExpressionMatchingTests
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
    public void A_later_branch_does_not_match_inside_a_term_an_earlier_branch_matched()
    {
        const string Rule = "@@\nsymbol v;\nexpression E;\n@@\n(\n- g(E)\n+ gg(E)\n|\n- v\n+ w\n)\n";
        string result = Apply(Rule, "int main() {\n  x = g(v) + v;\n}\n");
        Assert.Contains("x = gg(v) + w;", result, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_branch_does_not_match_around_a_term_an_earlier_branch_matched()
    {
        const string Rule = "@@\nidentifier fld;\nsymbol v;\n@@\n(\n- v\n+ *v\n|\n- v.fld\n+ v->fld\n)\n";
        string result = Apply(Rule, "int main() {\n  f(v.a, v);\n}\n");
        Assert.Contains("f(*v.a, *v);", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_idexpression_matches_parameters_and_non_static_locals_only()
    {
        const string Rule = "@@\nlocal idexpression x;\n@@\n- x\n+ 12\n";
        string result = Apply(Rule, "int g;\nint main(int p) {\n  int a;\n  static int b;\n  f(a);\n  f(b);\n  f(p);\n  f(g);\n}\n");
        Assert.Contains("f(12);\n  f(b);\n  f(12);\n  f(g);", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Global_idexpression_matches_what_local_does_not()
    {
        const string Rule = "@@\nglobal idexpression x;\n@@\n- x\n+ 12\n";
        string result = Apply(Rule, "int main(int p) {\n  static int b;\n  f(b);\n  f(p);\n}\n");
        Assert.Contains("12(12);\n  12(p);", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x00", true)]
    [InlineData("00", true)]
    [InlineData("0", true)]
    [InlineData("0L", false)]
    public void An_integer_literal_matches_the_same_value_written_otherwise(string written, bool matches)
    {
        string code = $"int main() {{\n  f({written});\n}}\n";
        string result = Apply("@@\n@@\n- f(0);\n", code);
        Assert.Equal(matches, !result.Contains("f(", StringComparison.Ordinal));
    }

    [Fact]
    public void An_inherited_position_restricts_the_match_to_where_it_was_bound()
    {
        const string Rule = "@a@\nposition p;\n@@\nf@p(1,...)\n\n@@\nposition a.p;\n@@\n- f@p(...);\n";
        string result = Apply(Rule, "int main() {\n  f(1,2);\n  f(6,5);\n}\n");
        Assert.Equal("int main() {\n  f(6,5);\n}\n", result);
    }

    [Fact]
    public void A_position_constraint_on_another_rule_excludes_every_value_it_had()
    {
        const string Rule = "@a@\nposition p;\n@@\nf@p(1,...)\n\n@b@\nposition p1;\n@@\nf@p1(...,5)\n\n@@\nposition a.p != b.p1;\n@@\n- f@p(...);\n";
        string result = Apply(Rule, "int main() {\n  f(1,2);\n  f(1,5);\n  f(6,5);\n}\n");
        Assert.Equal("int main() {\n  f(1,5);\n  f(6,5);\n}\n", result);
    }

    [Fact]
    public void A_list_length_set_limits_the_lengths_matched()
    {
        const string Rule = "@@\nexpression list[n={1...2}] es;\n@@\n- f(es);\n";
        string result = Apply(Rule, "int main() {\n  f(1);\n  f(1,2);\n  f(1,2,3);\n}\n");
        Assert.Equal("int main() {\n  f(1,2,3);\n}\n", result);
    }

    [Fact]
    public void An_identifier_list_takes_identifiers_only()
    {
        // spatch 1.1.1 refuses an identifier list as arguments; where it is read, a constant or any
        // other expression in the list is no identifier.
        const string Rule = "@@\nidentifier list IL;\n@@\n- g(IL);\n+ h(IL);\n";
        string result = Apply(Rule, "int main() {\n  g(a, b);\n  g(1, b);\n  g(a + 1);\n  g();\n}\n");
        Assert.Equal("int main() {\n  h(a, b);\n  g(1, b);\n  g(a + 1);\n  h();\n}\n", result);
    }

    [Fact]
    public void An_inherited_metavariable_left_unbound_only_fails_the_patterns_that_name_it()
    {
        const string Head = "@r@\nexpression a,b,c;\n@@\n(\nfoo(a,c);\n|\nbar(b,c);\n)\n\n@@\nexpression r.a,r.c;\n@@\n";
        const string Code = "int main() {\n  bar(12,1);\n  xxx(12,1);\n  xxx(1);\n}\n";
        Assert.Equal(Code, Apply(Head + "- xxx(a,c);\n+ yyy();\n", Code));
        Assert.Contains("xxx(12,1);\n  yyy();", Apply(Head + "- xxx(c);\n+ yyy();\n", Code), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_occurrence_of_a_pattern_in_a_node_is_transformed()
    {
        const string Rule = "@@\n@@\nf();\n...\n- foo(x)\n+ bar(x)\n";
        string result = Apply(Rule, "int main() {\n  f();\n  a = foo(x) + foo(x);\n}\n");
        Assert.Contains("a = bar(x) + bar(x);", result, StringComparison.Ordinal);
    }
}
