using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// Which rules are left once the virtual rules set with -D are known, decided before any file is
/// read as spatch does: rules whose dependencies cannot hold are dropped (and so are rules
/// depending on dropped rules). From that follow spatch's "No rules apply" check (no rule that does
/// something is left: a rule with -, + or * code, or a script rule) and its * mode (a rule with *
/// code is left).
/// </summary>
public static class RuleActivity
{
    /// <param name="values">The -D name=value pairs: a code rule with a metavariable "virtual.x" that none
    /// gives a value is dropped (spatch does not apply it), with the rules that depend on it.</param>
    public static bool AnyRuleApplies(SmplFile patch, IReadOnlySet<string> defined, IReadOnlyDictionary<string, string>? values = null)
    {
        var kept = KeptRules(patch, defined, values);
        for (int i = 0; i < patch.Rules.Count; i++)
        {
            var rule = patch.Rules[i];
            if (!kept.Contains(rule.Name))
            {
                continue;
            }

            bool active = rule switch
            {
                CodeRule code => code.Body.Transforms || code.Body.HasStar || code.Body.PlusCode.Count > 0
                    || HasMarkedLine(patch.SourceOf(code), code.Line, patch.EndLineOf(i)),
                ScriptRule script => script.ScriptKind == ScriptKind.Script,
                _ => false,
            };
            if (active)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the patch is in * mode, which makes its rules exists by default: a rule with * code is
    /// left. A starred rule dropped by its virtual dependencies does not count (spatch 1.1.1: the
    /// kernel's rules pair a "depends on context" rule with * code and a "depends on report" rule;
    /// with -D report the report rule stays forall).
    /// </summary>
    public static bool IsStarMode(SmplFile patch, IReadOnlySet<string> defined)
    {
        if (!patch.IsContextMode)
        {
            return false;
        }

        var kept = KeptRules(patch, defined);
        foreach (var rule in patch.Rules)
        {
            if (rule is CodeRule { Body.HasStar: true } && kept.Contains(rule.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first line, among the code of the rules that are left, whose mark conflicts with an earlier
    /// one: a * line after a - or + line, or a - or + line after a * line (spatch refuses such a
    /// patch: * asks for a report of the match, - and + for a change), with the file it is in (the
    /// patch or a file it includes). Null when the marks agree.
    /// </summary>
    public static (SourceText Source, int Line)? FirstMixedMark(SmplFile patch, IReadOnlySet<string> defined)
    {
        var kept = KeptRules(patch, defined);
        bool star = false, change = false;
        for (int i = 0; i < patch.Rules.Count; i++)
        {
            var rule = patch.Rules[i];
            if (rule is not CodeRule || !kept.Contains(rule.Name))
            {
                continue;
            }

            var source = patch.SourceOf(rule);
            foreach (int line in MarkedLines(source, rule.Line, patch.EndLineOf(i)))
            {
                char mark = source.GetLineText(line)[0];
                if ((mark == '*' && change) || (mark != '*' && star))
                {
                    return (source, line);
                }

                star |= mark == '*';
                change |= mark != '*';
            }
        }

        return null;
    }

    /// <summary>The names of the rules whose dependencies can hold with these virtual rules.</summary>
    public static HashSet<string> KeptRules(SmplFile patch, IReadOnlySet<string> defined, IReadOnlyDictionary<string, string>? values = null)
    {
        var ruleNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            ruleNames.Add(rule.Name);
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            if (rule.DependsOn is { } dependency && Dependencies.Evaluate(dependency, ruleNames, defined, new BeforeFiles(kept)) == DependencyTruth.False)
            {
                continue;
            }

            if (InheritsFromDropped(rule, ruleNames, kept) || (values is not null && LacksVirtualValue(rule, values)))
            {
                continue;
            }

            kept.Add(rule.Name);
        }

        return kept;
    }

    /// <summary>
    /// Whether an initialize or finalize rule runs with these virtual rules: its dependency is read
    /// with no rule of the patch matched, as neither runs on a file (spatch 1.1.1 runs no "finalize
    /// depends on r" for a code rule r, even where r matched); what is not known ("file in") lets it run.
    /// </summary>
    public static bool StartOrEndRuleRuns(SmplFile patch, Rule rule, IReadOnlySet<string> defined)
    {
        if (rule.DependsOn is not { } dependency)
        {
            return true;
        }

        var ruleNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in patch.Rules)
        {
            ruleNames.Add(r.Name);
        }

        return Dependencies.Evaluate(dependency, ruleNames, defined, new NoFile()) != DependencyTruth.False;
    }

    private static bool LacksVirtualValue(Rule rule, IReadOnlyDictionary<string, string> values)
    {
        if (rule is CodeRule code)
        {
            foreach (var meta in code.Metavariables)
            {
                if (meta.InheritedFrom == "virtual" && meta.InheritedName is { } name && !values.ContainsKey(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the rule takes a value from a rule that is dropped: it can never get one, so spatch
    /// drops it too (a code rule's "r.x" or "extends r", a script's "x &lt;&lt; r.y" without a default
    /// value; a script whose every such binding has a default still runs).
    /// </summary>
    private static bool InheritsFromDropped(Rule rule, HashSet<string> ruleNames, HashSet<string> kept)
    {
        bool Dropped(string? from) => from is not null && ruleNames.Contains(from) && !kept.Contains(from);

        switch (rule)
        {
            case CodeRule code:
                if (Dropped(code.Extends))
                {
                    return true;
                }

                foreach (var meta in code.Metavariables)
                {
                    if (meta.IsInherited && Dropped(meta.InheritedFrom))
                    {
                        return true;
                    }
                }

                return false;
            case ScriptRule script:
                foreach (var binding in script.Bindings)
                {
                    if (binding.DefaultValue is null && !binding.DefaultIsEmptyList && Dropped(binding.Rule))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether a line of the rule's code (after the "@@" that ends its metavariables) starts with
    /// -, + or *: added comments and preprocessor lines, or a starred #define, count although
    /// they add no token to the rule's trees.
    /// </summary>
    private static bool HasMarkedLine(SourceText source, int header, int next)
    {
        foreach (int _ in MarkedLines(source, header, next))
        {
            return true;
        }

        return false;
    }

    /// <summary>The lines of a rule's code (header at <paramref name="header"/>, next rule at <paramref name="next"/>) that start with -, + or *.</summary>
    private static IEnumerable<int> MarkedLines(SourceText source, int header, int next)
    {
        // "@ r @ @@" puts the end of the (empty) metavariables on the header line.
        string first = header <= source.LineCount ? source.GetLineText(header) : string.Empty;
        int close = first.IndexOf('@', 1);
        bool inCode = close > 0 && first.IndexOf("@@", close + 1, StringComparison.Ordinal) >= 0;
        bool inComment = false;
        for (int line = header + 1; line < next && line <= source.LineCount; line++)
        {
            string text = source.GetLineText(line);
            if (!inCode)
            {
                inCode = text.StartsWith("@@", StringComparison.Ordinal);
            }
            else if (!inComment && text.Length > 0 && (text[0] is '-' or '+' || (text[0] == '*' && !text.StartsWith("*/", StringComparison.Ordinal))))
            {
                yield return line;
            }

            if (inCode)
            {
                inComment = EndsInComment(text, inComment);
            }
        }
    }

    /// <summary>Whether a /* comment is still open at the end of a line of code (open at its start or not).</summary>
    private static bool EndsInComment(string text, bool open)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (open)
            {
                int close = text.IndexOf("*/", i, StringComparison.Ordinal);
                if (close < 0)
                {
                    return true;
                }

                open = false;
                i = close + 1;
            }
            else if (text[i] is '"' or '\'')
            {
                int quote = text.IndexOf(text[i], i + 1);
                i = quote < 0 ? text.Length : quote;
            }
            else if (text[i] == '/' && i + 1 < text.Length)
            {
                if (text[i + 1] == '/')
                {
                    return false;
                }

                if (text[i + 1] == '*')
                {
                    open = true;
                    i++;
                }
            }
        }

        return open;
    }

    /// <summary>Outside any file: no rule of the patch matched, and no file is the one "file in" names or not.</summary>
    private readonly struct NoFile : Dependencies.IMatching
    {
        public DependencyTruth Matched(string rule, bool ever) => DependencyTruth.False;

        public DependencyTruth InFile(FileDependency file) => DependencyTruth.Unknown;
    }

    /// <summary>Before any file: a rule that was dropped never matches; whether one that is left matches is not known.</summary>
    private readonly struct BeforeFiles(HashSet<string> kept) : Dependencies.IMatching
    {
        public DependencyTruth Matched(string rule, bool ever) => kept.Contains(rule) ? DependencyTruth.Unknown : DependencyTruth.False;

        public DependencyTruth InFile(FileDependency file) => DependencyTruth.Unknown;
    }
}
