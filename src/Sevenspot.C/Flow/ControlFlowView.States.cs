using System.Buffers;

namespace Sevenspot.C.Flow;

/// <summary>
/// The graph as the model checker reads it, folded as spatch prepares it: [enter] and case-dispatch
/// nodes are removed (their edges joined), [top], [exit] and [errorexit] loop on themselves, and dead
/// code gets a looping predecessor, so every state has a successor.
/// </summary>
public sealed partial class ControlFlowView
{
    private States? _states;

    /// <summary>The node of each state; null for the looping predecessors of dead code.</summary>
    public ControlFlowNode?[] StateNodes => ModelStates.Nodes;

    public StateEdges StateSuccessors => ModelStates.Successors;

    public StateEdges StatePredecessors => ModelStates.Predecessors;

    /// <summary>Whether some path can come back to a node: a back edge or a goto.</summary>
    public bool HasLoops => ModelStates.HasLoops;

    private States ModelStates => _states ??= new States(Graph);

    private sealed class States
    {
        // PERF: the edge lists are reused by the thread from graph to graph, and the other arrays the
        // construction works with are rented; lists grown larger than this many items are not kept.
        private const int MaxKeptEdges = 1 << 16;

        [ThreadStatic]
        private static List<int>? s_scratchFrom;

        [ThreadStatic]
        private static List<int>? s_scratchTo;

        // What the construction works with; let go of once the states are built (the view is kept for the
        // whole file session).
        private ControlFlowGraph _graph;
        private int[] _stateOfNode;

        // The edges in the order they are added (a state's successors and predecessors keep that order).
        private List<int> _from;
        private List<int> _to;

        // PERF: the nodes seen by the current walk through removed nodes, marked with the walk's number,
        // so that no set is made per node.
        private int[] _seen;
        private int _walk;

        public States(ControlFlowGraph graph)
        {
            _graph = graph;
            var graphNodes = graph.Nodes;
            _stateOfNode = ArrayPool<int>.Shared.Rent(graphNodes.Count);
            _seen = ArrayPool<int>.Shared.Rent(graphNodes.Count);
            _seen.AsSpan(0, graphNodes.Count).Clear();
            int count = 0;
            foreach (var node in graphNodes)
            {
                _stateOfNode[node.Index] = node.Kind is ControlFlowNodeKind.Entry or ControlFlowNodeKind.CaseNode ? -1 : count++;
            }

            _from = s_scratchFrom ?? new List<int>(count * 2);
            _to = s_scratchTo ?? new List<int>(count * 2);
            s_scratchFrom = s_scratchTo = null; // owned by this construction until its end
            var outCount = ArrayPool<int>.Shared.Rent(count);
            var inCount = ArrayPool<int>.Shared.Rent(count);
            outCount.AsSpan(0, count).Clear();
            inCount.AsSpan(0, count).Clear();

            // Edges, skipping through removed nodes.
            foreach (var node in graphNodes)
            {
                int from = _stateOfNode[node.Index];
                if (from < 0)
                {
                    continue;
                }

                _walk++;
                AddRealSuccessors(node.Index, from, _from.Count, outCount, inCount);
            }

            AddSelfLoop(_stateOfNode[graph.Top.Index], outCount, inCount);
            AddSelfLoop(_stateOfNode[graph.Exit.Index], outCount, inCount);
            AddSelfLoop(_stateOfNode[graph.ErrorExit.Index], outCount, inCount);

            // Dead code: a looping predecessor for every node without one.
            int total = count;
            for (int state = 0; state < count; state++)
            {
                if (inCount[state] == 0)
                {
                    int fake = total++;
                    _from.Add(fake);
                    _to.Add(state);
                    _from.Add(fake);
                    _to.Add(fake);
                }
            }

            for (int state = 0; state < count; state++)
            {
                if (outCount[state] == 0)
                {
                    _from.Add(state);
                    _to.Add(state);
                }
            }

            var nodes = new ControlFlowNode?[total];
            foreach (var node in graphNodes)
            {
                if (_stateOfNode[node.Index] is var state and >= 0)
                {
                    nodes[state] = node;
                }
            }

            Nodes = nodes;
            Successors = Group(_from, _to, total);
            Predecessors = Group(_to, _from, total);

            foreach (var node in graphNodes)
            {
                if (node.BackEdgeCount > 0 || node.Kind == ControlFlowNodeKind.Goto)
                {
                    HasLoops = true;
                    break;
                }
            }

            ArrayPool<int>.Shared.Return(outCount);
            ArrayPool<int>.Shared.Return(inCount);
            ArrayPool<int>.Shared.Return(_stateOfNode);
            ArrayPool<int>.Shared.Return(_seen);
            if (_from.Capacity <= MaxKeptEdges && _to.Capacity <= MaxKeptEdges)
            {
                _from.Clear();
                _to.Clear();
                s_scratchFrom = _from;
                s_scratchTo = _to;
            }

            _graph = null!;
            _stateOfNode = _seen = [];
            _from = _to = [];
        }

        public ControlFlowNode?[] Nodes { get; }

        public StateEdges Successors { get; }

        public StateEdges Predecessors { get; }

        public bool HasLoops { get; }

        /// <summary>Adds the edges from a state to the states after a node, going through removed nodes; a state reached twice gets one edge.</summary>
        private void AddRealSuccessors(int node, int from, int firstEdge, int[] outCount, int[] inCount)
        {
            foreach (var edge in _graph.GetSuccessors(node))
            {
                int state = _stateOfNode[edge.To];
                if (state >= 0)
                {
                    if (_to.IndexOf(state, firstEdge) < 0)
                    {
                        _from.Add(from);
                        _to.Add(state);
                        outCount[from]++;
                        inCount[state]++;
                    }
                }
                else if (_seen[edge.To] != _walk)
                {
                    _seen[edge.To] = _walk;
                    AddRealSuccessors(edge.To, from, firstEdge, outCount, inCount);
                }
            }
        }

        private void AddSelfLoop(int state, int[] outCount, int[] inCount)
        {
            for (int i = 0; i < _from.Count; i++)
            {
                if (_from[i] == state && _to[i] == state)
                {
                    return;
                }
            }

            _from.Add(state);
            _to.Add(state);
            outCount[state]++;
            inCount[state]++;
        }

        /// <summary>For each state, the ends of the edges that start there (by <paramref name="keys"/>), in edge order.</summary>
        /// <remarks>PERF: two arrays for the whole graph, not one per state and direction.</remarks>
        private static StateEdges Group(List<int> keys, List<int> values, int total)
        {
            var start = new int[total + 1];
            foreach (int key in keys)
            {
                start[key + 1]++;
            }

            for (int state = 0; state < total; state++)
            {
                start[state + 1] += start[state];
            }

            var ends = new int[keys.Count];
            var next = ArrayPool<int>.Shared.Rent(total);
            next.AsSpan(0, total).Clear();
            for (int i = 0; i < keys.Count; i++)
            {
                int key = keys[i];
                ends[start[key] + next[key]++] = values[i];
            }

            ArrayPool<int>.Shared.Return(next);
            return new StateEdges(start, ends);
        }
    }
}

/// <summary>The edges of each state of a <see cref="ControlFlowView"/> in one direction: the states at their other end, in edge order.</summary>
public readonly struct StateEdges
{
    private readonly int[] _start;
    private readonly int[] _ends;

    internal StateEdges(int[] start, int[] ends)
    {
        _start = start;
        _ends = ends;
    }

    /// <summary>The number of states.</summary>
    public int Count => _start.Length - 1;

    /// <summary>The states at the other end of the edges of <paramref name="state"/>.</summary>
    public ReadOnlySpan<int> this[int state] => _ends.AsSpan(_start[state], _start[state + 1] - _start[state]);
}
