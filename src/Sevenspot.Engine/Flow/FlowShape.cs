using System.Runtime.CompilerServices;
using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Engine.Ctl;

namespace Sevenspot.Engine;

/// <summary>
/// A function's control-flow graph prepared for the model checker as spatch prepares it: [enter] and
/// case-dispatch nodes are removed (their edges joined), [top], [exit] and [errorexit] loop on
/// themselves, and dead code gets a looping predecessor, so every state has a successor. It depends
/// on the function alone, so a file session builds it once for every rule and environment.
/// </summary>
public sealed class FlowShape
{
    private readonly List<ControlFlowNode?> _nodes = [];
    private readonly List<List<int>> _successors = [];
    private readonly List<List<int>> _predecessors = [];
    private readonly int[] _stateOfNode;
    private List<SyntaxNode>?[]? _expressionTerms;
    private ModelAdjacency? _adjacency;
    private Dictionary<SharedLabelKey, List<LabelResult<CtlPredicate, MetaValue>>>? _sharedLabels;

    public FlowShape(ControlFlowGraph graph)
    {
        Graph = graph;
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

        bool deadCode = _nodes.Count > count;
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

        HasLoops = graph.Nodes.Any(n => n.BackEdgeCount > 0 || n.Kind == ControlFlowNodeKind.Goto);
        IsPlain = !deadCode && EveryStateLeavesOffAfter();
    }

    public ControlFlowGraph Graph { get; }

    /// <summary>The node of each state; null for the looping predecessors of dead code.</summary>
    public ControlFlowNode?[] Nodes { get; }

    public int[][] Successors { get; }

    public int[][] Predecessors { get; }

    public bool HasLoops { get; }

    /// <summary>
    /// No dead code (so every state has a node) and every state has a successor that is not an [after]
    /// node: what <see cref="CompiledRule.RequiredPositionsInLiveCode"/> assumes of a function.
    /// </summary>
    public bool IsPlain { get; }

    /// <summary>
    /// The expressions a node stands for (<see cref="Matcher.TermsOf"/>), gathered on first use and
    /// kept for every rule and environment matched at the node. A session is used by one thread.
    /// </summary>
    internal List<SyntaxNode> ExpressionTermsOf(ControlFlowNode node)
    {
        _expressionTerms ??= new List<SyntaxNode>?[Graph.Nodes.Count];
        return _expressionTerms[node.Index] ??= Matcher.TermsOf(node, node.Syntax!.Value, type: false);
    }

    /// <summary>The edges as the model checker reads them, built on first use for every check of the function.</summary>
    internal ModelAdjacency AdjacencyFor(FlowModel model) => _adjacency ??= ModelAdjacency.Build(model);

    /// <summary>
    /// The labels of a rule element computed by an earlier check of this function in an environment that
    /// gave the same values (or none) to the metavariables the element reads (<see cref="ElementReads"/>).
    /// </summary>
    internal bool TryGetSharedLabels(in SharedLabelKey key, out List<LabelResult<CtlPredicate, MetaValue>> labels)
    {
        if (_sharedLabels is not null && _sharedLabels.TryGetValue(key, out var found))
        {
            labels = found;
            return true;
        }

        labels = null!;
        return false;
    }

    internal void AddSharedLabels(in SharedLabelKey key, List<LabelResult<CtlPredicate, MetaValue>> labels) =>
        (_sharedLabels ??= []).Add(key, labels);

    private bool EveryStateLeavesOffAfter()
    {
        for (int state = 0; state < Nodes.Length; state++)
        {
            bool off = false;
            foreach (int next in Successors[state])
            {
                off |= Nodes[next] is not { Kind: ControlFlowNodeKind.After };
            }

            if (!off)
            {
                return false;
            }
        }

        return true;
    }

    private List<int> RealSuccessors(int node, HashSet<int> seen)
    {
        var result = new List<int>();
        foreach (var edge in Graph.GetSuccessors(node))
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

/// <summary>
/// A rule element's predicate (by identity: each rule has its own) with the values an environment gives
/// to the metavariables the element reads, null for those it leaves unbound.
/// </summary>
internal readonly struct SharedLabelKey : IEquatable<SharedLabelKey>
{
    private readonly CtlPredicate _predicate;
    private readonly MetaValue?[] _values;
    private readonly int _hash;

    public SharedLabelKey(CtlPredicate predicate, MetaValue?[] values)
    {
        _predicate = predicate;
        _values = values;
        var h = new HashCode();
        h.Add(RuntimeHelpers.GetHashCode(predicate));
        foreach (var v in values)
        {
            h.Add(v);
        }

        _hash = h.ToHashCode();
    }

    public bool Equals(SharedLabelKey other)
    {
        if (!ReferenceEquals(_predicate, other._predicate) || _values.Length != other._values.Length)
        {
            return false;
        }

        for (int i = 0; i < _values.Length; i++)
        {
            if (!Equals(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SharedLabelKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
