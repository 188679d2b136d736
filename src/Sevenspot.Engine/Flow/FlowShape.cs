using System.Runtime.CompilerServices;
using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Engine.Ctl;

namespace Sevenspot.Engine;

/// <summary>
/// A function's control-flow graph as the model checker reads it: the states of its
/// <see cref="ControlFlowView"/> (folded as spatch prepares the graph), with what the engine derives
/// from them and keeps for every rule and environment checked on the function (the expressions each
/// node stands for, the adjacency, labels shared between environments). It depends on the function
/// alone, so a file session builds it once.
/// </summary>
public sealed class FlowShape
{
    private List<SyntaxNode>?[]? _expressionTerms;
    private ModelAdjacency? _adjacency;
    private Dictionary<SharedLabelKey, List<LabelResult<CtlPredicate, MetaValue>>>? _sharedLabels;

    public FlowShape(ControlFlowGraph graph)
        : this(new ControlFlowView(graph))
    {
    }

    public FlowShape(ControlFlowView view)
    {
        View = view;
        Nodes = view.StateNodes;
        Successors = view.StateSuccessors;
        Predecessors = view.StatePredecessors;
        HasLoops = view.HasLoops;
        IsPlain = Array.IndexOf(Nodes, null) < 0 && EveryStateLeavesOffAfter();
    }

    /// <summary>The function's one graph view, shared with every other reader of its control flow.</summary>
    public ControlFlowView View { get; }

    public ControlFlowGraph Graph => View.Graph;

    /// <summary>The node of each state; null for the looping predecessors of dead code.</summary>
    public ControlFlowNode?[] Nodes { get; }

    public StateEdges Successors { get; }

    public StateEdges Predecessors { get; }

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

    /// <summary>Drops the shared labels, once the rule whose predicates key them has run.</summary>
    internal void ReleaseSharedLabels() => _sharedLabels = null;

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
