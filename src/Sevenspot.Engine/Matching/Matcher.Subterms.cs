using System.Runtime.CompilerServices;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// "expression x &lt;= r.E": x matches only an expression that is, token for token, one of the
/// subterms of E's value (E itself, and every expression inside it, parentheses included; a
/// field name after -> or . is not an expression). spatch compares by structure, not by place:
/// for E = &amp;a[(i)], "i = 3" anywhere in the function is an assignment to a subterm.
/// </summary>
public sealed partial class Matcher
{
    // For each rule, the metavariables constrained by "&lt;=" keyed by the local name of the
    // metavariable they must lie inside: the constraint is checked whichever of the two is bound last.
    private static readonly ConditionalWeakTable<CodeRule, Dictionary<string, List<Metavariable>>> s_subtermConstraints = new();

    private static Dictionary<string, List<Metavariable>> BuildSubtermConstraints(CodeRule rule)
    {
        var table = new Dictionary<string, List<Metavariable>>(StringComparer.Ordinal);
        foreach (var meta in rule.Metavariables)
        {
            foreach (var constraint in meta.Constraints)
            {
                if (constraint is SubExpressionConstraint sub)
                {
                    string local = LocalNameOf(rule, sub.Of);
                    if (!table.TryGetValue(local, out var list))
                    {
                        table[local] = list = [];
                    }

                    list.Add(meta);
                }
            }
        }

        return table;
    }

    /// <summary>The name under which this rule knows a metavariable named in a constraint ("r.x" inherited as x).</summary>
    private static string LocalNameOf(CodeRule rule, string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        foreach (var m in rule.Metavariables)
        {
            if (m.IsInherited && m.InheritedName is { } name && text.AsSpan(dot + 1).SequenceEqual(name)
                && text.AsSpan(0, dot).SequenceEqual(m.InheritedFrom))
            {
                return m.Name;
            }
        }

        return text;
    }

    /// <summary>Whether value lies inside the value of the metavariable named by "&lt;= of".</summary>
    private bool SatisfiesSubterm(MetaValue value, string of, Env env)
    {
        string local = LocalNameOf(_ctx.Rule, of);
        if (_ctx.Meta(local) is not null)
        {
            // Not bound yet: checked when it is (SatisfiesSubtermsOf).
            return !env.TryGet(local, out var whole) || IsSubterm(value, whole);
        }

        // A metavariable of an earlier rule that this rule does not inherit: any of its values in a
        // match of that rule that agrees with what this rule inherits from it.
        int dot = of.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && _ctx.EarlierMatches is { } earlier && earlier.TryGetValue(of[..dot], out var matches))
        {
            string rule = of[..dot];
            string name = of[(dot + 1)..];
            foreach (var match in matches)
            {
                if (match.TryGet(name, out var v) && AgreesWithInherited(rule, match, env) && IsSubterm(value, v))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>After binding meta: the "&lt;=" constraints of this rule's metavariables that must lie inside it.</summary>
    private bool SatisfiesSubtermsOf(Metavariable meta, MetaValue value, Env env)
    {
        var table = s_subtermConstraints.GetValue(_ctx.Rule, BuildSubtermConstraints);
        if (table.Count == 0 || !table.TryGetValue(meta.Name, out var inner))
        {
            return true;
        }

        foreach (var x in inner)
        {
            if (env.TryGet(x.Name, out var part) && !IsSubterm(part, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether part is one of the expression subterms of whole, compared token by token.</summary>
    internal static bool IsSubterm(MetaValue part, MetaValue whole)
    {
        if (part is not CodeValue p || whole is not CodeValue w)
        {
            return part.Key == whole.Key;
        }

        if (w.Node is not { } root)
        {
            return SameTokens(p.Tree, p.FirstToken, p.LastToken, w.Tree, w.FirstToken, w.LastToken);
        }

        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (SyntaxFacts.IsExpressionKind(node.Kind)
                && SameTokens(p.Tree, p.FirstToken, p.LastToken, node.Tree, node.FirstTokenIndex, node.LastTokenIndex))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two token ranges with the same texts (disabled tokens left out, as in MetaValue keys).</summary>
    private static bool SameTokens(SyntaxTree a, int aFirst, int aLast, SyntaxTree b, int bFirst, int bLast)
    {
        int i = aFirst;
        int j = bFirst;
        while (true)
        {
            while (i <= aLast && a.Tokens[i].Kind == SyntaxKind.DisabledToken)
            {
                i++;
            }

            while (j <= bLast && b.Tokens[j].Kind == SyntaxKind.DisabledToken)
            {
                j++;
            }

            if (i > aLast || j > bLast)
            {
                return i > aLast && j > bLast;
            }

            if (!new SyntaxToken(a, i).Bytes.SequenceEqual(new SyntaxToken(b, j).Bytes))
            {
                return false;
            }

            i++;
            j++;
        }
    }
}
