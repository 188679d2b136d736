using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks.Tests.Flow;

public sealed class ForwardDataflowTests
{
    /// <summary>Counts, per node, the longest path from the entry in nodes (capped), to see joins and loops settle.</summary>
    private readonly struct Distance : IForwardAnalysis<int>
    {
        public int Initial(IFlowGraph graph) => 0;

        public int Transfer(IFlowGraph graph, int node, int input) => Math.Min(input + 1, 100);

        public int TransferEdge(IFlowGraph graph, int from, FlowEdge edge, int output) => output;

        public int Join(int left, int right) => Math.Max(left, right);

        public bool Same(int left, int right) => left == right;
    }

    [Fact]
    public void ReachesEveryStatementOfStraightAndBranchingCode()
    {
        var file = FlowTestHelper.Parse("int f(int x) { a(); if (x) b(); else c(); return d(); }");
        var graph = file.GetFlowGraph(file.Functions[0])!;
        var result = ForwardDataflow.Solve<int, Distance>(graph, default);
        Assert.True(result.Converged);
        Assert.True(result.IsReached(graph.Exit));
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (graph.GetKind(node) is FlowNodeKind.Statement or FlowNodeKind.Branch or FlowNodeKind.Return)
            {
                Assert.True(result.IsReached(node), $"node {node} ({graph.GetSyntax(node)}) not reached");
            }
        }
    }

    [Fact]
    public void UnreachableCodeStaysUnreached()
    {
        var file = FlowTestHelper.Parse("int f(void) { return 0; dead(); }");
        var graph = file.GetFlowGraph(file.Functions[0])!;
        var result = ForwardDataflow.Solve<int, Distance>(graph, default);
        int dead = Enumerable.Range(0, graph.NodeCount).Single(n => graph.GetSyntax(n) is { } s && s.ToString() == "dead();");
        Assert.False(result.IsReached(dead));
    }

    [Fact]
    public void AnAnalysisThatNeverSettlesIsReportedAsNotConverged()
    {
        var file = FlowTestHelper.Parse("void f(void) { for (;;) spin(); }");
        var graph = file.GetFlowGraph(file.Functions[0])!;
        var result = ForwardDataflow.Solve<int, Growing>(graph, default);
        Assert.False(result.Converged);
    }

    private readonly struct Growing : IForwardAnalysis<int>
    {
        public int Initial(IFlowGraph graph) => 0;

        public int Transfer(IFlowGraph graph, int node, int input) => input + 1;

        public int TransferEdge(IFlowGraph graph, int from, FlowEdge edge, int output) => output;

        public int Join(int left, int right) => Math.Max(left, right);

        public bool Same(int left, int right) => left == right;
    }
}
