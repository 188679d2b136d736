using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Rules spatch rejects are rejected here too, once per error, at the place spatch names, with the
/// line and a caret; rules spatch accepts are accepted.
/// </summary>
public sealed class RuleErrorTests
{
    [Theory]
    [InlineData("@@\nexpression x;\n@@\n- foo(x;\n", 4, 7)] // spatch 1.1.1: line 4, column 7, around ";"
    [InlineData("@@\nexpression y;\n@@\n- foo(y) +;\n", 4, 10)]
    public void A_parse_error_in_rule_code_is_reported_once(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.StartsWith("parse error: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("parse error: parse error", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("^", error.ToStringWithCaret(), StringComparison.Ordinal);
    }

    // A disjunction whose first branch is an expression is one of expressions, as spatch reads it: a
    // later branch that is a statement or a declaration is a parse error where it stops being an
    // expression. Positions are spatch 1.1.1's.
    [Theory]
    [InlineData("@@\nexpression E;\n@@\n(\n- foo(E)\n|\n  bar(E);\n)\n", 7, 8)]
    [InlineData("@@\nexpression E;\nidentifier x;\n@@\n(\n- foo(E)\n|\n  int x;\n)\n", 8, 2)]
    [InlineData("@@\nexpression E;\nstatement S;\n@@\n(\n- foo(E)\n|\n  if (E) S\n)\n", 8, 2)]
    [InlineData("@@\nexpression E;\n@@\n(\n- foo(E)\n|\n  a(); b();\n)\n", 7, 5)]
    [InlineData("@@\nexpression E;\n@@\n(\n- foo(E)\n|\n  (\n  bar(E);\n  |\n  baz(E)\n  )\n)\n", 8, 8)]
    [InlineData("@@\nexpression E;\n@@\n  bar(E);\n(\n- foo(E)\n|\n  baz(E);\n)\n", 8, 8)]
    public void A_statement_after_an_expression_branch_of_a_disjunction_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Contains("^", error.ToStringWithCaret(), StringComparison.Ordinal);
    }

    // Statements first: later branches may be statements or expressions, and a removed branch may go.
    [Theory]
    [InlineData("@@\nexpression E;\n@@\n(\n  bar(E);\n|\n- foo(E)\n)\n")]
    [InlineData("@@\nexpression E;\nidentifier x;\n@@\n(\n  int x;\n|\n- foo(E)\n)\n")]
    [InlineData("@@\nexpression E;\n@@\n(\n- foo(E);\n|\n  bar(E)\n)\n")]
    public void A_disjunction_that_starts_with_a_statement_may_hold_expressions(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
    }

    // In a rule, only a name declared as an iterator heads a loop: spatch stops at the statement after
    // "for_each_thing(E)" when the rule does not declare it, even when an earlier rule does.
    [Theory]
    [InlineData("@@\nexpression E;\nstatement S;\n@@\n- for_each_thing(E) S\n+ foo(E);\n", 5, 20)]
    [InlineData("@@\nexpression E;\niterator for_each_thing;\nstatement S;\n@@\nfor_each_thing(E) S\n\n@@\nexpression E;\nstatement S;\n@@\n- for_each_thing(E) S\n+ foo(E);\n", 12, 20)]
    public void An_undeclared_iterator_heading_a_loop_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics, d => d.Id == DiagnosticId.SmplSyntaxError);
        Assert.Equal(new LinePosition(line, column), error.Position);
    }

    [Theory]
    [InlineData("@@\nexpression E;\niterator name for_each_thing;\nstatement S;\n@@\n- for_each_thing(E) S\n+ foo(E);\n")]
    [InlineData("@r@\nexpression E;\niterator name for_each_thing;\nstatement S;\n@@\nfor_each_thing(E) S\n\n@@\nexpression E;\nstatement S;\n@@\n- for_each_thing(E) S\n+ foo(E);\n")]
    public void A_declared_iterator_name_heads_a_loop_in_later_rules_too(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
    }

    // "#define FOO \" then "- trace(1)" with nothing added leaves a #define without a body, which
    // spatch refuses as a parse error of the added code where the rule ends.
    [Theory]
    [InlineData("@@\n@@\n#define FOO \\\n- trace(1)\n", 5, 0)]
    [InlineData("@@\nexpression E;\n@@\n#define FOO(x) \\\n- trace(E)\n", 6, 0)]
    [InlineData("@@\n@@\n#define FOO \\\n- trace(1)\n\n@@\n@@\n- foo();\n", 6, 0)]
    public void A_define_left_without_body_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
    }

    [Fact]
    public void A_define_whose_body_is_replaced_is_accepted()
    {
        var parsed = SmplParser.Parse("@@\n@@\n#define FOO \\\n- trace(1)\n+ trace(2)\n");
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
    }

    // A type metavariable is a whole type: another type word before or after it is a parse error in
    // spatch, at that word (in the added code as in the removed code: "typedef T1 - T2 + int;").
    [Theory]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- T int x;\n", 5, 4)]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- T unsigned x;\n", 5, 4)]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- T struct s x;\n", 5, 4)]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- long T x;\n", 5, 7)]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- unsigned long T x;\n", 5, 16)]
    [InlineData("@@\ntype T, T1;\nidentifier x;\n@@\n- T1 T x;\n", 5, 5)]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- (T int)x\n", 5, 5)]
    [InlineData("@@\ntype T1, T2;\n@@\ntypedef T1\n- T2\n+ int\n;\n", 6, 2)]
    [InlineData("@@\ntype T1, T2;\n@@\ntypedef T1\n- T2\n+ unsigned int\n;\n", 6, 2)]
    [InlineData("@r@\ntype T1, T2;\n@@\ntypedef T1 T2;\n@@\ntype r.T1, r.T2;\n@@\ntypedef T1\n- T2\n+ struct s\n;\n", 10, 2)]
    public void Another_type_word_beside_a_type_metavariable_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.EndsWith("^", error.ToStringWithCaret().Split('\n')[^1].TrimEnd('~'), StringComparison.Ordinal);
    }

    // In a cast, sizeof or typeof, a name after a qualifier or a sign word must be a type the rule
    // knows (a type metavariable, a typedef of the rule, a C type): spatch stops at that name.
    [Theory]
    [InlineData("@@\nexpression E;\n@@\n* f((const u8 *)E)\n", 4, 11)]
    [InlineData("@@\nexpression E;\n@@\n* f((const foo *)E)\n", 4, 11)]
    [InlineData("@@\nexpression E;\n@@\n* f((volatile u8 *)E)\n", 4, 14)]
    [InlineData("@@\nexpression E;\n@@\n- x = (const u8 *)E;\n", 4, 13)]
    [InlineData("@@\nexpression E;\n@@\n* f(sizeof(const u8))\n", 4, 17)]
    [InlineData("@@\nexpression E;\n@@\n* f((unsigned const u8)E)\n", 4, 20)]
    [InlineData("@@\nexpression E;\n@@\n* f((const unsigned u8)E)\n", 4, 20)]
    [InlineData("@@\nexpression E;\n@@\n* f((signed foo)E)\n", 4, 12)]
    public void An_unknown_name_after_a_qualifier_in_a_cast_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Matches(@"\n *\^~+$", error.ToStringWithCaret());
    }

    [Theory]
    [InlineData("@@\nexpression E;\ntype T;\n@@\n* f((const T *)E)\n")]
    [InlineData("@@\nexpression E;\ntype T;\n@@\n* f((unsigned T)E)\n")]
    [InlineData("@@\nexpression E;\ntypedef u8;\n@@\n* f((const u8 *)E)\n")]
    [InlineData("@@\nexpression E;\n@@\n* f((const size_t)E)\n")]
    [InlineData("@@\nexpression E;\n@@\n* f((const struct s *)E)\n")]
    [InlineData("@@\nexpression E;\n@@\n* f((const unsigned char *)E)\n")]
    public void A_known_type_after_a_qualifier_in_a_cast_is_accepted(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }

    [Theory]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- unsigned T x;\n")]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- signed T x;\n")]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- const T x;\n")]
    [InlineData("@@\ntype T;\nidentifier x;\n@@\n- T const x;\n")]
    [InlineData("@@\ntype T1, T2;\n@@\ntypedef T1\n- T2\n+ T1\n;\n")]
    [InlineData("@@\ntype T1, T2;\n@@\ntypedef T1\n- T2\n+ foo_t\n;\n")]
    [InlineData("@@\ntype T1, T2;\n@@\n- typedef T1 T2;\n")]
    public void A_type_metavariable_with_a_sign_or_qualifier_or_as_a_typedef_name_is_accepted(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }

    // Stars in the branches of a disjunction of types: spatch reads them in a variable's
    // declaration; in a parameter spatch stops too ("disj and opt type not supported").
    [Theory]
    [InlineData("@@\nidentifier x;\n@@\n- \\(char *\\|short *\\) x;\n")]
    [InlineData("@@\nidentifier x;\nexpression E;\n@@\n- \\(char *\\|short *\\) x = E;\n+ void *x = E;\n")]
    [InlineData("@@\nidentifier x;\n@@\n- \\(int\\|char **\\) x;\n")]
    public void A_disjunction_of_pointer_types_in_a_variable_declaration_is_accepted(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }

    [Theory]
    [InlineData("@@\nidentifier f, x;\n@@\nf(...,\n- \\(char *\\|short *\\) x\n+ void *x\n , ...) { ... }\n", 5, 2)]
    [InlineData("@@\nidentifier x;\n@@\n- \\(char\\|short\\) *x;\n", 4, 2)]
    public void A_disjunction_of_pointer_types_elsewhere_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Contains("disjunction of types", error.Message, StringComparison.Ordinal);
    }

    // spatch 1.1.1 refuses a rule file with a virtual line after a rule's header, in its metavariables,
    // in its code or after the last rule; before the first rule, among other declarations, it is fine.
    [Theory]
    [InlineData("@r@\nexpression E;\n@@\n- trace(E);\nvirtual x\n@s@\n@@\n- return 0;\n", 5, 0)]
    [InlineData("@r@\nexpression E;\n@@\n- trace(E);\n\nvirtual x\n", 6, 0)]
    [InlineData("@r@\nexpression E;\n@@\nvirtual x\n- trace(E);\n", 4, 0)]
    [InlineData("@r@\nexpression E;\nvirtual x\n@@\n- trace(E);\n", 3, 0)]
    [InlineData("@@\n@@\n\n  virtual a, b // flags\n\n@s@\n@@\n- trace(1);\n", 4, 2)]
    public void A_virtual_line_after_the_first_rule_header_is_a_located_error(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(DiagnosticId.SmplSyntaxError, error.Id);
        Assert.Equal(new LinePosition(line, column), error.Position);
        Assert.Contains("'virtual'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("virtual a\n// note\nvirtual x\n@r@\nexpression E;\n@@\n- trace(E);\n")]
    [InlineData("@r@\nexpression E;\n@@\n- trace(E);\n// virtual x\n/*\nvirtual y\n*/\n")]
    [InlineData("@r@\nexpression E;\n@@\n- trace(E->virtual);\n- trace(virtual);\n")]
    public void Virtual_before_the_first_rule_or_as_a_name_in_code_is_accepted(string rule)
    {
        var parsed = SmplParser.Parse(rule);
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }
}
