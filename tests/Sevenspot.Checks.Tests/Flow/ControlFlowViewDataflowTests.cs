using Sevenspot.C;
using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks.Tests.Flow;

/// <summary>A function's control-flow graph as the checks' dataflow analyses read it: its <see cref="ControlFlowView"/> as an <see cref="IFlowGraph"/>.</summary>
public sealed class ControlFlowViewDataflowTests
{
    private static IFlowGraph Graph(string code)
    {
        var file = FlowTestHelper.Parse(code);
        var graph = file.GetFlowGraph(file.Functions[0]);
        Assert.IsType<ControlFlowView>(graph);
        return graph!;
    }

    private static int NodeOf(IFlowGraph graph, string text) =>
        Enumerable.Range(0, graph.NodeCount).Single(n => graph.GetSyntax(n) is { } s && SyntaxHelpers.Text(s) == text);

    private static List<string> CallsInOrderOfNodes(IFlowGraph graph) =>
        [.. Enumerable.Range(0, graph.NodeCount).SelectMany(n => FlowSyntax.Calls(graph, n)).Select(c => SyntaxHelpers.CalleeName(c) ?? "?").Order(StringComparer.Ordinal)];

    [Fact]
    public void EntryAndExitAreTheOnlyOnes()
    {
        var graph = Graph("int f(int x) { if (x) return 1; a(); return 0; }");
        Assert.Equal(FlowNodeKind.Entry, graph.GetKind(graph.Entry));
        Assert.Equal(FlowNodeKind.Exit, graph.GetKind(graph.Exit));
        Assert.Empty(graph.GetPredecessors(graph.Entry).ToArray());
        Assert.Empty(graph.GetSuccessors(graph.Exit).ToArray());
        Assert.Single(Enumerable.Range(0, graph.NodeCount), n => graph.GetKind(n) == FlowNodeKind.Entry);
        Assert.Single(Enumerable.Range(0, graph.NodeCount), n => graph.GetKind(n) == FlowNodeKind.Exit);
    }

    [Fact]
    public void EveryReturnGoesStraightToTheExitEvenFromAThenBranch()
    {
        // spatch sends the return of an if without else to [errorexit]: here it is the one exit.
        var graph = Graph("int f(int x) { if (x) { return 1; } a(); return 0; }");
        var returns = Enumerable.Range(0, graph.NodeCount).Where(n => graph.GetKind(n) == FlowNodeKind.Return).ToList();
        Assert.Equal(2, returns.Count);
        Assert.All(returns, r => Assert.Equal([new FlowEdge(graph.Exit, FlowEdgeKind.Normal)], graph.GetSuccessors(r).ToArray()));
        Assert.Equal(returns.Order(), graph.GetPredecessors(graph.Exit).ToArray().Select(e => e.Node).Order());
    }

    [Fact]
    public void FallingOffTheEndReachesTheExitFromANonReturnNode()
    {
        var graph = Graph("void f(int x) { if (x) return; a(); }");
        Assert.Contains(graph.GetPredecessors(graph.Exit).ToArray(), e => graph.GetKind(e.Node) != FlowNodeKind.Return);
    }

    [Fact]
    public void TestsBranchTrueAndFalse()
    {
        var graph = Graph("void f(int x) { if (x) a(); else b(); while (x) c(); do d(); while (x); for (; x; ) e(); }");
        var branches = Enumerable.Range(0, graph.NodeCount).Where(n => graph.GetKind(n) == FlowNodeKind.Branch).ToList();
        Assert.Equal(4, branches.Count);
        Assert.All(branches, b => Assert.Equal([FlowEdgeKind.True, FlowEdgeKind.False], graph.GetSuccessors(b).ToArray().Select(e => e.Kind).Order()));
        Assert.All(branches, b => Assert.Equal("x", SyntaxHelpers.Text(LockAnalysis.BranchCondition(graph, b) ?? throw new InvalidOperationException("no condition"))));
    }

    [Fact]
    public void ASwitchWithoutDefaultHasOneNoCaseEdgeToWhatFollowsIt()
    {
        var graph = Graph("void f(int x) { switch (x) { case 1: a(); break; case 2: b(); break; } c(); }");
        int header = Enumerable.Range(0, graph.NodeCount).Single(n => graph.GetSyntax(n) is { Kind: SyntaxKind.SwitchStatement });
        var edges = graph.GetSuccessors(header).ToArray();
        var noCase = Assert.Single(edges, e => e.Kind == FlowEdgeKind.NoCase);
        Assert.All(edges, e => Assert.True(e == noCase || e.Kind == FlowEdgeKind.Normal));

        // Along the no-case edge no case runs: the first call met is c().
        int node = noCase.Node;
        while (!FlowSyntax.Calls(graph, node).Any())
        {
            node = Assert.Single(graph.GetSuccessors(node).ToArray()).Node;
        }

        Assert.Equal("c", SyntaxHelpers.CalleeName(FlowSyntax.Calls(graph, node).Single()));

        var withDefault = Graph("void f(int x) { switch (x) { case 1: a(); break; default: b(); } c(); }");
        Assert.DoesNotContain(
            Enumerable.Range(0, withDefault.NodeCount).SelectMany(n => withDefault.GetSuccessors(n).ToArray()),
            e => e.Kind == FlowEdgeKind.NoCase);
    }

    [Fact]
    public void AnIteratorHeadHoldsTheMacroCallAndItsEdgesAreNormal()
    {
        var graph = Graph("void f(struct list_head *h) { struct item *it; list_for_each_entry(it, h, node) use(it); }");
        int head = Enumerable.Range(0, graph.NodeCount).Single(n => graph.GetKind(n) == FlowNodeKind.IteratorHead);
        Assert.Equal(SyntaxKind.IteratorStatement, graph.GetSyntax(head)!.Value.Kind);
        Assert.All(graph.GetSuccessors(head).ToArray(), e => Assert.Equal(FlowEdgeKind.Normal, e.Kind));
        Assert.Equal(2, graph.GetSuccessors(head).Length);
    }

    [Fact]
    public void EachCallBelongsToExactlyOneNode()
    {
        var graph = Graph(
            """
            int f(int x)
            {
                a();
                if (b(x)) {
                    c();
                } else {
                    switch (d()) {
                    case 1: e(); break;
                    default: g(); goto out;
                    }
                }
                while (h()) i();
                do j(); while (k());
                for (l(); m(); n()) o();
            out:
                return p();
            }
            """);
        Assert.Equal(["a", "b", "c", "d", "e", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"], CallsInOrderOfNodes(graph));
    }

    [Fact]
    public void StructuralNodesHaveNoSyntaxAndAfterEdgesAreDropped()
    {
        var graph = Graph("void f(int x) { if (x) { a(); return; } else { b(); return; } }");
        for (int n = 0; n < graph.NodeCount; n++)
        {
            if (graph.GetKind(n) == FlowNodeKind.Other && graph.GetSyntax(n) is { } s)
            {
                Assert.Contains(s.Kind, new[] { SyntaxKind.LabeledStatement, SyntaxKind.CaseStatement, SyntaxKind.DefaultStatement, SyntaxKind.GotoStatement, SyntaxKind.BreakStatement, SyntaxKind.ContinueStatement });
            }
        }

        // Both branches return: nothing executable follows the if, so the exit is reached from the returns only.
        Assert.All(graph.GetPredecessors(graph.Exit).ToArray(), e => Assert.Equal(FlowNodeKind.Return, graph.GetKind(e.Node)));
        Assert.Equal(NodeOf(graph, "a();"), graph.GetPredecessors(NodeOf(graph, "return;", 0)).ToArray().Single().Node);
    }

    private static int NodeOf(IFlowGraph graph, string text, int rank) =>
        Enumerable.Range(0, graph.NodeCount).Where(n => graph.GetSyntax(n) is { } s && SyntaxHelpers.Text(s) == text).ElementAt(rank);
}
