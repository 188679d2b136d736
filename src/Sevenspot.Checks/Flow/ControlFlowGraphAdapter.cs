using Sevenspot.C;
using Sevenspot.C.Flow;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// The C front end's <see cref="ControlFlowGraph"/> seen as an <see cref="IFlowGraph"/>. Nodes
/// keep their numbers. "[top]" is the entry; "[exit]" is the one exit, and "[errorexit]" is
/// folded into it. Only executable edges are kept (no edges through "[after]" nodes). A return
/// goes straight to the exit: the copies of closing braces it passes on the way have no effect.
/// Nodes the entry does not reach (dead code, those copies) keep no edges.
/// Edges out of if, loop and do-while tests are marked True and False; all others are Normal.
/// Nodes that only shape the graph (braces, [then], [endif], #if nodes, ...) are Other and have
/// no syntax; labels, case labels and jumps are Other with their statement as syntax.
/// </summary>
public sealed class ControlFlowGraphAdapter : IFlowGraph
{
    private readonly FlowNodeKind[] _kinds;
    private readonly SyntaxNode?[] _syntax;
    private readonly FlowEdge[] _successors;
    private readonly int[] _successorStart;
    private readonly FlowEdge[] _predecessors;
    private readonly int[] _predecessorStart;

    public ControlFlowGraphAdapter(ControlFlowGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Function = graph.Function;
        Entry = graph.Top.Index;
        Exit = graph.Exit.Index;
        int errorExit = graph.ErrorExit.Index;
        int n = graph.Nodes.Count;
        _kinds = new FlowNodeKind[n];
        _syntax = new SyntaxNode?[n];
        for (int i = 0; i < n; i++)
        {
            var node = graph.Nodes[i];
            (_kinds[i], _syntax[i]) = Map(node);
        }

        _kinds[Entry] = FlowNodeKind.Entry;
        _syntax[Entry] = null;
        _kinds[Exit] = FlowNodeKind.Exit;
        _syntax[Exit] = null;

        var edges = new List<(int From, int To, FlowEdgeKind Kind)>(graph.Edges.Length);
        foreach (var edge in graph.Edges)
        {
            if (!edge.IsExecutable || _kinds[edge.From] == FlowNodeKind.Return || edge.From == errorExit)
            {
                continue;
            }

            int to = edge.To == errorExit ? Exit : edge.To;
            edges.Add((edge.From, to, EdgeKind(_kinds[edge.From], edge.Kind)));
        }

        for (int i = 0; i < n; i++)
        {
            if (_kinds[i] == FlowNodeKind.Return)
            {
                edges.Add((i, Exit, FlowEdgeKind.Normal));
            }
        }

        var distinct = Reachable(n, Entry, edges.Distinct().ToList());
        (_successors, _successorStart) = Buckets(n, distinct.OrderBy(e => e.From).ThenBy(e => e.To), e => e.From, e => new FlowEdge(e.To, e.Kind));
        (_predecessors, _predecessorStart) = Buckets(n, distinct.OrderBy(e => e.To).ThenBy(e => e.From), e => e.To, e => new FlowEdge(e.From, e.Kind));
    }

    public int NodeCount => _kinds.Length;

    public int Entry { get; }

    public int Exit { get; }

    public SyntaxNode Function { get; }

    public FlowNodeKind GetKind(int node) => _kinds[node];

    public SyntaxNode? GetSyntax(int node) => _syntax[node];

    public ReadOnlySpan<FlowEdge> GetSuccessors(int node) => _successors.AsSpan(_successorStart[node], _successorStart[node + 1] - _successorStart[node]);

    public ReadOnlySpan<FlowEdge> GetPredecessors(int node) => _predecessors.AsSpan(_predecessorStart[node], _predecessorStart[node + 1] - _predecessorStart[node]);

    private static (FlowNodeKind Kind, SyntaxNode? Syntax) Map(ControlFlowNode node) => node.Kind switch
    {
        ControlFlowNodeKind.Statement when node.IsImplicit => (FlowNodeKind.Other, null),
        ControlFlowNodeKind.Statement => (FlowNodeKind.Statement, node.Syntax),
        ControlFlowNodeKind.IfHeader or ControlFlowNodeKind.WhileHeader or ControlFlowNodeKind.ForHeader or ControlFlowNodeKind.DoWhileTail
            => (FlowNodeKind.Branch, node.Syntax),

        // The switch test is evaluated once; its out-edges are dispatches, not True and False.
        ControlFlowNodeKind.SwitchHeader => (FlowNodeKind.Statement, node.Syntax),
        ControlFlowNodeKind.IteratorHeader => (FlowNodeKind.IteratorHead, node.Syntax),
        ControlFlowNodeKind.Return => (FlowNodeKind.Return, node.Syntax),
        ControlFlowNodeKind.Label or ControlFlowNodeKind.Case or ControlFlowNodeKind.Default or ControlFlowNodeKind.Goto
            or ControlFlowNodeKind.Break or ControlFlowNodeKind.Continue => (FlowNodeKind.Other, node.Syntax),
        _ => (FlowNodeKind.Other, null),
    };

    private static FlowEdgeKind EdgeKind(FlowNodeKind from, ControlFlowEdgeKind kind)
    {
        if (from != FlowNodeKind.Branch)
        {
            return FlowEdgeKind.Normal;
        }

        if ((kind & ControlFlowEdgeKind.True) != 0)
        {
            return FlowEdgeKind.True;
        }

        return (kind & ControlFlowEdgeKind.False) != 0 ? FlowEdgeKind.False : FlowEdgeKind.Normal;
    }

    /// <summary>The edges whose source the entry reaches: code after a return or a jump keeps no edges into live code.</summary>
    private static List<(int From, int To, FlowEdgeKind Kind)> Reachable(int n, int entry, List<(int From, int To, FlowEdgeKind Kind)> edges)
    {
        var successors = new List<int>[n];
        foreach (var edge in edges)
        {
            (successors[edge.From] ??= []).Add(edge.To);
        }

        var reached = new bool[n];
        var work = new Stack<int>();
        reached[entry] = true;
        work.Push(entry);
        while (work.Count > 0)
        {
            foreach (int next in successors[work.Pop()] ?? [])
            {
                if (!reached[next])
                {
                    reached[next] = true;
                    work.Push(next);
                }
            }
        }

        return edges.FindAll(e => reached[e.From]);
    }

    private static (FlowEdge[] Edges, int[] Start) Buckets<T>(int n, IEnumerable<T> ordered, Func<T, int> key, Func<T, FlowEdge> edge)
    {
        var list = new List<FlowEdge>();
        var start = new int[n + 1];
        foreach (var item in ordered)
        {
            start[key(item) + 1]++;
            list.Add(edge(item));
        }

        for (int i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        return ([.. list], start);
    }
}

/// <summary>Builds each function's graph with <see cref="ControlFlowGraph.Build"/> and adapts it.</summary>
public sealed class ControlFlowGraphProvider : IFlowGraphProvider
{
    public static readonly ControlFlowGraphProvider Instance = new();

    public IFlowGraph? Build(SyntaxNode functionDefinition) =>
        functionDefinition.Kind == SyntaxKind.FunctionDefinition ? new ControlFlowGraphAdapter(ControlFlowGraph.Build(functionDefinition)) : null;
}
