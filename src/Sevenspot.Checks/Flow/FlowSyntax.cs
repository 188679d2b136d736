using Sevenspot.C;

namespace Sevenspot.Checks.Flow;

/// <summary>What a flow-graph node evaluates, as syntax: the parts of its statement that run at that node.</summary>
public static class FlowSyntax
{
    /// <summary>
    /// The expressions a node evaluates: for an if, while, do or switch the test only; for a for
    /// loop its three clauses; for an iterator macro its arguments; for a return its value; for
    /// labels and blocks nothing (their statements are nodes of their own); otherwise the node's
    /// syntax itself.
    /// </summary>
    public static IEnumerable<SyntaxNode> EvaluatedParts(IFlowGraph graph, int node)
    {
        if (graph.GetSyntax(node) is not { } syntax)
        {
            yield break;
        }

        switch (syntax.Kind)
        {
            case SyntaxKind.IfStatement:
                yield return syntax.AsIfStatement().Condition;
                break;
            case SyntaxKind.WhileStatement:
                yield return syntax.AsWhileStatement().Condition;
                break;
            case SyntaxKind.DoStatement:
                yield return syntax.AsDoStatement().Condition;
                break;
            case SyntaxKind.SwitchStatement:
                yield return syntax.AsSwitchStatement().Expression;
                break;
            case SyntaxKind.ForStatement:
                var loop = syntax.AsForStatement();
                if (loop.Initializer is { } init)
                {
                    yield return init;
                }

                if (loop.Condition is { } condition)
                {
                    yield return condition;
                }

                if (loop.Increment is { } increment)
                {
                    yield return increment;
                }

                break;
            case SyntaxKind.IteratorStatement:
                yield return syntax.AsIteratorStatement().ArgumentList;
                break;
            case SyntaxKind.ReturnStatement:
                if (syntax.AsReturnStatement().Expression is { } value)
                {
                    yield return value;
                }

                break;
            case SyntaxKind.CompoundStatement or SyntaxKind.LabeledStatement or SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement
                or SyntaxKind.GotoStatement or SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement:
                break;
            default:
                yield return syntax;
                break;
        }
    }

    /// <summary>The calls a node makes, in evaluation order: arguments before the call that takes them, left to right.</summary>
    public static List<SyntaxNode> Calls(IFlowGraph graph, int node)
    {
        var calls = new List<SyntaxNode>();
        foreach (var part in EvaluatedParts(graph, node))
        {
            CollectPostOrder(part, calls);
        }

        return calls;
    }

    /// <summary>Every node of the parts a flow node evaluates, in pre-order.</summary>
    public static IEnumerable<SyntaxNode> EvaluatedNodes(IFlowGraph graph, int node)
    {
        foreach (var part in EvaluatedParts(graph, node))
        {
            foreach (var n in part.DescendantNodesAndSelf())
            {
                yield return n;
            }
        }
    }

    private static void CollectPostOrder(SyntaxNode root, List<SyntaxNode> calls)
    {
        var stack = new Stack<(SyntaxNode Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                if (node.Kind == SyntaxKind.CallExpression)
                {
                    calls.Add(node);
                }

                continue;
            }

            stack.Push((node, true));
            var children = node.ChildNodes().ToList();
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }
    }
}
