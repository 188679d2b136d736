namespace Sevenspot.C.Flow;

/// <summary>
/// The graph as dataflow analyses read it (<see cref="IFlowGraph"/>). Nodes keep their numbers.
/// "[top]" is the entry; "[exit]" is the one exit, and "[errorexit]" is folded into it. Only
/// executable edges are kept (no edges through "[after]" nodes). A return goes straight to the
/// exit: the copies of closing braces it passes on the way have no effect. Nodes the entry does not
/// reach (dead code, those copies) keep no edges. Edges out of if, loop and do-while tests are
/// marked True and False; a switch's edge to what follows it when no case matches (a switch
/// without default) is NoCase; all others are Normal. Nodes that only shape the graph (braces, [then],
/// [endif], #if nodes, ...) are Other and have no syntax; labels, case labels and jumps are Other
/// with their statement as syntax.
/// </summary>
public sealed partial class ControlFlowView : IFlowGraph
{
    private Dataflow? _dataflow;

    public int NodeCount => Graph.Nodes.Count;

    public int Entry => Graph.Top.Index;

    public int Exit => Graph.Exit.Index;

    public SyntaxNode Function => Graph.Function;

    public FlowNodeKind GetKind(int node) => DataflowEdges.Kinds[node];

    public SyntaxNode? GetSyntax(int node) => DataflowEdges.Syntax[node];

    public ReadOnlySpan<FlowEdge> GetSuccessors(int node)
    {
        var d = DataflowEdges;
        return d.Successors.AsSpan(d.SuccessorStart[node], d.SuccessorStart[node + 1] - d.SuccessorStart[node]);
    }

    public ReadOnlySpan<FlowEdge> GetPredecessors(int node)
    {
        var d = DataflowEdges;
        return d.Predecessors.AsSpan(d.PredecessorStart[node], d.PredecessorStart[node + 1] - d.PredecessorStart[node]);
    }

    private Dataflow DataflowEdges => _dataflow ??= new Dataflow(Graph);

    private readonly record struct Edge(int From, int To, FlowEdgeKind Kind);

    private sealed class Dataflow
    {
        public Dataflow(ControlFlowGraph graph)
        {
            int entry = graph.Top.Index;
            int exit = graph.Exit.Index;
            int errorExit = graph.ErrorExit.Index;
            int n = graph.Nodes.Count;
            Kinds = new FlowNodeKind[n];
            Syntax = new SyntaxNode?[n];
            for (int i = 0; i < n; i++)
            {
                (Kinds[i], Syntax[i]) = Map(graph.Nodes[i]);
            }

            Kinds[entry] = FlowNodeKind.Entry;
            Syntax[entry] = null;
            Kinds[exit] = FlowNodeKind.Exit;
            Syntax[exit] = null;

            // Each edge once, in the order met: the graph's edges, then every return to the exit.
            var seen = new HashSet<Edge>();
            var edges = new List<Edge>(graph.Edges.Length);
            foreach (var edge in graph.Edges)
            {
                if (!edge.IsExecutable || Kinds[edge.From] == FlowNodeKind.Return || edge.From == errorExit)
                {
                    continue;
                }

                var folded = new Edge(edge.From, edge.To == errorExit ? exit : edge.To, EdgeKind(graph.Nodes[edge.From].Kind, Kinds[edge.From], edge.Kind));
                if (seen.Add(folded))
                {
                    edges.Add(folded);
                }
            }

            for (int i = 0; i < n; i++)
            {
                if (Kinds[i] == FlowNodeKind.Return && seen.Add(new Edge(i, exit, FlowEdgeKind.Normal)))
                {
                    edges.Add(new Edge(i, exit, FlowEdgeKind.Normal));
                }
            }

            var live = Reachable(n, entry, edges);
            (Successors, SuccessorStart) = Buckets(n, live, byTarget: false);
            (Predecessors, PredecessorStart) = Buckets(n, live, byTarget: true);
        }

        public FlowNodeKind[] Kinds { get; }

        public SyntaxNode?[] Syntax { get; }

        public FlowEdge[] Successors { get; }

        public int[] SuccessorStart { get; }

        public FlowEdge[] Predecessors { get; }

        public int[] PredecessorStart { get; }

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

        private static FlowEdgeKind EdgeKind(ControlFlowNodeKind node, FlowNodeKind from, ControlFlowEdgeKind kind)
        {
            // The switch's edge to its fall-through node (no default) is the only False edge out of a switch header.
            if (node == ControlFlowNodeKind.SwitchHeader)
            {
                return (kind & ControlFlowEdgeKind.False) != 0 ? FlowEdgeKind.NoCase : FlowEdgeKind.Normal;
            }

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
        private static List<Edge> Reachable(int n, int entry, List<Edge> edges)
        {
            var successors = new List<int>?[n];
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
                if (successors[work.Pop()] is not { } next)
                {
                    continue;
                }

                foreach (int to in next)
                {
                    if (!reached[to])
                    {
                        reached[to] = true;
                        work.Push(to);
                    }
                }
            }

            var live = new List<Edge>(edges.Count);
            foreach (var edge in edges)
            {
                if (reached[edge.From])
                {
                    live.Add(edge);
                }
            }

            return live;
        }

        /// <summary>
        /// The edges of each node, by source (or by target), ordered by the other end; edges with the
        /// same two ends keep the order they were met in.
        /// </summary>
        private static (FlowEdge[] Edges, int[] Start) Buckets(int n, List<Edge> edges, bool byTarget)
        {
            var order = new int[edges.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var x = edges[a];
                var y = edges[b];
                int c = byTarget ? x.To.CompareTo(y.To) : x.From.CompareTo(y.From);
                if (c == 0)
                {
                    c = byTarget ? x.From.CompareTo(y.From) : x.To.CompareTo(y.To);
                }

                return c != 0 ? c : a.CompareTo(b);
            });

            var result = new FlowEdge[order.Length];
            var start = new int[n + 1];
            for (int i = 0; i < order.Length; i++)
            {
                var edge = edges[order[i]];
                start[(byTarget ? edge.To : edge.From) + 1]++;
                result[i] = new FlowEdge(byTarget ? edge.From : edge.To, edge.Kind);
            }

            for (int i = 0; i < n; i++)
            {
                start[i + 1] += start[i];
            }

            return (result, start);
        }
    }
}
