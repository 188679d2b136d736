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
        private readonly List<ControlFlowNode?> _nodes = [];
        private readonly List<List<int>> _successors = [];
        private readonly List<List<int>> _predecessors = [];
        private readonly int[] _stateOfNode;

        public States(ControlFlowGraph graph)
        {
            _graph = graph;
            _stateOfNode = new int[graph.Nodes.Count];
            Array.Fill(_stateOfNode, -1);
            foreach (var node in graph.Nodes)
            {
                if (node.Kind is ControlFlowNodeKind.Entry or ControlFlowNodeKind.CaseNode)
                {
                    continue;
                }

                _stateOfNode[node.Index] = _nodes.Count;
                _nodes.Add(node);
                _successors.Add([]);
                _predecessors.Add([]);
            }

            // Edges, skipping through removed nodes.
            foreach (var node in graph.Nodes)
            {
                int from = _stateOfNode[node.Index];
                if (from < 0)
                {
                    continue;
                }

                foreach (int to in RealSuccessors(node.Index, new HashSet<int>()))
                {
                    AddEdge(from, to);
                }
            }

            AddEdge(_stateOfNode[graph.Top.Index], _stateOfNode[graph.Top.Index]);
            AddEdge(_stateOfNode[graph.Exit.Index], _stateOfNode[graph.Exit.Index]);
            int errorExit = _stateOfNode[graph.ErrorExit.Index];
            AddEdge(errorExit, errorExit);

            // Dead code: a looping predecessor for every node without one.
            int count = _nodes.Count;
            for (int state = 0; state < count; state++)
            {
                if (_predecessors[state].Count == 0)
                {
                    int fake = _nodes.Count;
                    _nodes.Add(null);
                    _successors.Add([]);
                    _predecessors.Add([]);
                    AddEdge(fake, state);
                    AddEdge(fake, fake);
                }
            }

            for (int state = 0; state < _nodes.Count; state++)
            {
                if (_successors[state].Count == 0)
                {
                    AddEdge(state, state);
                }
            }

            Nodes = [.. _nodes];
            Successors = new int[_successors.Count][];
            Predecessors = new int[_predecessors.Count][];
            for (int state = 0; state < Nodes.Length; state++)
            {
                Successors[state] = [.. _successors[state]];
                Predecessors[state] = [.. _predecessors[state]];
            }

            foreach (var node in graph.Nodes)
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

        private List<int> RealSuccessors(int node, HashSet<int> seen)
        {
            var result = new List<int>();
            foreach (var edge in _graph.GetSuccessors(node))
            {
                int state = _stateOfNode[edge.To];
                if (state >= 0)
                {
                    result.Add(state);
                }
                else if (seen.Add(edge.To))
                {
                    result.AddRange(RealSuccessors(edge.To, seen));
                }
            }

            return result;
        }

        private void AddEdge(int from, int to)
        {
            if (!_successors[from].Contains(to))
            {
                _successors[from].Add(to);
                _predecessors[to].Add(from);
            }
        }
    }
}
