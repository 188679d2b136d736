using Sevenspot.C;
using Sevenspot.Engine.Ctl;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// The inherited positions that every match of a flow rule binds at a node: a rule that names
/// <c>E@p</c> with <c>p</c> from an earlier rule can only match in the function that holds that
/// place, so the other functions of the file are not model-checked in that environment (a file with
/// a hundred lock calls has a hundred environments, each of which used to check every function).
/// Found from the formula (what every satisfying state needs) and from each needed element (a
/// position that every branch of it binds, outside nests, optional parts and "..."). Conservative:
/// whatever is unsure counts as not needed.
/// </summary>
internal static class RequiredPositions
{
    public static string[] Of(CodeRule rule, Formula<CtlPredicate> formula)
    {
        if (SemanticPatchRunner.HasScriptConstraint(rule))
        {
            return []; // matching calls the scripts, whose calls are part of the output
        }

        var names = Needed(rule, formula);
        return [.. names];
    }

    /// <summary>Whether an environment's value of a needed position lies outside the function (so the rule cannot match there).</summary>
    public static bool RulesOut(string[] required, Env env, SyntaxNode function)
    {
        if (required.Length == 0)
        {
            return false;
        }

        var text = function.Tree.Text;
        int first = text.GetLinePosition(function.Span.Start).Line;
        int last = text.GetLinePosition(function.Span.End).Line;
        foreach (string name in required)
        {
            if (env.TryGet(name, out var value) && value is PositionValue p && p.File == text.Path && (p.Start.Line < first || p.Start.Line > last))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The inherited positions bound somewhere in the function whenever the formula holds somewhere.</summary>
    private static HashSet<string> Needed(CodeRule rule, Formula<CtlPredicate> formula)
    {
        switch (formula)
        {
            case Formula<CtlPredicate>.Pred { Predicate.Element: { Kind: RuleElementKind.Atom or RuleElementKind.Expression } element }
                when element.Pattern.Tree == rule.Body.Minus:
                return InElement(rule, element.Pattern);
            case Formula<CtlPredicate>.Pred { Predicate.Element: { } header } when header.Pattern.Tree == rule.Body.Minus:
                return OnHeaderKeyword(rule, header);
            case Formula<CtlPredicate>.And a:
                return Union(Needed(rule, a.Left), Needed(rule, a.Right));
            case Formula<CtlPredicate>.AndAny a:
                return Needed(rule, a.Left);
            case Formula<CtlPredicate>.HackForStmt h:
                return Needed(rule, h.Left);
            case Formula<CtlPredicate>.Or o:
                return Common(Needed(rule, o.Left), Needed(rule, o.Right));
            case Formula<CtlPredicate>.SeqOr o:
                return Common(Needed(rule, o.Left), Needed(rule, o.Right));
            case Formula<CtlPredicate>.Exists e:
                return Needed(rule, e.Operand);
            // Every state has a successor and a predecessor in the prepared graph.
            case Formula<CtlPredicate>.AX x:
                return Needed(rule, x.Operand);
            case Formula<CtlPredicate>.EX x:
                return Needed(rule, x.Operand);
            case Formula<CtlPredicate>.EF f:
                return Needed(rule, f.Operand);
            case Formula<CtlPredicate>.EU u:
                return Needed(rule, u.Right);
            case Formula<CtlPredicate>.AG g:
                return Needed(rule, g.Operand);
            case Formula<CtlPredicate>.EG g:
                return Needed(rule, g.Operand);
            case Formula<CtlPredicate>.Let l:
                return Needed(rule, l.Body);
            case Formula<CtlPredicate>.LetR l:
                return Needed(rule, l.Body);
            case Formula<CtlPredicate>.Uncheck u:
                return Needed(rule, u.Operand);
            case Formula<CtlPredicate>.InnerAnd i:
                return Needed(rule, i.Operand);
            default:
                // Other predicates, Not, Implies, AU, AW and AF (paths that loop forever are excused), Ref, True, False.
                return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private static HashSet<string> Union(HashSet<string> left, HashSet<string> right)
    {
        left.UnionWith(right);
        return left;
    }

    private static HashSet<string> Common(HashSet<string> left, HashSet<string> right)
    {
        left.IntersectWith(right);
        return left;
    }

    /// <summary>
    /// The inherited positions on the first token of a header ("if@p (...)", "while@p", "for@p",
    /// "switch@p", an iterator's name): a header's match always matches that token, with its positions,
    /// whatever its condition does.
    /// </summary>
    private static HashSet<string> OnHeaderKeyword(CodeRule rule, RuleElement element)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        SyntaxKind? expected = element.Kind switch
        {
            RuleElementKind.IfHeader => SyntaxKind.IfStatement,
            RuleElementKind.WhileHeader => SyntaxKind.WhileStatement,
            RuleElementKind.ForHeader => SyntaxKind.ForStatement,
            RuleElementKind.SwitchHeader => SyntaxKind.SwitchStatement,
            RuleElementKind.IteratorHeader => SyntaxKind.IteratorStatement,
            _ => null,
        };
        if (expected is { } kind && element.Pattern.Kind == kind && element.Pattern.GetTokenSlot(0) is { } first)
        {
            AddPositionsAt(rule, first.Index, names);
        }

        return names;
    }

    /// <summary>The inherited positions that a match of the pattern always binds.</summary>
    private static HashSet<string> InElement(CodeRule rule, SyntaxNode pattern)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (pattern.Kind)
        {
            case SyntaxKind.Disjunction:
                HashSet<string>? common = null;
                foreach (var branch in Matcher.Branches(pattern))
                {
                    var mine = InElement(rule, branch);
                    if (common is null)
                    {
                        common = mine;
                    }
                    else
                    {
                        common.IntersectWith(mine);
                    }
                }

                return common ?? names;
            case SyntaxKind.Nest or SyntaxKind.OptionalStatement or SyntaxKind.Dots:
                return names;
        }

        for (int i = 0; i < pattern.ChildCount; i++)
        {
            if (pattern.GetNodeSlot(i) is { } child)
            {
                names.UnionWith(InElement(rule, child));
            }
            else if (pattern.GetTokenSlot(i) is { Kind: SyntaxKind.IdentifierToken } token)
            {
                AddPositionsAt(rule, token.Index, names);
            }
        }

        return names;
    }

    /// <summary>
    /// The inherited positions written on one identifier of the pattern. As the matcher does, a list
    /// that also names a metavariable of another kind is not enforced, so it does not count.
    /// </summary>
    private static void AddPositionsAt(CodeRule rule, int token, HashSet<string> names)
    {
        if (!rule.Body.Positions.TryGetValue(token, out var listed))
        {
            return;
        }

        var found = new List<string>();
        foreach (string name in listed)
        {
            var meta = rule.Metavariables.FirstOrDefault(m => m.Name == name);
            if (meta is not { Kind: MetavariableKind.Position })
            {
                return;
            }

            if (meta.IsInherited)
            {
                found.Add(name);
            }
        }

        names.UnionWith(found);
    }
}
