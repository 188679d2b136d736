using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Engine.Ctl;

namespace Sevenspot.Engine;

/// <summary>
/// A function's control-flow graph as the model checker sees it, prepared as spatch prepares it:
/// [enter] and case-dispatch nodes are removed (their edges joined), [top], [exit] and
/// [errorexit] loop on themselves, and dead code gets a looping predecessor, so every state has a
/// successor. Predicates are evaluated here: control predicates from node kinds, Match by the matcher.
/// </summary>
public sealed class FlowModel : IModel<CtlPredicate, MetaValue>
{
    private readonly ControlFlowGraph _graph;
    private readonly Matcher _matcher;
    private readonly Env _initial;
    private readonly List<ControlFlowNode?> _nodes = [];
    private readonly List<List<int>> _successors = [];
    private readonly List<List<int>> _predecessors = [];
    private readonly int[] _stateOfNode;
    private readonly int[][] _successorArrays;
    private readonly int[][] _predecessorArrays;

    public FlowModel(ControlFlowGraph graph, Matcher matcher, Env initial)
    {
        _graph = graph;
        _matcher = matcher;
        _initial = initial;
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

        _successorArrays = _successors.Select(l => l.ToArray()).ToArray();
        _predecessorArrays = _predecessors.Select(l => l.ToArray()).ToArray();
        HasLoops = graph.Nodes.Any(n => n.BackEdgeCount > 0 || n.Kind == ControlFlowNodeKind.Goto);
    }

    public int StateCount => _nodes.Count;

    public bool HasLoops { get; }

    public ControlFlowGraph Graph => _graph;

    public ControlFlowNode? NodeOf(int state) => _nodes[state];

    public ReadOnlySpan<int> Successors(int state) => _successorArrays[state];

    public ReadOnlySpan<int> Predecessors(int state) => _predecessorArrays[state];

    public bool IsLoopNode(int state) => _nodes[state] is { } n && n.IsLoopHead;

    public IBindingValueComparer<MetaValue> ValueComparer { get; } = new MetaValueComparer();

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

    public IEnumerable<LabelResult<CtlPredicate, MetaValue>> Label(CtlPredicate predicate)
    {
        for (int state = 0; state < _nodes.Count; state++)
        {
            var node = _nodes[state];
            if (node is null)
            {
                continue;
            }

            switch (predicate.Kind)
            {
                case CtlPredicateKind.Match:
                    foreach (var r in MatchAt(predicate.Element!, node, state))
                    {
                        yield return r;
                    }

                    break;
                case CtlPredicateKind.Paren when node.Kind is ControlFlowNodeKind.BlockOpen or ControlFlowNodeKind.BlockClose:
                    yield return Bind(state, predicate.Variable!, new ParenValue(node.BraceLevel));
                    break;
                case CtlPredicateKind.Label:
                    yield return Bind(state, predicate.Variable!, new LabelValue(node.Labels.ToArray(), prefix: false));
                    break;
                case CtlPredicateKind.PrefixLabel:
                    yield return Bind(state, predicate.Variable!, new LabelValue(node.Labels.ToArray(), prefix: true));
                    break;
                case CtlPredicateKind.BreakContinueLabel when node.JumpTargetLabels.Length > 0:
                    yield return Bind(state, predicate.Variable!, new LabelValue(node.JumpTargetLabels.ToArray(), prefix: false));
                    break;
                case CtlPredicateKind.BindGood:
                    yield return Bind(state, predicate.Variable!, MarkerValue.Good);
                    break;
                case CtlPredicateKind.BindBad:
                    yield return Bind(state, predicate.Variable!, MarkerValue.Bad);
                    break;
                default:
                    if (Holds(predicate.Kind, node))
                    {
                        yield return new LabelResult<CtlPredicate, MetaValue>(state);
                    }

                    break;
            }
        }
    }

    private static LabelResult<CtlPredicate, MetaValue> Bind(int state, string variable, MetaValue value) =>
        new(state, [new MetavariableBinding<MetaValue>(variable, value)]);

    private static bool Holds(CtlPredicateKind kind, ControlFlowNode node) => kind switch
    {
        CtlPredicateKind.InLoop => node.Kind == ControlFlowNodeKind.InLoop,
        CtlPredicateKind.TrueBranch => node.Kind == ControlFlowNodeKind.Then,
        CtlPredicateKind.EscapingTrueBranch => node.Kind == ControlFlowNodeKind.Then && node.Escapes,
        CtlPredicateKind.FalseBranch => node.Kind == ControlFlowNodeKind.Else,
        CtlPredicateKind.After => node.Kind == ControlFlowNodeKind.After,
        CtlPredicateKind.GotoAfter => node.Kind == ControlFlowNodeKind.After && node.AfterKind == AfterKind.Goto,
        CtlPredicateKind.FallThrough => node.Kind == ControlFlowNodeKind.FallThrough,
        CtlPredicateKind.LoopFallThrough => node.Kind == ControlFlowNodeKind.LoopFallThrough,
        CtlPredicateKind.FunctionHeader => node.Kind == ControlFlowNodeKind.FunctionHeader,
        CtlPredicateKind.Top => node.Kind == ControlFlowNodeKind.Top,
        CtlPredicateKind.Exit => node.Kind == ControlFlowNodeKind.Exit,
        CtlPredicateKind.ErrorExit => node.Kind == ControlFlowNodeKind.ErrorExit,
        CtlPredicateKind.Goto => node.Kind == ControlFlowNodeKind.Goto,
        CtlPredicateKind.Return => node.Kind == ControlFlowNodeKind.Return,
        CtlPredicateKind.Break => node.Kind == ControlFlowNodeKind.Break,
        CtlPredicateKind.Continue => node.Kind == ControlFlowNodeKind.Continue,
        CtlPredicateKind.FakeBrace => node.IsFake,
        CtlPredicateKind.UnsafeBrace => node.Kind is ControlFlowNodeKind.FunctionHeader or ControlFlowNodeKind.DoHeader or ControlFlowNodeKind.Then
            or ControlFlowNodeKind.ElseKeyword or ControlFlowNodeKind.InLoop or ControlFlowNodeKind.SwitchHeader,
        _ => false,
    };

    private IEnumerable<LabelResult<CtlPredicate, MetaValue>> MatchAt(RuleElement element, ControlFlowNode node, int state)
    {
        var seen = new HashSet<Env>();
        foreach (var m in _matcher.MatchElement(element, node, new MatchState(_initial, null)))
        {
            if (!seen.Add(m.Env))
            {
                continue;
            }

            var bindings = new List<MetavariableBinding<MetaValue>>();
            foreach (var (name, value) in m.Env.Entries)
            {
                if (!_initial.Contains(name) && !name.StartsWith("iso:", StringComparison.Ordinal))
                {
                    bindings.Add(new MetavariableBinding<MetaValue>(name, value));
                }
            }

            yield return new LabelResult<CtlPredicate, MetaValue>(state, bindings);
        }
    }

    /// <summary>Values compare by content; labels are compatible along prefixes and positions when nested, as in spatch.</summary>
    private sealed class MetaValueComparer : BindingValueComparer<MetaValue>
    {
        public override bool AreCompatible(MetaValue x, MetaValue y)
        {
            if (x is LabelValue a && y is LabelValue b)
            {
                return (a.IsPrefix, b.IsPrefix) switch
                {
                    (false, false) => a.Labels.AsSpan().SequenceEqual(b.Labels),
                    // An exact label agrees with a prefix label when it is a prefix of it (the node is inside the block).
                    (false, true) => IsPrefixOf(a.Labels, b.Labels),
                    (true, false) => IsPrefixOf(b.Labels, a.Labels),
                    _ => a.Labels.Length > 0 && b.Labels.Length > 0 && a.Labels[0] == b.Labels[0],
                };
            }

            if (x is PositionValue p && y is PositionValue q)
            {
                return p.File == q.File && ((p.Span.Start <= q.Span.Start && p.Span.End >= q.Span.End) || (q.Span.Start <= p.Span.Start && q.Span.End >= p.Span.End));
            }

            return Equals(x, y);
        }

        public override MetaValue Merge(MetaValue x, MetaValue y)
        {
            if (x is LabelValue a && y is LabelValue b)
            {
                if (!a.IsPrefix)
                {
                    return a;
                }

                if (!b.IsPrefix)
                {
                    return b;
                }

                int n = 0;
                while (n < a.Labels.Length && n < b.Labels.Length && a.Labels[n] == b.Labels[n])
                {
                    n++;
                }

                return new LabelValue(a.Labels[..n], prefix: true);
            }

            if (x is PositionValue p && y is PositionValue q)
            {
                return p.Span.Start <= q.Span.Start && p.Span.End >= q.Span.End ? p : q;
            }

            return x;
        }

        private static bool IsPrefixOf(int[] prefix, int[] whole) => prefix.Length <= whole.Length && whole.AsSpan(0, prefix.Length).SequenceEqual(prefix);
    }
}
