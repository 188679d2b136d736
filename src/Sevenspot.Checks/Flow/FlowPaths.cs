using Sevenspot.C;
using Sevenspot.C.Flow;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// Which nodes of a function's flow graph lie between two points: the syntax a node evaluates,
/// the nodes reached from a branch along its true or false edges, and the nodes from which a
/// node is reached. A check that reads a section as text (from one call to another) asks this
/// what really runs on the way: code after a <c>return</c>, before a label that only a
/// <c>goto</c> reaches, or in another <c>case</c> of a switch left by a jump lies between the two
/// calls in the text but on no path from one to the other.
/// </summary>
public sealed class FlowPaths
{
    private readonly IFlowGraph _graph;
    private readonly (int Start, int End, int Node)[] _spans;

    public FlowPaths(IFlowGraph graph)
    {
        _graph = graph;
        var spans = new List<(int, int, int)>();
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (graph.GetSyntax(node) is { } syntax)
            {
                spans.Add((syntax.Span.Start, syntax.Span.End, node));
            }
        }

        _spans = [.. spans];
    }

    /// <summary>The node that evaluates the syntax: the innermost node whose syntax holds it, or -1.</summary>
    public int NodeOf(SyntaxNode syntax)
    {
        int best = -1;
        int bestLength = int.MaxValue;
        foreach (var (start, end, node) in _spans)
        {
            if (start <= syntax.Span.Start && syntax.Span.End <= end && end - start < bestLength)
            {
                best = node;
                bestLength = end - start;
            }
        }

        return best;
    }

    /// <summary>
    /// The nodes reached from <paramref name="from"/> along its out-edges of the given kind (all
    /// of them when the node has none of that kind), the node itself not included unless a loop
    /// comes back to it.
    /// </summary>
    public bool[] ReachedFrom(int from, FlowEdgeKind kind)
    {
        var seen = new bool[_graph.NodeCount];
        var stack = new Stack<int>();
        bool anyOfKind = false;
        foreach (var edge in _graph.GetSuccessors(from))
        {
            anyOfKind |= edge.Kind == kind;
        }

        foreach (var edge in _graph.GetSuccessors(from))
        {
            if ((!anyOfKind || edge.Kind == kind) && !seen[edge.Node])
            {
                seen[edge.Node] = true;
                stack.Push(edge.Node);
            }
        }

        while (stack.Count > 0)
        {
            foreach (var edge in _graph.GetSuccessors(stack.Pop()))
            {
                if (!seen[edge.Node])
                {
                    seen[edge.Node] = true;
                    stack.Push(edge.Node);
                }
            }
        }

        return seen;
    }

    /// <summary>The nodes from which <paramref name="to"/> is reached, the node itself included.</summary>
    public bool[] Reaching(int to)
    {
        var seen = new bool[_graph.NodeCount];
        var stack = new Stack<int>();
        seen[to] = true;
        stack.Push(to);
        while (stack.Count > 0)
        {
            foreach (var edge in _graph.GetPredecessors(stack.Pop()))
            {
                if (!seen[edge.Node])
                {
                    seen[edge.Node] = true;
                    stack.Push(edge.Node);
                }
            }
        }

        return seen;
    }
}
