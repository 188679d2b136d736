using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Prefilter;

/// <summary>The words a rule needs in a file (spatch's "worth trying" formula) and the file test built on them.</summary>
public sealed class RequiredTokensTests
{
    private static SmplFile Parse(string patch)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("t.cocci", patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        return parsed.File!;
    }

    private static (FilePrefilter Prefilter, SmplFile Patch) Prefilter(string patch, IReadOnlySet<string>? defined = null)
    {
        var runner = new SemanticPatchRunner(Parse(patch), new RunOptions { DefinedVirtuals = defined ?? new HashSet<string>() });
        return (runner.Prefilter, runner.Patch);
    }

    private static Rule RuleNamed(SmplFile patch, string name) => patch.Rules.Single(r => r.Name == name);

    private static string Formula(string patch, string rule, IReadOnlySet<string>? defined = null)
    {
        var (prefilter, file) = Prefilter(patch, defined);
        return prefilter.FormulaOf(RuleNamed(file, rule)).ToString();
    }

    [Fact]
    public void A_sequence_needs_all_its_names_and_metavariables_need_nothing()
    {
        const string patch = "@r@\nexpression E;\n@@\nspin_lock(E);\n...\n- kfree(E);\n";
        Assert.Equal("(kfree & spin_lock)", Formula(patch, "r"));
    }

    [Fact]
    public void A_disjunction_needs_one_of_its_branches()
    {
        const string patch = "@r@\nexpression E;\n@@\n(\n- kmalloc(E, GFP_KERNEL)\n+ kzalloc(E, GFP_KERNEL)\n|\n- vmalloc(E)\n+ vzalloc(E)\n)\n";
        Assert.Equal("((GFP_KERNEL & kmalloc) | vmalloc)", Formula(patch, "r"));
    }

    [Fact]
    public void A_disjunction_with_a_branch_of_metavariables_needs_nothing()
    {
        const string patch = "@r@\nexpression E;\nidentifier f;\n@@\n(\n- kfree(E);\n|\n- f(E);\n)\n";
        Assert.Equal("true", Formula(patch, "r"));
    }

    [Fact]
    public void Dots_optional_code_and_when_clauses_need_nothing()
    {
        const string patch = "@r@\nexpression E;\n@@\nfoo(E);\n... when != bar(E)\n? baz(E);\n- qux(E);\n";
        Assert.Equal("(foo & qux)", Formula(patch, "r"));
    }

    [Fact]
    public void A_nest_needs_its_body_only_when_it_must_match_once()
    {
        const string star = "@r@\nexpression E;\n@@\nf(E);\n<... kfree(E); ...>\n- g(E);\n";
        const string plus = "@r@\nexpression E;\n@@\nf(E);\n<+... kfree(E); ...+>\n- g(E);\n";
        Assert.Equal("(f & g)", Formula(star, "r"));
        Assert.Equal("(f & g & kfree)", Formula(plus, "r"));
    }

    [Fact]
    public void A_name_that_an_isomorphism_can_drop_is_not_required()
    {
        // x == NULL also matches !x; x != NULL also matches x: NULL is not needed, foo still is.
        const string patch = "@r@\nexpression x;\n@@\n- if (foo(x) == NULL) bar();\n";
        Assert.Equal("(bar & foo)", Formula(patch, "r"));

        // unlikely(E) also matches E alone.
        const string unlikely = "@r@\nexpression E;\n@@\n- if (unlikely(baz(E))) bar();\n";
        Assert.Equal("(bar & baz)", Formula(unlikely, "r"));
    }

    [Fact]
    public void Sizeof_is_needed_even_inside_a_nest_and_under_its_isomorphism()
    {
        // sizeof(T) matches sizeof(T) and, by sizeof_type_expr, sizeof e: "sizeof" in both.
        const string nest = "@r@\ntype T;\nT **x;\nposition p;\n@@\nx = <+... sizeof(T@p) ...+>\n";
        Assert.Equal("sizeof", Formula(nest, "r"));
        const string disabled = "@r disable sizeof_type_expr@\ntype T;\nT **x;\n@@\nx =\n  <+...sizeof(\n* T\n  )...+>\n";
        Assert.Equal("sizeof", Formula(disabled, "r"));

        // Inside <... ...> or a when clause it may be absent.
        const string optional = "@r@\ntype T;\nexpression x;\n@@\nfoo(x);\n... when != sizeof(T)\n<... g(sizeof(T)); ...>\n- bar(x);\n";
        Assert.Equal("(bar & foo)", Formula(optional, "r"));

        var (prefilter, patch) = Prefilter(nest);
        var rule = RuleNamed(patch, "r");
        Assert.False(Scan(prefilter, "#define REG(x) ((x) + 4)\nint **p = f(sizeofs, resizeof);\n").CanRun(rule));
        Assert.True(Scan(prefilter, "void f(int **p) { p = g(sizeof(int *)); }").CanRun(rule));
    }

    [Fact]
    public void An_identifier_set_constraint_needs_one_of_its_names()
    {
        const string patch = "@r@\nidentifier f = {kfree, vfree};\nexpression E;\n@@\n- f(E);\n";
        Assert.Equal("(kfree | vfree)", Formula(patch, "r"));
    }

    [Fact]
    public void Depends_on_and_inherited_metavariables_add_what_the_earlier_rule_needs()
    {
        const string patch = "@a@\nexpression E;\n@@\nfoo(E);\n\n" +
                             "@b depends on a@\n@@\n- bar();\n\n" +
                             "@c@\nexpression a.E;\n@@\n- baz(E);\n\n" +
                             "@d depends on !a@\n@@\n- qux();\n\n" +
                             "@e depends on a || c@\n@@\n- quux();\n";
        Assert.Equal("(bar & foo)", Formula(patch, "b"));
        Assert.Equal("(baz & foo)", Formula(patch, "c"));
        Assert.Equal("qux", Formula(patch, "d"));
        Assert.Equal("(foo & quux)", Formula(patch, "e"));
    }

    [Fact]
    public void A_rule_that_depends_on_an_undefined_virtual_rule_needs_the_impossible()
    {
        const string patch = "virtual patch\nvirtual report\n@r depends on patch@\n@@\n- foo();\n\n@s depends on !patch@\n@@\n- bar();\n";
        Assert.Equal("false", Formula(patch, "r"));
        Assert.Equal("bar", Formula(patch, "s"));
        Assert.Equal("foo", Formula(patch, "r", new HashSet<string> { "patch" }));
        Assert.Equal("false", Formula(patch, "s", new HashSet<string> { "patch" }));
    }

    [Fact]
    public void Dependencies_are_read_in_three_values_what_is_unknown_before_the_file_keeps_the_rule()
    {
        const string patch = "virtual patch\nvirtual report\n" +
                             "@a@\n@@\nfoo();\n\n" +
                             "@x depends on patch@\n@@\n- bar();\n\n" +
                             "@n depends on never x@\n@@\n- baz();\n\n" +
                             "@y depends on x || a@\n@@\n- qux();\n\n" +
                             "@z depends on !(patch && report)@\n@@\n- quux();\n\n" +
                             "@w depends on !(a && report)@\n@@\n- corge();\n\n" +
                             "@v depends on a && !patch@\n@@\n- grault();\n";
        var report = new HashSet<string> { "report" };

        // x cannot run without -D patch: "never x" then holds on every file, "x || a" is "a".
        Assert.Equal("false", Formula(patch, "x", report));
        Assert.Equal("baz", Formula(patch, "n", report));
        Assert.Equal("(foo & qux)", Formula(patch, "y", report));

        // Known before any file: !(patch && report) holds with report alone and fails with both.
        Assert.Equal("quux", Formula(patch, "z", report));
        Assert.Equal("false", Formula(patch, "z", new HashSet<string> { "patch", "report" }));

        // Whether a matched is not known before the file: the rule is kept, and !a requires no word.
        Assert.Equal("corge", Formula(patch, "w", report));
        Assert.Equal("(foo & grault)", Formula(patch, "v", report));
        Assert.Equal("false", Formula(patch, "v", new HashSet<string> { "patch" }));
    }

    [Fact]
    public void Words_match_whole_names_in_the_bytes_only()
    {
        var (prefilter, patch) = Prefilter("@r@\nexpression E;\n@@\n- kfree(E);\n");
        var rule = RuleNamed(patch, "r");
        Assert.False(Scan(prefilter, "void f(void) { kfree_skb(x); xkfree(y); }").CanRun(rule));
        Assert.True(Scan(prefilter, "void f(void) { kfree(x); }").CanRun(rule));
        Assert.True(Scan(prefilter, "kfree").CanRun(rule));
        Assert.True(Scan(prefilter, "/* kfree */").CanRun(rule)); // a comment lets the file through: requiring less is safe
        Assert.False(Scan(prefilter, string.Empty).AnyOutputRuleCanRun);
    }

    [Fact]
    public void A_file_that_no_rule_can_match_is_returned_unparsed_and_unchanged()
    {
        var runner = new SemanticPatchRunner(Parse("@r@\nexpression E;\n@@\n- kfree(E);\n"), new RunOptions());
        const string code = "int f(void) { return vfree(p); }\n";
        var outcome = runner.Run(SourceText.FromString("t.c", code));
        Assert.Null(outcome.Modified);
        Assert.Equal(code, Encoding.UTF8.GetString(outcome.Original));

        var changed = runner.Run(SourceText.FromString("t.c", "int f(void) { kfree(p); return 0; }\n"));
        Assert.Equal("int f(void) { return 0; }\n", Encoding.UTF8.GetString(changed.Modified!));
    }

    [Fact]
    public void A_later_rule_sees_the_words_an_earlier_rule_added()
    {
        // g is not in the file but the first rule writes it; the second must still run on the result.
        const string patch = "@r@\nidentifier x;\n@@\n- f(x);\n+ g(x);\n\n@s@\nidentifier x;\n@@\n- g(x);\n+ h(x);\n";
        var runner = new SemanticPatchRunner(Parse(patch), new RunOptions());
        var outcome = runner.Run(SourceText.FromString("t.c", "int m(void) {\n  f(a);\n}\n"));
        Assert.Equal("int m(void) {\n  h(a);\n}\n", Encoding.UTF8.GetString(outcome.Modified!));
    }

    [Fact]
    public void A_script_without_code_is_no_reason_to_read_a_file()
    {
        // misc/add_namespace in report mode: its code rules need an undefined virtual rule or a word, its script has no code.
        const string rules = "virtual report\nvirtual nsdeps\n@r depends on nsdeps@\n@@\n- foo();\n\n";
        var (empty, _) = Prefilter(rules + "@script:python depends on report@\n@@\n\n# nothing to do\n", new HashSet<string> { "report" });
        Assert.False(Scan(empty, "int f(void) { return 0; }").AnyOutputRuleCanRun);

        var (printing, _) = Prefilter(rules + "@script:python depends on report@\n@@\nprint('x')\n", new HashSet<string> { "report" });
        Assert.True(Scan(printing, "int f(void) { return 0; }").AnyOutputRuleCanRun);

        var (ocamlEmpty, _) = Prefilter(rules + "@script:ocaml depends on report@\n@@\n(* nothing to do *)\n", new HashSet<string> { "report" });
        Assert.False(Scan(ocamlEmpty, "int f(void) { return 0; }").AnyOutputRuleCanRun);

        // Code between two comments on one line is code.
        var (ocamlPrinting, _) = Prefilter(rules + "@script:ocaml depends on report@\n@@\n(* say *) print_string \"x\" (* it *)\n", new HashSet<string> { "report" });
        Assert.True(Scan(ocamlPrinting, "int f(void) { return 0; }").AnyOutputRuleCanRun);
    }

    private static PrefilterResult Scan(FilePrefilter prefilter, string text) => prefilter.Scan(Encoding.UTF8.GetBytes(text));
}
