using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Finds where a rule matches in a file. A pattern of one term (an expression, a type, a
/// declaration, a statement, a function) is tried against every node of the same sort.
/// </summary>
internal static class RuleMatcher
{
    public static List<MatchState> FindMatches(CodeRule rule, SyntaxTree tree, Env env, RunOptions options, IsoIndex? isos = null)
    {
        var results = new List<MatchState>();
        var pattern = rule.Body.Minus;
        var items = pattern.Root.AsPatternBody().ItemList;
        var elements = items.ChildNodes().ToList();
        if (elements.Count == 0)
        {
            return results;
        }

        var context = new MatchContext(rule, pattern, tree, options.TypeOracleFactory?.Invoke(tree));
        var matcher = new Matcher(context, isos);
        var start = new MatchState(env, null);
        if (elements.Count == 1)
        {
            MatchSingle(matcher, elements[0], tree, start, results, options);
        }

        return results;
    }

    private static void MatchSingle(Matcher matcher, SyntaxNode item, SyntaxTree tree, MatchState start, List<MatchState> results, RunOptions options)
    {
        var kind = item.Kind;
        var pe = new SyntaxElement(item.Tree, Matcher.ChildRefOf(item));
        Func<SyntaxNode, bool> candidate = kind switch
        {
            SyntaxKind.BareExpression => n => SyntaxFacts.IsExpressionKind(n.Kind) || n.Kind == SyntaxKind.InitializerList,
            SyntaxKind.TypeName => n => n.Kind == SyntaxKind.TypeName,
            SyntaxKind.Declaration => n => n.Kind == SyntaxKind.Declaration,
            SyntaxKind.FunctionDefinition => n => n.Kind == SyntaxKind.FunctionDefinition,
            SyntaxKind.MetavariableStatement => n => SyntaxFacts.IsStatementKind(n.Kind) || n.Kind == SyntaxKind.Declaration,
            SyntaxKind.Disjunction or SyntaxKind.Conjunction => n => SyntaxFacts.IsStatementKind(n.Kind) || n.Kind is SyntaxKind.Declaration or SyntaxKind.FunctionDefinition
                || SyntaxFacts.IsExpressionKind(n.Kind),
            _ when SyntaxFacts.IsStatementKind(kind) => n => n.Kind == kind,
            _ => n => n.Kind == kind,
        };

        int visited = 0;
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if ((++visited & 1023) == 0)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
            }

            if (!candidate(node))
            {
                continue;
            }

            foreach (var m in matcher.Match(pe, new SyntaxElement(tree, Matcher.ChildRefOf(node)), start))
            {
                results.Add(m);
            }
        }
    }
}
