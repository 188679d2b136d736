using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// The declarations spatch refuses before it runs anything, refused here too (an error on the
/// declaration, and no run):
/// <list type="bullet">
/// <item>an inherited metavariable "r.q" (in a code rule, or "x &lt;&lt; r.q" in a script) where the
/// earlier rule r declares no q of its own (spatch: "bad rule r or bad variable q"); a metavariable
/// r merely inherits is not r's, and a script's output variables are its own;</item>
/// <item>"r.q" where r is no rule before this one (a later rule, or none at all);</item>
/// <item>a metavariable of the rule's own that occurs in its + code and not where it would get a
/// value (context, - or * code): spatch's "Q appears only in + code";</item>
/// <item>a fresh identifier in context, - or * code: spatch's "unexpected use of a fresh identifier".</item>
/// </list>
/// Names under "virtual" are -D values, never checked.
/// </summary>
public static class DeclarationChecks
{
    public static List<Diagnostic> Check(SourceText patch, IReadOnlyList<Rule> rules)
    {
        var errors = new List<Diagnostic>();
        var declared = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            all.Add(rule.Name);
        }

        foreach (var rule in rules)
        {
            // A rule read with #include is located in its own file.
            var file = rule.Source ?? patch;
            if (rule is CodeRule code)
            {
                foreach (var meta in code.Metavariables)
                {
                    if (meta.IsInherited)
                    {
                        CheckInherited(file, meta.InheritedFrom!, meta.InheritedName!, UnusedMetavariables.DeclarationSpan(file, meta), declared, all, errors);
                    }
                }

                CheckPlusOnly(file, code, errors);
                MinusCodeChecks.Check(file, code, errors);
            }
            else if (rule is ScriptRule script)
            {
                foreach (var binding in script.Bindings)
                {
                    if (binding.Rule is null)
                    {
                        continue;
                    }

                    // A finalizer's "x << merge.y" gathers what each worker's y held, not a rule's value.
                    if (script.ScriptKind == ScriptKind.Finalize && binding.Rule == "merge")
                    {
                        continue;
                    }

                    if (script.ScriptKind is ScriptKind.Initialize or ScriptKind.Finalize)
                    {
                        errors.Add(new Diagnostic(
                            DiagnosticId.SmplScriptBindingNotAllowed, file, binding.Span,
                            script.ScriptKind == ScriptKind.Initialize ? "initialize" : "finalize", binding.Rule, binding.RuleVariable!,
                            script.ScriptKind == ScriptKind.Finalize ? " (finalize gathers values with merge.name)" : string.Empty));
                        continue;
                    }

                    CheckInherited(file, binding.Rule, binding.RuleVariable!, binding.Span, declared, all, errors);
                    if (binding.DefaultIsEmptyList && KindOf(rules, binding.Rule, binding.RuleVariable!) is { } kind && kind != MetavariableKind.Position)
                    {
                        // "= []" is a position's default (no position): spatch refuses it on other kinds.
                        errors.Add(new Diagnostic(DiagnosticId.SmplSyntaxError, file, binding.Span, "default value of non-position variable should be a string"));
                    }
                }
            }

            declared[rule.Name] = Own(rule, declared);
        }

        return errors;
    }

    /// <summary>The kind of metavariable <paramref name="name"/> that code rule <paramref name="rule"/> declares itself, if any.</summary>
    private static MetavariableKind? KindOf(IReadOnlyList<Rule> rules, string rule, string name)
    {
        foreach (var r in rules)
        {
            if (r is CodeRule code && r.Name == rule)
            {
                foreach (var meta in code.Metavariables)
                {
                    if (!meta.IsInherited && meta.Name == name)
                    {
                        return meta.Kind;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The metavariables a rule binds itself, which later rules may inherit as "rule.name".</summary>
    private static HashSet<string> Own(Rule rule, Dictionary<string, HashSet<string>> declared)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (rule)
        {
            case CodeRule code:
                foreach (var meta in code.Metavariables)
                {
                    if (!meta.IsInherited)
                    {
                        names.Add(meta.Name);
                    }

                    // "expression list[n] es;" and "T:b x;" declare n and b too.
                    if (meta.ListLengthName is { } length && !length.Contains('.', StringComparison.Ordinal))
                    {
                        names.Add(length);
                    }
                }

                names.UnionWith(code.WidthNames);

                // "@s extends r@" binds r's metavariables as its own.
                if (code.Extends is { } extended && declared.TryGetValue(extended, out var fromExtended))
                {
                    names.UnionWith(fromExtended);
                }

                break;
            case ScriptRule script:
                foreach (var binding in script.Bindings)
                {
                    if (binding.Rule is null)
                    {
                        names.Add(binding.Name);
                    }
                }

                break;
        }

        return names;
    }

    private static void CheckInherited(SourceText file, string rule, string variable, TextSpan span, Dictionary<string, HashSet<string>> declared, HashSet<string> all, List<Diagnostic> errors)
    {
        if (rule == "virtual")
        {
            return;
        }

        if (declared.TryGetValue(rule, out var names))
        {
            if (!names.Contains(variable))
            {
                errors.Add(new Diagnostic(DiagnosticId.SmplBadInheritedMetavariable, file, span, rule, variable));
            }

            return;
        }

        errors.Add(all.Contains(rule)
            ? new Diagnostic(DiagnosticId.SmplInheritedFromLaterRule, file, span, rule)
            : new Diagnostic(DiagnosticId.SmplUnknownRule, file, span, rule));
    }

    private static void CheckPlusOnly(SourceText file, CodeRule rule, List<Diagnostic> errors)
    {
        HashSet<string>? matched = null;
        HashSet<string>? added = null;
        foreach (var meta in rule.Metavariables)
        {
            // The name kinds only say what a word is.
            if (meta.IsInherited || meta.Kind is MetavariableKind.Symbol or MetavariableKind.Typedef
                or MetavariableKind.DeclarerName or MetavariableKind.IteratorName or MetavariableKind.AttributeName)
            {
                continue;
            }

            matched ??= UnusedMetavariables.MatchedNames(rule);
            if (meta.Kind == MetavariableKind.FreshIdentifier)
            {
                // A fresh identifier lives in + code: spatch's "unexpected use of a fresh identifier".
                if (matched.Contains(meta.Name))
                {
                    errors.Add(new Diagnostic(DiagnosticId.SmplFreshIdentifierMatched, file, UnusedMetavariables.DeclarationSpan(file, meta), meta.Name));
                }

                continue;
            }

            if (matched.Contains(meta.Name))
            {
                continue;
            }

            added ??= UnusedMetavariables.Names(rule.Body.Plus, rule.Body.PlusPositions, null);
            if (added.Contains(meta.Name))
            {
                errors.Add(new Diagnostic(DiagnosticId.SmplMetavariableOnlyInPlus, file, UnusedMetavariables.DeclarationSpan(file, meta), meta.Name));
            }
        }
    }
}
