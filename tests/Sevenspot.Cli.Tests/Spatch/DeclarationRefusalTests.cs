namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// Declarations spatch 1.1.1 refuses before running (it prints "bad rule r or bad variable q", a
/// parse error, or "Q appears only in + code", and exits 255): refused here too, with the place,
/// a caret, exit status 255 and no output.
/// </summary>
public sealed class DeclarationRefusalTests : IDisposable
{
    private readonly SpatchHarness _h = new SpatchHarness().With("t.c", "void f(int x) { g(x); }\n");

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Inheriting_a_name_the_rule_does_not_declare_is_refused()
    {
        _h.With("r.cocci", "@r@\nidentifier f;\n@@\nf(...)\n\n@@\nidentifier r.q;\n@@\n- q(...);\n");
        AssertRefused("r.cocci:7:11: bad rule r or bad variable q: rule r declares no metavariable q\nidentifier r.q;\n           ^~~\n");
    }

    [Fact]
    public void A_script_inheriting_a_name_the_rule_does_not_declare_is_refused()
    {
        _h.With("r.cocci", "@r@\nidentifier x;\n@@\ng(x);\n@script:python s@\nx << r.y;\n@@\nprint(x)\n");
        AssertRefused("r.cocci:6:5: bad rule r or bad variable y: rule r declares no metavariable y\nx << r.y;\n     ^~~\n");
    }

    [Fact]
    public void A_name_a_rule_only_inherits_is_not_its_own()
    {
        // spatch: "bad rule s or bad variable x" — s inherits x from r, so later rules name it r.x.
        _h.With("r.cocci", "@r@\nidentifier x;\n@@\ng(x);\n\n@s@\nidentifier r.x;\n@@\ng(x);\n\n@@\nidentifier s.x;\n@@\n- g(x);\n");
        AssertRefused("r.cocci:12:11: bad rule s or bad variable x: rule s declares no metavariable x\nidentifier s.x;\n           ^~~\n");
    }

    [Fact]
    public void A_script_output_is_the_script_rule_own_and_others_are_refused()
    {
        _h.With("r.cocci", "@r@\nidentifier x;\n@@\ng(x);\n\n@script:python s@\nx << r.x;\nn;\n@@\ncoccinelle.n = x\n\n@@\nidentifier s.n;\nidentifier s.m;\n@@\n- g(n);\n");
        AssertRefused("r.cocci:14:11: bad rule s or bad variable m: rule s declares no metavariable m\nidentifier s.m;\n           ^~~\n");
    }

    [Fact]
    public void Inheriting_from_a_later_rule_or_from_no_rule_is_refused()
    {
        // spatch gives a parse error at the dot for both.
        _h.With("later.cocci", "@@\nidentifier later.q;\n@@\n- g(q);\n\n@later@\nidentifier q;\n@@\ng(q);\n");
        AssertRefused("later.cocci:2:11: rule later comes after this one: a rule inherits metavariables only from earlier rules\nidentifier later.q;\n           ^~~~~~~\n", "later.cocci");
        _h.With("none.cocci", "@@\nidentifier zz.q;\n@@\n- q(...);\n");
        AssertRefused("none.cocci:2:11: unknown rule zz\nidentifier zz.q;\n           ^~~~\n", "none.cocci");
        _h.With("script.cocci", "@script:python s@\nx << r.x;\n@@\nprint(x)\n");
        AssertRefused("script.cocci:2:5: unknown rule r\nx << r.x;\n     ^~~\n", "script.cocci");
    }

    [Fact]
    public void A_rule_name_used_twice_is_refused_at_the_second_name()
    {
        // spatch: "rule name: parse error" at the second name, whether the rules are code or script rules.
        _h.With("code.cocci", "@r@\n@@\n- g(x);\n\n@ r depends on r @\n@@\n- h();\n");
        AssertRefused("code.cocci:5:2: parse error: rule name 'r' is already the name of an earlier rule\n@ r depends on r @\n  ^\n", "code.cocci");
        _h.With("script.cocci", "@r@\n@@\n- g(x);\n\n@script:python r@\n@@\nprint(1)\n");
        AssertRefused("script.cocci:5:15: parse error: rule name 'r' is already the name of an earlier rule\n@script:python r@\n               ^\n", "script.cocci");
    }

    [Fact]
    public void A_metavariable_only_in_added_code_is_refused()
    {
        _h.With("r.cocci", "@@\nexpression E;\nidentifier Q;\n@@\n- g(E);\n+ h(E, Q);\n");
        AssertRefused("r.cocci:3:11: Q appears only in + code: a metavariable gets its value from the rule's context, - or * code\nidentifier Q;\n           ^\n");
    }

    [Fact]
    public void A_type_metavariable_in_the_declared_type_of_a_matched_one_may_be_added()
    {
        // spatch: "t E;" gives t its value where E matches, so "+ h(E, sizeof(t));" is accepted.
        _h.With("r.cocci", "@@\ntype t;\nt E;\n@@\n- g(E);\n+ h(E, sizeof(t));\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+void f(int x) { h(x, sizeof(int)); }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_identifier_in_matched_code_is_refused()
    {
        // spatch: "4: unexpected use of a fresh identifier n".
        _h.With("r.cocci", "@@\nfresh identifier n = \"x\";\n@@\n- n(1);\n+ g(1);\n");
        AssertRefused("r.cocci:2:17: unexpected use of a fresh identifier n: it is made for + code and cannot be matched in context, - or * code\nfresh identifier n = \"x\";\n                 ^\n");
    }

    [Fact]
    public void Virtual_names_fresh_identifiers_and_unused_metavariables_are_accepted()
    {
        _h.With("r.cocci", "@@\nexpression E;\nidentifier virtual.q;\nidentifier unused;\nfresh identifier n = \"x\";\n@@\n- g(E);\n+ n(E);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "-D", "q=w", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+void f(int x) { x0(x); }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declaration_list_with_more_than_names_after_a_first_declarator_without_initializer_is_refused()
    {
        // spatch: "plus: parse error" at the '*' ("int a, *b;"), at the '=' of "int a, b = 1;", and
        // "minus: parse error" for the same in matched code; "int a = 1, *b;" and "int a, (*f)(int);" parse.
        _h.With("plus.cocci", "@@\n@@\n g(x);\n+ int a, *b;\n");
        AssertRefused("plus.cocci:4:9: parse error: plus: after a first declarator without initializer, a declaration takes only names, array names and function pointers (as spatch); write this one as a declaration of its own\n+ int a, *b;\n         ^\n", "plus.cocci");
        _h.With("init.cocci", "@@\n@@\n g(x);\n+ int a, b = 1;\n");
        AssertRefused("init.cocci:4:9: parse error: plus: after a first declarator without initializer, a declaration takes only names, array names and function pointers (as spatch); write this one as a declaration of its own\n+ int a, b = 1;\n         ^\n", "init.cocci");
        _h.With("minus.cocci", "@@\n@@\n- int a, *b;\n");
        AssertRefused("minus.cocci:3:9: parse error: minus: after a first declarator without initializer, a declaration takes only names, array names and function pointers (as spatch); write this one as a declaration of its own\n- int a, *b;\n         ^\n", "minus.cocci");
        _h.With("fine.cocci", "@@\n@@\n g(x);\n+ int a = 1, *b;\n+ int c, (*f)(int);\n");
        Assert.Equal(0, _h.Run("--very-quiet", "--sp-file", "fine.cocci", "t.c").ExitCode);
    }

    [Fact]
    public void An_identifier_metavariable_used_as_a_type_is_refused()
    {
        // spatch: "minus: parse error" for "- I y;" and "- I J;" (it matched foo_t y; here before).
        _h.With("t.c", "typedef int foo_t;\nint f(void) {\n\tfoo_t y;\n\treturn y;\n}\n");
        _h.With("r.cocci", "@@\nidentifier I, J;\n@@\n- I J;\n");
        AssertRefused("r.cocci:4:2: parse error: identifier metavariable 'I' used as a type: a type is matched by a type metavariable\n- I J;\n  ^\n");
        _h.With("ok.cocci", "@@\nidentifier J;\n@@\n- foo_t J;\n");
        var result = _h.Run("--very-quiet", "--sp-file", "ok.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-\tfoo_t y;\n", result.Stdout, StringComparison.Ordinal);
    }

    private void AssertRefused(string stderr, string patch = "r.cocci")
    {
        var result = _h.Run("--very-quiet", "--sp-file", patch, "t.c");
        Assert.Equal(new SpatchResult(255, string.Empty, stderr), result);
    }
}
