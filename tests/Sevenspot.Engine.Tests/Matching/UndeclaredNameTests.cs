using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests;

/// <summary>
/// spatch's "should NAME be a metavariable?" hints: the expectations are spatch 1.1.1's stderr for
/// the same rules (run on an empty C file), as line and name.
/// </summary>
public class UndeclaredNameTests
{
    private static List<string> Hints(string rules, params string[] defined)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rules));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var patch = parsed.File!;
        var result = new List<string>();
        foreach (var d in UndeclaredNames.Check(patch, RuleActivity.KeptRules(patch, new HashSet<string>(defined, StringComparer.Ordinal))))
        {
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            result.Add($"line {d.Position.Line}: {d.Message}");
        }

        return result;
    }

    [Fact]
    public void Names_where_a_variable_goes_are_questioned_and_functions_fields_labels_of_cases_and_constants_are_not()
    {
        const string rules = """
            @r@
            expression E;
            identifier f;
            @@
            f(...) {
              int aa = bb;
              cc = E;
              E = dd;
              ee(ff, E->gg, hh.ii);
              if (jj) return kk;
              goto ll;
            mm:
              x = true;
              y = false;
              z = sizeof(nn);
              w = (struct oo *)E;
              switch (E) { case pp: break; }
              while (qq) { foo(rr); }
              s = struct_size(E, tt, 3);
              ... when != uu
            + added = vv;
              return ABC + Ab + AB + A1B;
            }

            @s@
            @@
            int ww(int xx) { return yy; }
            """;

        Assert.Equal(
        [
            "line 6: should aa be a metavariable?", "line 6: should bb be a metavariable?", "line 7: should cc be a metavariable?",
            "line 8: should dd be a metavariable?", "line 9: should ff be a metavariable?", "line 9: should hh be a metavariable?",
            "line 10: should jj be a metavariable?", "line 10: should kk be a metavariable?", "line 11: should ll be a metavariable?",
            "line 12: should mm be a metavariable?", "line 13: should x be a metavariable?", "line 13: should true be a metavariable?",
            "line 14: should y be a metavariable?", "line 14: should false be a metavariable?", "line 15: should z be a metavariable?",
            "line 15: should nn be a metavariable?", "line 16: should w be a metavariable?", "line 18: should qq be a metavariable?",
            "line 18: should rr be a metavariable?", "line 19: should s be a metavariable?", "line 19: should tt be a metavariable?",
            "line 20: should uu be a metavariable?", "line 22: should Ab be a metavariable?", "line 22: should AB be a metavariable?",
            "line 27: should xx be a metavariable?", "line 27: should yy be a metavariable?",
        ], Hints(rules));
    }

    [Fact]
    public void A_rule_that_cannot_run_with_the_virtual_rules_given_gets_no_hint_and_an_earlier_rules_metavariable_gets_its_own()
    {
        const string rules = """
            virtual report

            @a@
            expression E;
            @@
            E = foo;

            @b depends on report@
            @@
            x = bar;

            @c@
            @@
            E = baz(STRUCT_X, AB);
            """;

        // E, a metavariable of rule a only, is an identifier in rule c: spatch warns of that instead.
        const string earlier = "line 14: E is a metavariable of an earlier rule but not of this one: here it matches the identifier E only";
        Assert.Equal(["line 6: should foo be a metavariable?", earlier, "line 14: should AB be a metavariable?"], Hints(rules));
        Assert.Equal(
        [
            "line 6: should foo be a metavariable?", "line 10: should x be a metavariable?", "line 10: should bar be a metavariable?",
            earlier, "line 14: should AB be a metavariable?",
        ], Hints(rules, "report"));
    }

    [Fact]
    public void Names_in_a_disjunction_of_called_functions_are_not_questioned()
    {
        // As in the kernel's null/eno and api/kfree_mismatch rules; spatch gives no hint here.
        const string rules = """
            @@
            expression E;
            @@
            * E = \(kmalloc\|kzalloc\)(...);
            """;

        Assert.Empty(Hints(rules));
    }

    [Fact]
    public void An_earlier_rules_metavariable_used_as_a_function_or_a_field_in_matched_code_is_pointed_out()
    {
        // spatch 1.1.1: "line 16: fld, previously declared as a metavariable, is used as an identifier",
        // nothing for fn and y in added code, nor for the type T; a script's variables are plain names.
        const string rules = """
            @r@
            identifier fn, fld;
            expression E;
            type T;
            @@
            fn(E->fld);

            @script:python s@
            y;
            @@
            coccinelle.y = "q"

            @@
            expression E;
            @@
            - foo(E->fld, y);
            + fn(E, y);

            @@
            @@
            - T x;
            """;

        Assert.Equal(
        [
            "line 16: fld is a metavariable of an earlier rule but not of this one: here it matches the identifier fld only",
            "line 16: should y be a metavariable?",
            "line 21: should x be a metavariable?",
        ], Hints(rules));
    }
}
