using System.Collections.Concurrent;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// For each rule element, the metavariables whose values in an inherited environment can change where
/// and how the element matches: those its own tokens name (positions on them included) and, through
/// constraints ("x &lt;= r.E", "p != q", a list length, a type naming a type metavariable), those these
/// refer to. Two environments that agree on them label the element alike, so a function's labels for it
/// are computed once and shared (<see cref="FlowShape"/>). Built once per rule, shared by every thread.
/// </summary>
internal sealed class ElementReads
{
    private readonly CodeRule _rule;
    private readonly ConcurrentDictionary<RuleElement, string[]?> _reads = new(ReferenceEqualityComparer.Instance);
    private readonly Func<RuleElement, string[]?> _compute;

    private ElementReads(CodeRule rule)
    {
        _rule = rule;
        _compute = Compute;
    }

    /// <summary>The reads of the rule's elements, or null when matching may depend on more than the bindings (a script constraint).</summary>
    public static ElementReads? For(CodeRule rule) => SemanticPatchRunner.HasScriptConstraint(rule) ? null : new ElementReads(rule);

    /// <summary>The names read, sorted; null when not known (the element is not of the rule's pattern).</summary>
    public string[]? Of(RuleElement element) => _reads.GetOrAdd(element, _compute);

    private string[]? Compute(RuleElement element)
    {
        var pattern = _rule.Body.Minus;
        if (element.Pattern.Tree != pattern || (element.DroppedBraces is { } b && b.Tree != pattern))
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, last) in CtlTranslator.ElementTokens(element))
        {
            AddTokens(first, last, names);
        }

        if (element.DroppedBraces is { } braces)
        {
            AddTokens(braces.FirstTokenIndex, braces.LastTokenIndex, names);
        }

        // Close over the metavariables that constraints refer to.
        var pending = new Stack<string>(names);
        while (pending.Count > 0)
        {
            if (_rule.Find(pending.Pop()) is not { } meta)
            {
                continue;
            }

            var referred = new List<string>();
            foreach (var constraint in meta.Constraints)
            {
                switch (constraint)
                {
                    case SetConstraint set:
                        referred.AddRange(set.Values);
                        break;
                    case SubExpressionConstraint sub:
                        referred.Add(sub.Of);
                        break;
                    case RegexConstraint:
                        break;
                    default:
                        return null; // a constraint whose reads are not known here
                }
            }

            if (meta.ListLengthName is { } length)
            {
                referred.Add(length);
            }

            referred.AddRange(meta.Types);
            foreach (var part in meta.Seed)
            {
                if (part.IsMetavariable)
                {
                    referred.Add(part.Text);
                }
            }

            foreach (string text in referred)
            {
                foreach (var other in _rule.Metavariables)
                {
                    if (Mentions(text, other) && names.Add(other.Name))
                    {
                        pending.Push(other.Name);
                    }
                }
            }
        }

        var result = names.ToArray();
        Array.Sort(result, StringComparer.Ordinal);
        return result;
    }

    private void AddTokens(int first, int last, HashSet<string> names)
    {
        var pattern = _rule.Body.Minus;
        for (int t = Math.Max(first, 0); t <= last && t < pattern.TokenCount; t++)
        {
            var token = pattern.GetToken(t);
            if (token.Kind == SyntaxKind.IdentifierToken && _rule.Find(token.Text) is { } meta)
            {
                names.Add(meta.Name);
            }

            if (_rule.Body.Positions.TryGetValue(t, out var positions))
            {
                foreach (string p in positions)
                {
                    names.Add(p);
                }
            }
        }
    }

    /// <summary>Whether a constraint's text names the metavariable, by its own name or as rule.name (any word of it, to err on the side of reading).</summary>
    private static bool Mentions(string text, Metavariable meta)
    {
        if (meta.IsInherited && text == $"{meta.InheritedFrom}.{meta.InheritedName}")
        {
            return true;
        }

        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (i > start && text.AsSpan(start, i - start).SequenceEqual(meta.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
