using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests;

/// <summary>
/// spatch's warnings on metavariables a rule declares and does not use. Each expectation is the set
/// of names spatch 1.1.1 warned about for the same rules (run on an empty C file; spatch prints them
/// in no fixed order), with the kind of warning; ours sit on the declaration.
/// </summary>
public class UnusedMetavariableTests
{
    private static List<string> Warnings(string rules, params string[] defined)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rules));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var patch = parsed.File!;
        var result = new List<string>();
        foreach (var d in UnusedMetavariables.Check(patch, RuleActivity.KeptRules(patch, new HashSet<string>(defined, StringComparer.Ordinal))))
        {
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            string kind = d.Id switch
            {
                DiagnosticId.SmplMetavariableNotMatched => "unused",
                DiagnosticId.SmplInheritedMetavariableNotUsed => "inherited unused",
                DiagnosticId.SmplFreshIdentifierNotAdded => "fresh unused",
                _ => d.Id.ToString(),
            };
            result.Add($"{d.Position.Line}:{d.Position.Column} {kind}");
        }

        return result;
    }

    [Fact]
    public void Every_kind_of_metavariable_must_occur_in_the_matched_code_and_inherited_ones_anywhere()
    {
        // spatch 1.1.1: r: fn; s: C, g, T, q, S, es, inherited p, E, fn, fresh z; u: I, G (G's script
        // constraint names E, which does not make G used). virtual.vv used in added code is fine.
        const string rules = """
            @r@
            expression E;
            position p;
            identifier fn;
            @@
            foo@p(E);

            @s@
            expression r.E;
            position r.p;
            identifier r.fn;
            expression F;
            identifier g;
            type T;
            statement S;
            constant C;
            expression list es;
            fresh identifier z = "a";
            position q;
            @@
            - foo(F);
            + bar(F);

            @script:python@
            e << r.E;
            @@
            pass

            @t@
            expression E;
            identifier virtual.vv;
            @@
            - foo(E)
            + bar(E, vv)

            @u@
            expression E != 1;
            expression G : script:python (E) { True };
            idexpression I;
            @@
            foo(E);
            """;

        Assert.Equal(
        [
            "4:11 unused",
            "9:11 inherited unused", "10:9 inherited unused", "11:11 inherited unused",
            "13:11 unused", "14:5 unused", "15:10 unused", "16:9 unused", "17:16 unused", "18:17 fresh unused", "19:9 unused",
            "38:11 unused", "39:13 unused",
        ], Warnings(rules));
    }

    [Fact]
    public void An_inherited_metavariable_named_only_in_a_fresh_identifier_seed_is_used()
    {
        // spatch 1.1.1 warns about nothing here: fn gives w its name.
        const string rules = """
            @r@
            identifier fn;
            @@
            fn(...) { ... }

            @s@
            identifier r.fn;
            fresh identifier w = "wrap_" ## fn;
            @@
            ++ void w(void);
              void main2(void) { ... }
            """;

        Assert.Empty(Warnings(rules));
    }

    [Fact]
    public void Metavariables_a_rule_takes_by_extends_are_not_warned_about()
    {
        // spatch 1.1.1 warns about r's own y only, not about s's f and E that r extends and never names.
        const string rules = """
            @s@
            identifier f;
            expression E;
            @@
            f(E)

            @r extends s@
            identifier y;
            @@
            - g(1);
            + h(1);
            """;

        Assert.Equal(["8:11 unused"], Warnings(rules));
    }

    [Fact]
    public void Words_declared_as_names_are_not_checked_and_when_clauses_count_as_matched_code()
    {
        // spatch 1.1.1 warns about mv, bop and fmt only.
        const string rules = """
            @r@
            symbol sy;
            typedef td;
            declarer name dn;
            iterator name itn;
            attribute name an;
            metavariable mv;
            binary operator bop;
            format fmt;
            identifier W;
            expression E;
            statement S;
            @@
            foo(E);
            ... when != W
            S
            """;

        Assert.Equal(["7:13 unused", "8:16 unused", "9:7 unused"], Warnings(rules));
    }

    [Fact]
    public void A_list_length_from_another_rule_is_a_use_and_rules_left_out_by_virtual_rules_are_not_checked()
    {
        // As in the kernel's iterators/for_each_child.cocci ("expression list[r.n1] es;"): spatch gives
        // nothing there. Rule b, which needs report, is checked only with -D report (spatch: "b: metavariable y").
        const string rules = """
            virtual report

            @r@
            expression list[n1] es;
            identifier f;
            @@
            f(es);

            @a@
            identifier r.f;
            expression list[r.n1] es;
            @@
            f(es, 1);

            @b depends on report@
            identifier y;
            @@
            x = bar;
            """;

        Assert.Empty(Warnings(rules));
        Assert.Equal(["16:11 unused"], Warnings(rules, "report"));
    }
}
