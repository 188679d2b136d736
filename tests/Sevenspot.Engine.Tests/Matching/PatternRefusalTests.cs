using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Rule code spatch 1.1.1 stops on before it reads any C file, refused here too with a located error
/// (line and column of the token spatch names), beside near forms it accepts, which are accepted.
/// </summary>
public sealed class PatternRefusalTests
{
    private static Diagnostic Refused(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.False(parsed.Success, "accepted: " + rule);
        // The first error is where spatch stops.
        var error = parsed.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("^", error.ToStringWithCaret(), StringComparison.Ordinal);
        return error;
    }

    private static void Accepted(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }

    // An added comment goes beside the code next to it in what the rule leaves (context and + code);
    // with only removed code, "...", a nest or a disjunction's delimiters around it, spatch says
    // "nothing to attach pragma to".
    [Theory]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ // c\n", 5)]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ /* c */\n", 5)]
    [InlineData("@@\nexpression E;\n@@\n+ // c\n- old(E);\n", 4)]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ // c\n+ // d\n", 5)]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ // c\n- other(E);\n", 5)]
    [InlineData("@@\nexpression E;\n@@\n...\n- old(E);\n+ // c\n", 6)]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ // c\n...\n", 5)]
    [InlineData("@@\nexpression E;\n@@\n<...\n- old(E);\n+ // c\n...>\n", 6)]
    [InlineData("@@\nexpression E;\n@@\npre(E);\n(\n- old(E);\n+ // c\n|\n- other(E);\n)\n", 7)]
    [InlineData("@@\n@@\n- #include <linux/a.h>\n+ // c\n", 4)]
    public void An_added_comment_with_no_code_beside_it_is_refused(string rule, int line)
    {
        var error = Refused(rule);
        Assert.Equal(line, error.Position.Line);
        Assert.Contains("nothing to attach pragma to", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ // c\n  other(E);\n")]
    [InlineData("@@\nexpression E;\n@@\n  old(E);\n- other(E);\n+ // c\n")]
    [InlineData("@@\nexpression E;\n@@\n  other(E);\n+ // c\n")]
    [InlineData("@@\nexpression E;\n@@\n+ // c\n  old(E);\n")]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ // c\n+ new(E);\n")]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ /* c */ new(E);\n")]
    [InlineData("@@\nidentifier f;\nexpression E;\n@@\nf(...) {\n- old(E);\n+ // c\n...\n}\n")]
    [InlineData("@@\nexpression E;\n@@\n- old(E);\n+ #include <x.h>\n")]
    [InlineData("@@\n@@\n#include <linux/a.h>\n+ // c\n")]
    public void An_added_comment_beside_kept_or_added_code_is_accepted(string rule) => Accepted(rule);

    // A disjunction whose first branch is an expression holds expressions: a block in a later branch
    // is a parse error at its brace. One that starts with a statement may hold both.
    [Theory]
    [InlineData("@@\nexpression E;\n@@\n(\n- foo(E)\n|\n{ ... }\n)\n", 7, 0)]
    [InlineData("@@\nexpression E;\n@@\n(\n foo(E)\n|\n{ ... }\n)\n", 7, 0)]
    [InlineData("@@\nexpression E;\n@@\n x(1);\n(\n- foo(E)\n|\n { ... }\n)\n", 8, 1)]
    public void A_block_in_a_disjunction_of_expressions_is_refused_at_its_brace(string rule, int line, int column)
    {
        var error = Refused(rule);
        Assert.Equal(line, error.Position.Line);
        Assert.Equal(column, error.Position.Column);
    }

    [Theory]
    [InlineData("@@\nexpression E;\n@@\n(\n- foo(E);\n|\n{ ... }\n)\n")]
    [InlineData("@@\nexpression E;\n@@\n(\n{ ... }\n|\n- foo(E)\n)\n")]
    [InlineData("@@\nexpression E;\n@@\n(\n foo(E);\n|\n bar(E)\n)\n")]
    public void A_disjunction_of_statements_may_hold_a_block(string rule) => Accepted(rule);

    // A loop macro is a loop only when the rule declares it an iterator ("iterator name", file-wide, or
    // an "iterator" metavariable, this rule only); else "name(d, ...)" is a call, and a block after it
    // (on its line or the next) or a statement after it is a parse error, as is "name(d, ...) {" read
    // as a function whose parameters have no type.
    [Theory]
    [InlineData("@s@\nexpression d;\n@@\nfor_each_node_by_name(d, ...)\n{\n- foo(d);\n...\n}\n", 4, 22)]
    [InlineData("@s@\nidentifier d;\n@@\nfor_each_node_by_name(d, ...) {\n- foo(d);\n...\n}\n", 4, 22)]
    [InlineData("@s@\nexpression d;\n@@\nfoo(d);\nfor_each_node_by_name(d, ...) {\n- foo(d);\n...\n}\n", 5, -1)]
    [InlineData("@s@\nexpression d;\n@@\n{\nfor_each_node_by_name(d, ...) {\n- foo(d);\n...\n}\n}\n", 5, 30)]
    [InlineData("@s@\nexpression d;\n@@\nf(...) {\n<...\nfor_each_node_by_name(d, ...)\n{\n- foo(d);\n...\n}\n...>\n}\n", 7, 0)]
    [InlineData("@s@\nexpression d;\n@@\n for_each_node_by_name(d, ...)\n- foo(d);\n", 5, 2)]
    [InlineData("@s@\nexpression d;\n@@\n- foo(d)\nbar(d);\n", 5, 0)]
    [InlineData("@r@\niterator for_each_node_by_name;\nexpression d;\n@@\nfor_each_node_by_name(d, ...) {...}\n\n@s@\nexpression d;\n@@\nfor_each_node_by_name(d, ...)\n{...}\n", 10, 22)]
    [InlineData("@@\nexpression d;\n@@\nint f(d) {\n...\n}\n", 4, 6)]
    public void A_call_that_is_no_declared_iterator_is_refused_before_a_block_or_statement(string rule, int line, int column)
    {
        _ = Refused(rule);

        // In a nest the parser may also say where the enclosing code stopped; one error is where spatch stops.
        // After a statement at the top spatch names the loop macro itself; here the error is at its first argument.
        var errors = SmplParser.Parse(SourceText.FromString("test.cocci", rule)).Diagnostics;
        Assert.Contains(errors, e => e.Position.Line == line && (column < 0 || e.Position.Column == column));
    }

    [Theory]
    [InlineData("@r@\niterator name for_each_node_by_name;\nexpression d;\n@@\nfor_each_node_by_name(d, ...) {...}\n\n@s@\nexpression d;\n@@\nfor_each_node_by_name(d, ...)\n{...}\n")]
    [InlineData("@r@\niterator for_each_node_by_name;\nexpression d;\n@@\nfor_each_node_by_name(d, ...) {\n- foo(d);\n...\n}\n")]
    [InlineData("@@\nexpression d;\n@@\nbar(d);\n- foo(d)\n")]
    [InlineData("@@\nexpression d;\n@@\n- foo(d)\n...\n")]
    [InlineData("@@\nexpression d;\n@@\nbar(d);\n...\n- foo(d)\n")]
    [InlineData("@@\nexpression e;\nstatement S;\n@@\ne = get(...)\n... when != put(e)\nif (e) S\n")]
    [InlineData("@@\nparameter list P;\n@@\nf(P) {\n...\n}\n")]
    [InlineData("@@\nparameter p;\n@@\nf(p) {\n...\n}\n")]
    public void A_declared_iterator_or_a_call_at_the_end_of_the_code_is_accepted(string rule) => Accepted(rule);

    // In braces or a nest, spatch reads an expression without ';' only right after "..." (or a nest's
    // opening), alone or heading a disjunction's branch; elsewhere in a block it stops at what
    // follows (here the error may name the start of the item or of the block instead).
    [Theory]
    [InlineData("@@\n@@\nf(...) {\n- foo(d)\n...\n}\n")]
    [InlineData("@@\n@@\nf(...) {\n- foo(d)\n}\n")]
    [InlineData("@@\n@@\nf(...) {\nbar(d);\n- foo(d)\n...\n}\n")]
    [InlineData("@@\n@@\nf(...) {\n...\nif (d) {\n- foo(d)\n}\n...\n}\n")]
    [InlineData("@@\n@@\nf(...) {\n<...\nbar(d);\n- foo(d)\n...>\n}\n")]
    public void An_expression_without_semicolon_in_a_block_not_after_dots_is_refused(string rule) => _ = Refused(rule);

    [Fact]
    public void A_disjunction_of_expressions_without_semicolon_in_a_block_not_after_dots_is_refused() =>
        _ = Refused("@@\n@@\nf(...) {\nbar(d);\n(\n- foo(d)\n|\n- bar(d)\n)\n...\n}\n");

    [Theory]
    [InlineData("@@\n@@\nf(...) {\n...\n- foo(d)\n...\n}\n")]
    [InlineData("@@\n@@\nf(...) {\n... when != bar(d)\n- foo(d)\n}\n")]
    [InlineData("@@\niterator I;\nexpression x, E;\n@@\nI(x, ...)\n{ ... when != x = E\n(\n  x == NULL\n|\n  x != NULL\n)\n  ... when any\n}\n")]
    // The kernel's rules: when clauses over several lines (locks/call_kern, tests/odd_ptr_err), an inline
    // disjunction of callees as a lone branch (api/kfree_sensitive) and after dots (api/kvmalloc).
    [InlineData("@@\nidentifier fn;\nposition p;\n@@\nfn(...) {\n ... when != spin_unlock(...)\n     when != local_irq_enable(...)\n     when any\n GFP_KERNEL@p\n ... when any\n}\n")]
    [InlineData("@@\nexpression x, y;\nposition p;\n@@\nif (IS_ERR(x) || ...) {\n  ... when any\n      when != IS_ERR(...)\n(\n  PTR_ERR(x)\n|\n  PTR_ERR@p(y)\n)\n  ... when any\n}\n")]
    [InlineData("@@\nposition ok;\n@@\nif (...)\n  \\(memset@ok\\|memzero_explicit@ok\\)(...);\n")]
    [InlineData("@@\nexpression E;\n@@\nif (x) {\n    ... when != krealloc(E, ...)\n        when any\n*   \\(kfree\\|kfree_sensitive\\)(E)\n    ...\n}\n")]
    [InlineData("@@\n@@\nf(...) {\n...\n(\n- foo(d)\n|\n- bar(d)\n)\n}\n")]
    [InlineData("@@\n@@\nf(...) {\n<...\n- foo(d)\n...>\n}\n")]
    [InlineData("@@\n@@\nf(...) {\nbar(d);\n<...\n- foo(d)\n...>\n}\n")]
    [InlineData("@@\n@@\n(\n- foo(d)\n|\n- bar(d)\n)\n...\n")]
    public void An_expression_without_semicolon_after_dots_is_accepted(string rule) => Accepted(rule);

    [Fact]
    public void A_semicolon_after_the_names_of_virtual_rules_is_refused()
    {
        var error = Refused("virtual a, b;\n@@\n@@\n- foo(d);\n");
        Assert.Equal((1, 12), (error.Position.Line, error.Position.Column));
    }

    // A constant with a leading 0 is octal: 8 and 9 are no digits of it (spatch: a parse error at the digit).
    [Theory]
    [InlineData("@@\n@@\n- g(08);\n", 3, 5)]
    [InlineData("@@\n@@\n- g(07);\n+ g(0778);\n", 4, 7)]
    [InlineData("@@\n@@\n- g(07);\n+ g(09u);\n", 4, 5)]
    [InlineData("@@\nexpression E;\n@@\n  g(E, 019);\n", 4, 9)]
    public void An_octal_constant_with_a_digit_8_or_9_is_refused_at_the_digit(string rule, int line, int column)
    {
        var error = Refused(rule);
        Assert.Equal(line, error.Position.Line);
        Assert.Equal(column, error.Position.Column);
        Assert.Contains("octal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@@\n@@\n- g(07);\n+ g(8);\n")]
    [InlineData("@@\n@@\n- g(0);\n+ g(0x89);\n")]
    [InlineData("@@\n@@\n- g(07);\n+ g(08.5);\n")]
    [InlineData("@@\n@@\n- g(07);\n+ g(1e08);\n")]
    public void Valid_constants_near_a_bad_octal_are_accepted(string rule) => Accepted(rule);
    // spatch reads the name of an earlier rule (a virtual rule too) as that rule's: it cannot name a
    // metavariable or a script variable. The rule's own name and a later rule's name can.
    [Theory]
    [InlineData("virtual fname\n@@\nidentifier fname;\n@@\n- fname(...);\n", 3, 16)]
    [InlineData("virtual fname\n@@\nidentifier virtual.fname;\n@@\n- fname(...);\n", 3, 19)]
    [InlineData("@r@\nidentifier f;\n@@\nf(...);\n@@\nidentifier r.r;\n@@\n- r(...);\n", 6, 13)]
    [InlineData("@r@\n@@\nfoo(...);\n@script:python@\nr << r.r;\n@@\n", 5, 0)]
    public void The_name_of_an_earlier_rule_names_no_metavariable(string rule, int line, int column)
    {
        var error = Refused(rule);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData("@r@\nidentifier r;\n@@\n- r(...);\n")]
    [InlineData("@@\nidentifier r;\n@@\n- r(...);\n@r@\n@@\nfoo(...);\n")]
    [InlineData("virtual fname\n@@\n@@\n- fname(...);\n")]
    [InlineData("@@\nidentifier virtual.fname;\n@@\n- fname(...);\n")]
    public void A_rule_name_in_code_or_not_yet_declared_is_accepted(string rule) => Accepted(rule);

    [Fact]
    public void A_punctuator_names_no_metavariable()
    {
        var error = Refused("@@\nidexpression *+ x;\n@@\n- kfree(x);\n");
        Assert.Equal((2, 14), (error.Position.Line, error.Position.Column));
    }

    // The code of a type rule is a type: a name there is a metavariable, a typedef, a tag or size_t;
    // the removed and context code is read before the added code.
    [Theory]
    [InlineData("@type@\n@@\n- u8\n+ u16\n", 3, 2)]
    [InlineData("@type@\ntypedef u8;\n@@\n- u8\n+ u16\n", 5, 2)]
    [InlineData("@type@\n@@\n- int\n+ bool\n", 4, 2)]
    [InlineData("@type@\nexpression E;\n@@\n- kfree(E);\n", 4, 2)]
    public void A_type_rule_refuses_a_name_that_is_no_type(string rule, int line, int column)
    {
        var error = Refused(rule);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData("@type@\n@@\n- size_t\n+ long\n")]
    [InlineData("@type@\n@@\n- struct foo\n+ struct bar\n")]
    [InlineData("@type@\ntype T;\n@@\n- T *\n+ void *\n")]
    [InlineData("@type@\nidentifier I;\n@@\n- struct I\n+ long\n")]
    [InlineData("@type@\ntypedef u8, u16;\n@@\n- u8\n+ u16\n")]
    [InlineData("@r type@\n@@\n- int\n+ long\n")]
    public void A_type_rule_accepts_types(string rule) => Accepted(rule);

    // An assignment operator metavariable does not go in the value of another assignment.
    [Theory]
    [InlineData("@@\nassignment operator a;\nidentifier x, y;\nexpression E;\n@@\n- x = y a E;\n+ x = E;\n", 6, 8)]
    [InlineData("@@\nassignment operator a = {+=, -=};\nidentifier x;\nexpression E;\n@@\n- x a E;\n+ x = x a E;\n", 7, 8)]
    public void An_assignment_operator_metavariable_in_an_assignment_value_is_refused(string rule, int line, int column)
    {
        var error = Refused(rule);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData("@@\nassignment operator a;\nidentifier x;\nexpression E;\n@@\n- x a E;\n+ x = (x a E);\n")]
    [InlineData("@@\nidentifier x;\nexpression E;\n@@\n- x += E;\n+ x = x += E;\n")]
    public void An_assignment_operator_in_parentheses_or_written_is_accepted(string rule) => Accepted(rule);

    // One error, where spatch names it: the token after the expression, not the start of its statement.
    [Theory]
    [InlineData("@@\nexpression d;\n@@\nf(...) {\n- foo(d)\n...\n}\n", 6, 0)]
    [InlineData("@@\nexpression d;\n@@\nf(...) {\n- foo(d)\n}\n", 6, 0)]
    public void An_expression_without_semicolon_in_a_body_is_refused_once_after_it(string rule, int line, int column)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        var errors = parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Single(errors);
        Assert.Equal((line, column), (errors[0].Position.Line, errors[0].Position.Column));
    }
}
