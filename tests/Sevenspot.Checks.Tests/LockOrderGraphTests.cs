using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

public sealed class LockOrderGraphTests
{
    private static readonly SourceLocation s_here = SourceLocation.From(SourceText.FromString("t.c", "x\n"), new TextSpan(0, 1));

    private static LockOrderGraph Graph(int nodes, params (int From, int To)[] edges) => new(
        [.. Enumerable.Range(0, nodes).Select(i => new LockClassNode("L" + i, "spin"))],
        [.. edges.Select(e => new LockOrderEdge(e.From, e.To, [new LockAcquisition("f", s_here, s_here, [])]))]);

    private static List<string> Cycles(LockOrderGraph graph) => [.. graph.Cycles.Select(c => string.Join(">", c.Nodes))];

    [Fact]
    public void NoCyclesInAnOrder() => Assert.Empty(Graph(3, (0, 1), (1, 2), (0, 2)).Cycles);

    [Fact]
    public void TwoLocksInBothOrders() => Assert.Equal(["0>1"], Cycles(Graph(2, (0, 1), (1, 0))));

    [Fact]
    public void EveryElementaryCycleOnceFromItsSmallestNode()
    {
        // 0 ⇄ 1, 1 → 2 → 0, and a separate 3 ⇄ 4; self-loops are not cycles.
        var graph = Graph(5, (0, 1), (1, 0), (1, 2), (2, 0), (3, 4), (4, 3), (2, 2));
        Assert.Equal(["0>1", "0>1>2", "3>4"], Cycles(graph));
        Assert.True(graph.IsOnCycle(2, 0));
        Assert.False(graph.IsOnCycle(2, 2));
    }

    [Fact]
    public void TheNumberOfCyclesIsCapped()
    {
        // A complete graph on 6 nodes has hundreds of elementary cycles.
        var edges = new List<(int, int)>();
        for (int i = 0; i < 6; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                if (i != j)
                {
                    edges.Add((i, j));
                }
            }
        }

        var graph = new LockOrderGraph(
            [.. Enumerable.Range(0, 6).Select(i => new LockClassNode("L" + i, "spin"))],
            [.. edges.Select(e => new LockOrderEdge(e.Item1, e.Item2, []))],
            maxCycles: 50);
        Assert.Equal(50, graph.Cycles.Count);
        Assert.True(graph.CyclesTruncated);
    }
}
