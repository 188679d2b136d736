using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Transform;

/// <summary>Rules applied to small files: what the transformed code looks like, as spatch prints it.</summary>
public sealed class TransformTests
{
    private static string Apply(string rule, string code)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("t.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(SourceText.FromString("t.c", code));
        Assert.Null(outcome.Failure);
        return outcome.Modified is { } bytes ? Encoding.UTF8.GetString(bytes) : code;
    }

    [Fact]
    public void A_statement_metavariable_in_added_code_prints_the_statement_once()
    {
        const string rule = "@@\nexpression e;\nstatement S;\n@@\n- if (e) S\n+ if (g(e)) S\n";
        const string code = "int f() {\n  a();\n  if (y)\n    return 1;\n  b();\n}\n";
        Assert.Equal("int f() {\n  a();\n  if (g(y))\n    return 1;\n  b();\n}\n", Apply(rule, code));
    }

    [Fact]
    public void Code_added_among_removed_statements_comes_once()
    {
        const string rule = "@@\n@@\nif (...)\n- {\n- one();\n- two();\n+ three();\n- }\n";
        const string code = "int f() {\n  if (x) {\n    one();\n    two();\n  }\n}\n";
        Assert.Equal("int f() {\n  if (x) three();\n}\n", Apply(rule, code));
    }

    [Fact]
    public void An_iso_that_would_lose_a_change_to_its_own_tokens_is_not_used()
    {
        const string rule = "@@\nidentifier x;\n@@\nx ==\n- 0\n+ 1\n";
        const string code = "int f(int x) {\n  if (!x)\n    return 1;\n  if (x == 0)\n    return 2;\n}\n";
        Assert.Equal("int f(int x) {\n  if (!x)\n    return 1;\n  if (x == 1)\n    return 2;\n}\n", Apply(rule, code));
    }

    [Fact]
    public void An_iso_carries_changes_inside_its_metavariables()
    {
        const string rule = "@@\nidentifier x;\n@@\nfoo(\n- a\n+ b\n , x) == 0\n";
        const string code = "int f(int x) {\n  if (!foo(a, x))\n    return 1;\n}\n";
        Assert.Equal("int f(int x) {\n  if (!foo(b, x))\n    return 1;\n}\n", Apply(rule, code));
    }

    [Fact]
    public void Code_added_before_a_compound_branch_puts_braces_around_it()
    {
        const string rule = "@@\nstatement S;\n@@\n+ foo();\n  S\n";
        const string code = "int f() {\n  if (y) {\n    a();\n  }\n}\n";
        Assert.Equal(
            "int f() {\n  foo();\n  if (y) {\n    foo();\n    {\n      foo();\n      a();\n    }\n  }\n}\n",
            Apply(rule, code));
    }

    [Fact]
    public void Code_added_after_an_if_goes_after_code_added_after_its_last_branch()
    {
        const string rule = "@@\nstatement S;\n@@\n  S\n+ foo();\n";
        const string code = "int f() {\n  if (y)\n    a();\n  else if (z)\n    b();\n}\n";
        Assert.Equal(
            "int f() {\n  if (y) {\n    a();\n    foo();\n  }\n  else {\n    if (z) {\n      b();\n      foo();\n    }\n    foo();\n  }\n  foo();\n}\n",
            Apply(rule, code));
    }

    [Fact]
    public void Code_added_after_a_branch_matched_in_a_nest_puts_braces_around_it()
    {
        const string rule = "@@\n@@\nmain(...) {\n  <...\n  foo();\n+ bar();\n  ...>\n}\n";
        const string code = "int main () {\n  if (x > 1) foo();\n}\n";
        Assert.Equal("int main () {\n  if (x > 1) {\n    foo();\n    bar();\n  }\n}\n", Apply(rule, code));
    }

    [Fact]
    public void A_star_line_may_open_a_disjunction_that_a_context_line_closes()
    {
        const string rule = "@@\nexpression x, E;\n@@\n* x = \\(kmalloc(E)\\|\n  vmalloc(E)\\);\n";
        var parsed = SmplParser.Parse(SourceText.FromString("t.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void Blanks_between_removed_tokens_of_one_application_go_with_them()
    {
        const string rule = "@@\n@@\n- f(int x, int y) {\n+ f(int x){\n   ...\n  }\n";
        const string code = "int f(int x, int y) { return x; }\n";
        Assert.Equal("int f(int x) { return x; }\n", Apply(rule, code));
    }

    [Fact]
    public void Statements_removed_in_turn_under_a_nest_keep_their_own_lines()
    {
        const string rule = "@@\n@@\na();\n<...\n- f();\n+ g();\n...>\nb();\n";
        const string code = "void h() {\n  a();\n  f();\n  f();\n  b();\n}\n";
        Assert.Equal("void h() {\n  a();\n  g();\n  g();\n  b();\n}\n", Apply(rule, code));
    }

    [Fact]
    public void Sizeof_of_an_expression_is_followed_by_a_space_unless_parenthesized()
    {
        const string rule = "@@\nexpression E1, E2, E3;\n@@\n- kzalloc(E1 * E2, E3)\n+ kzalloc(E1, E2, E3)\n";
        const string code = "void f() {\n  a = kzalloc(n * sizeof *p, G);\n  b = kzalloc(n * sizeof(*p), G);\n}\n";
        Assert.Equal("void f() {\n  a = kzalloc(n, sizeof *p, G);\n  b = kzalloc(n, sizeof(*p), G);\n}\n", Apply(rule, code));
    }
}
