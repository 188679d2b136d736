using System.Text;
using CsCheck;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Properties;

/// <summary>
/// Properties of the SmPL parser and the matcher over generated inputs (the fuzz targets
/// "smpl" and "match" check the same on AFL++'s inputs): a rule either parses or is refused
/// with errors that point into it, and a rule that parses runs on any C file without throwing.
/// </summary>
public sealed class RuleProperties
{
    private static readonly string[] s_rulePieces =
    [
        "@@\n", "@ r @\n", "@ s depends on r @\n", "@ exists @\n", "@script:python@\n", "@initialize:python@\n", "virtual patch\n",
        "expression E;\n", "expression list ES;\n", "identifier f;\n", "identifier virtual.v;\n", "statement S;\n", "type T;\n",
        "position p;\n", "constant C;\n", "idexpression x;\n", "fresh identifier g = \"g_\" ## f;\n", "x << r.p;\n", "E << r.E;\n",
        "- ", "+ ", "* ", "f(E);\n", "f(...);\n", "kfree(E);\n", "E = NULL;\n", "return E;\n", "if (E) S\n", "if (E == NULL)\n",
        "...\n", "... when != E\n", "when exists\n", "(\n", "|\n", ")\n", "<...\n", "...>\n", "<+...\n", "...+>\n", "{\n", "}\n",
        "T x;\n", "f@p(E)\n", "print(p[0].line)\n", "\n", "  ", "// c\n", "#include <a.h>\n", "E", ";", "@", "\"", "(", "!",
    ];

    private static readonly Gen<string> s_rule =
        Gen.Int[0, s_rulePieces.Length - 1].Array[0, 40].Select(indexes =>
        {
            var text = new StringBuilder();
            foreach (int i in indexes)
            {
                text.Append(s_rulePieces[i]);
            }

            return text.ToString();
        });

    /// <summary>Rules that parse, from simple to context and disjunction rules, for the matcher property.</summary>
    private static readonly string[] s_rules =
    [
        "@@\nexpression E;\n@@\n- f(E);\n+ g(E);\n",
        "@@\nexpression E;\nstatement S;\n@@\n- if (E != NULL)\n  kfree(E);\n",
        "@@\nidentifier x;\nexpression E;\n@@\n* x = E;\n  ...\n* return x;\n",
        "@@\nexpression E;\n@@\n(\n- E == NULL\n+ !E\n|\n- NULL == E\n+ !E\n)\n",
        "@r@\nidentifier f;\n@@\nf(...) { <+... kmalloc(...) ...+> }\n@@\nidentifier r.f;\n@@\n- f(\n+ g(\n ...)\n",
        "@@\ntype T;\nidentifier x;\n@@\n- T x;\n+ T x = 0;\n",
        "@@\nexpression E;\n@@\n  spin_lock(E);\n  ... when != spin_unlock(E)\n* return ...;\n",
    ];

    private static readonly string[] s_cPieces =
    [
        "int f(int *p)\n{\n", "}\n", "f(1);\n", "kfree(p);\n", "if (p != NULL)\n", "if (p == NULL) return -1;\n", "p = NULL;\n",
        "spin_lock(&l);\n", "spin_unlock(&l);\n", "return 0;\n", "return x;\n", "x = kmalloc(8, GFP_KERNEL);\n", "while (x) {\n",
        "for (;;) {\n", "goto out;\n", "out:\n", "int x;\n", "{\n", "else\n", "switch (x) { case 1: break; }\n", "#if 0\n", "#endif\n", ";", "(",
    ];

    private static readonly Gen<string> s_c =
        Gen.Int[0, s_cPieces.Length - 1].Array[0, 30].Select(indexes =>
        {
            var text = new StringBuilder();
            foreach (int i in indexes)
            {
                text.Append(s_cPieces[i]);
            }

            return text.ToString();
        });

    [Fact]
    public void A_rule_either_parses_or_gets_located_errors() => s_rule.Sample(ParsesOrGetsLocatedErrors, iter: 3000);

    /// <summary>
    /// Found by the property (seed 9TpUjabfTAa3): in a rule body, "script:" reads as a label whose
    /// statement fails before it starts; the label's statement slot must then be absent, not missing.
    /// </summary>
    [Fact]
    public void A_label_whose_statement_fails_keeps_its_shape() => ParsesOrGetsLocatedErrors(
        "@ exists @\n@@initialize:python@\n... when != E\n<...\nposition p;\nwhen exists\n@script:python@\n  ...+>\n" +
        "... when != E\nwhen exists\ntype T;\nx << r.p;\n- @ s depends on r @\nx << r.p;\n...+>\n// c\nvirtual patch\nf(...);\n)\n");

    private static void ParsesOrGetsLocatedErrors(string text)
    {
        var source = SourceText.FromString("gen.cocci", text);
        var result = SmplParser.Parse(source);
        if (result.Success)
        {
            return;
        }

        Assert.NotEmpty(result.Diagnostics);
        foreach (var d in result.Diagnostics)
        {
            Assert.Same(source, d.Source);
            Assert.InRange(d.Span.Start, 0, source.Length);
            Assert.NotEmpty(d.ToStringWithCaret());
        }
    }

    [Fact]
    public void A_rule_that_parses_runs_on_any_c_file() =>
        Gen.Select(Gen.Int[0, s_rules.Length - 1], s_c).Sample(
            (rule, code) =>
            {
                var parsed = SmplParser.Parse(s_rules[rule]);
                Assert.True(parsed.Success, s_rules[rule]);
                var outcome = new SemanticPatchRunner(parsed.File!, new RunOptions()).Run(SourceText.FromString("gen.c", code));
                Assert.Equal(Encoding.UTF8.GetBytes(code), outcome.Original);
            },
            iter: 1500);
}
