using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Flow;

/// <summary>Statement patterns matched over the control-flow graph, checked on the code they produce.</summary>
public sealed class StatementPatternTests
{
    private static string Apply(string rule, string code)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var outcome = new SemanticPatchRunner(parsed.File!, new RunOptions()).Run(SourceText.FromString("test.c", code));
        Assert.Null(outcome.Failure);
        return outcome.Modified is { } modified ? Encoding.UTF8.GetString(modified) : code;
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("void f(int x) { if (x) a(); b(); }\n")]
    [InlineData("void f(int x) { switch (x) { case 1: a(); break; case 2: c(); break; } b(); }\n")]
    public void A_removal_reached_on_some_paths_without_the_context_fails_the_file(string code)
    {
        // spatch 1.1.1: "node N: b(...) in f reachable by inconsistent control-flow paths", nothing written.
        const string rule = "@@\n@@\n a();\n ...\n- b();\n";
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var failed = new SemanticPatchRunner(parsed.File!, new RunOptions()).Run(SourceText.FromString("test.c", code));
        Assert.Contains("b(); in f reachable by inconsistent control-flow paths", failed.Failure, StringComparison.Ordinal);
        Assert.Null(failed.Modified);

        // --allow-inconsistent-paths: the match stands.
        var allowed = new SemanticPatchRunner(parsed.File!, new RunOptions { AllowInconsistentPaths = true }).Run(SourceText.FromString("test.c", code));
        Assert.Null(allowed.Failure);
        Assert.DoesNotContain("b()", Encoding.UTF8.GetString(allowed.Modified!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_removal_inside_a_loop_reached_from_the_context_round_the_loop_is_consistent()
    {
        // spatch 1.1.1 removes it (the path round the loop could still reach a()).
        const string rule = "@exists@\n@@\n a();\n ...\n- b();\n";
        const string code = "void f(int x) { a(); while (x) { if (x) b(); x--; } }\n";
        Assert.Equal("void f(int x) { a(); while (x) { if (x) {} x--; } }", Squeeze(Apply(rule, code)));
    }

    [Fact]
    public void Dots_before_the_first_case_of_a_switch_are_a_parse_error()
    {
        // spatch 1.1.1: "minus: parse error ... around = '...'" (a switch body is declarations, then case lines).
        const string rule = "@@\nexpression x;\n@@\n- switch (x) { ... }\n+ nothing();\n";
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string[] lines = error.ToStringWithCaret().Split('\n');
        Assert.StartsWith("test.cocci:4:15: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("- switch (x) { ... }", lines[1]);
        Assert.Equal("               ^", lines[2].TrimEnd('~'));
    }

    [Fact]
    public void Removed_braces_of_the_pattern_are_optional_in_the_code()
    {
        const string rule = "@@\nexpression E;\n@@\n- if (E) { BUG(); }\n+ BUG_ON(E);\n";
        const string code = "void f() {\n  if (a) BUG();\n  if (b) { BUG(); }\n}\n";
        Assert.Equal("void f() { BUG_ON(a); BUG_ON(b); }", Squeeze(Apply(rule, code)));
    }

    [Fact]
    public void Kept_braces_around_a_removed_statement_are_required()
    {
        // Without the braces nothing would be left of the branch.
        const string rule = "@@\nexpression E;\n@@\nif (E) {\n- foo();\n}\n";
        const string code = "void f() {\n  if (a) foo();\n  if (b) { foo(); }\n}\n";
        Assert.Equal("void f() { if (a) foo(); if (b) { } }", Squeeze(Apply(rule, code)));
    }

    [Fact]
    public void Return_matches_the_end_of_a_function_without_one()
    {
        const string rule = "@@\n@@\nf(...) {\n  ...\n+ done();\n  return;\n}\n";
        const string code = "void f(int x) {\n  if (x) { a(); return; }\n  b();\n}\n";
        Assert.Equal("void f(int x) { if (x) { a(); done(); return; } b(); done(); }", Squeeze(Apply(rule, code)));
    }

    [Fact]
    public void Replaced_return_is_added_at_the_end_of_a_function_without_one()
    {
        const string rule = "@@\n@@\nf(...) {\n  a();\n  ...\n- return;\n+ return -1;\n}\n";
        const string code = "void f(void) {\n  a();\n}\n";
        Assert.Equal("void f(void) { a(); return -1; }", Squeeze(Apply(rule, code)));
    }

    [Fact]
    public void Dots_in_a_for_header_match_a_missing_part()
    {
        const string rule = "@@\nstatement S;\n@@\n- for (...; ...; ...) S\n+ loop();\n";
        const string code = "void f() {\n  for (i = 0; ; i++) a();\n}\n";
        Assert.Equal("void f() { loop(); }", Squeeze(Apply(rule, code)));
    }

    [Fact]
    public void Removed_nest_removes_everything_it_spans()
    {
        const string rule = "@@\nexpression x;\n@@\n- if (x) { <+... foo(); ...+> }\n";
        const string code = "void f() {\n  if (a) { foo(); b(); }\n  if (c) { d(); }\n}\n";
        Assert.Equal("void f() { if (c) { d(); } }", Squeeze(Apply(rule, code)));
    }

    [Theory]
    [InlineData("if (x) { if (y) { rc = 1; goto out; } }", false)]
    [InlineData("if (x) { if (y) { rc = 1; return 2; } return 3; }", true)]
    public void When_forall_in_an_exists_rule_requires_every_path(string first, bool matches)
    {
        const string rule = "@exists@\nexpression e;\nstatement S;\n@@\nif (e) {\n  ... when forall\n  return ...;\n}\n...\n- if (e) S\n";
        string code = "int f() {\n  " + first + "\n  if (x) return 15;\nout:\n  return rc;\n}\n";
        string result = Squeeze(Apply(rule, code));
        Assert.Equal(matches ? Squeeze(code.Replace("if (x) return 15;", string.Empty, StringComparison.Ordinal)) : Squeeze(code), result);
    }
}
