using System.Globalization;
using System.Text;
using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

/// <summary>Builds graphs from C snippets and states their shape in a form a test can compare and a person can read.</summary>
internal static class FlowAssert
{
    /// <summary>The graph of the first function (or the one named) in <paramref name="code"/>; checks the invariants every graph keeps.</summary>
    public static ControlFlowGraph Build(string code, string? function = null)
    {
        var tree = Parser.Parse(code);
        foreach (var graph in ControlFlowGraph.BuildAll(tree))
        {
            if (function is null || graph.FunctionName == function)
            {
                CheckInvariants(graph);
                return graph;
            }
        }

        throw new InvalidOperationException($"No function {function} in the code.");
    }

    /// <summary>One line per node: "index:text -> index:text, ..." for its successors, in index order.</summary>
    public static string Shape(ControlFlowGraph graph)
    {
        var sb = new StringBuilder();
        foreach (var node in graph.Nodes)
        {
            sb.Append(Name(node));
            var successors = node.Successors;
            for (int i = 0; i < successors.Length; i++)
            {
                sb.Append(i == 0 ? " -> " : ", ").Append(Name(graph.Nodes[successors[i].To]));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Compares <see cref="Shape"/> with the expected lines; on failure the message holds the actual shape, ready to paste.</summary>
    public static void HasShape(ControlFlowGraph graph, string expected)
    {
        string actual = Shape(graph);
        string want = expected.ReplaceLineEndings("\n").Trim() + "\n";
        Assert.True(want == actual, "Shape differs. Actual:\n" + actual);
    }

    public static string Name(ControlFlowNode node) => node.Index.ToString(CultureInfo.InvariantCulture) + ":" + node.Description;

    /// <summary>The only node with this text.</summary>
    public static ControlFlowNode Single(ControlFlowGraph graph, string description) => Assert.Single(All(graph, description));

    public static List<ControlFlowNode> All(ControlFlowGraph graph, string description) => graph.Nodes.Where(n => n.Description == description).ToList();

    /// <summary>The texts of a node's successors, in index order.</summary>
    public static string[] Successors(ControlFlowNode node)
    {
        var result = new List<string>();
        foreach (var edge in node.Successors)
        {
            result.Add(node.Graph.Nodes[edge.To].Description);
        }

        return [.. result];
    }

    public static string[] Predecessors(ControlFlowNode node)
    {
        var result = new List<string>();
        foreach (var edge in node.Predecessors)
        {
            result.Add(node.Graph.Nodes[edge.From].Description);
        }

        return [.. result];
    }

    /// <summary>Whether a path leads from one node to the other (through executable edges only, when asked).</summary>
    public static bool Reaches(ControlFlowNode from, ControlFlowNode to, bool executableOnly = false)
    {
        var graph = from.Graph;
        var seen = new bool[graph.Nodes.Count];
        var stack = new Stack<int>();
        stack.Push(from.Index);
        while (stack.Count > 0)
        {
            int n = stack.Pop();
            if (n == to.Index)
            {
                return true;
            }

            if (seen[n])
            {
                continue;
            }

            seen[n] = true;
            foreach (var edge in graph.GetSuccessors(n))
            {
                if (!executableOnly || edge.IsExecutable)
                {
                    stack.Push(edge.To);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// What holds for every graph: indices are dense, edge lists agree both ways and are sorted
    /// without duplicates, and every node but [exit] and [errorexit] has a successor.
    /// </summary>
    public static void CheckInvariants(ControlFlowGraph graph)
    {
        var nodes = graph.Nodes;
        for (int i = 0; i < nodes.Count; i++)
        {
            Assert.Equal(i, nodes[i].Index);
            Assert.Same(graph, nodes[i].Graph);
        }

        Assert.Equal(ControlFlowNodeKind.Top, graph.Top.Kind);
        Assert.Equal(ControlFlowNodeKind.Exit, graph.Exit.Kind);
        Assert.Equal(ControlFlowNodeKind.ErrorExit, graph.ErrorExit.Kind);
        Assert.Empty(graph.Top.Predecessors.ToArray());
        int inCount = 0;
        for (int i = 0; i < nodes.Count; i++)
        {
            var successors = graph.GetSuccessors(i);
            for (int k = 0; k < successors.Length; k++)
            {
                Assert.Equal(i, successors[k].From);
                Assert.True(k == 0 || successors[k - 1].To < successors[k].To, "successors sorted and distinct");
                Assert.Contains(successors[k], graph.GetPredecessors(successors[k].To).ToArray());
            }

            inCount += graph.GetPredecessors(i).Length;
            bool mayEnd = nodes[i].Kind is ControlFlowNodeKind.Exit or ControlFlowNodeKind.ErrorExit;
            Assert.True(mayEnd || successors.Length > 0, $"{Name(nodes[i])} has no successor in {graph.FunctionName}");
        }

        Assert.Equal(graph.Edges.Length, inCount);
    }
}
