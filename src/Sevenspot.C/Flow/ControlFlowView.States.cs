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

    public int[][] StateSuccessors => ModelStates.Successors;

    public int[][] StatePredecessors => ModelStates.Predecessors;

    /// <summary>Whether some path can come back to a node: a back edge or a goto.</summary>
    public bool HasLoops => ModelStates.HasLoops;

    private States ModelStates => _states ??= new States(Graph);

    private sealed class States
    {
        private readonly ControlFlowGraph _graph;
        private readonly int[] _stateOfNode;

        // The edges in the order they are added (a state's successors and predecessors keep that order).
        private readonly List<int> _from;
        private readonly List<int> _to;

        // PERF: the nodes seen by the current walk through removed nodes, marked with the walk's number,
        // so that no set is made per node.
        private readonly int[] _seen;
        private int _walk;

        public States(ControlFlowGraph graph)
        {
            _graph = graph;
            var graphNodes = graph.Nodes;
            _stateOfNode = new int[graphNodes.Count];
            _seen = new int[graphNodes.Count];
            int count = 0;
            foreach (var node in graphNodes)
            {
                _stateOfNode[node.Index] = node.Kind is ControlFlowNodeKind.Entry or ControlFlowNodeKind.CaseNode ? -1 : count++;
            }

            _from = new List<int>(count * 2);
            _to = new List<int>(count * 2);
            var outCount = new int[count];
            var inCount = new int[count];

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
        }

        public ControlFlowNode?[] Nodes { get; }

        public int[][] Successors { get; }

        public int[][] Predecessors { get; }

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
        private static int[][] Group(List<int> keys, List<int> values, int total)
        {
            var counts = new int[total];
            foreach (int key in keys)
            {
                counts[key]++;
            }

            var result = new int[total][];
            for (int state = 0; state < total; state++)
            {
                result[state] = counts[state] == 0 ? [] : new int[counts[state]];
                counts[state] = 0;
            }

            for (int i = 0; i < keys.Count; i++)
            {
                int key = keys[i];
                result[key][counts[key]++] = values[i];
            }

            return result;
        }
    }
}
