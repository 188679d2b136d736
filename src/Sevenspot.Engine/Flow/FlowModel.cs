using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Engine.Ctl;

namespace Sevenspot.Engine;

/// <summary>
/// A function's prepared control-flow graph (<see cref="FlowShape"/>) as the model checker sees it
/// for one rule and one inherited environment. Predicates are evaluated here: control predicates
/// from node kinds, Match by the rule's matcher.
/// </summary>
public sealed class FlowModel : IModel<CtlPredicate, MetaValue>
{
    private readonly FlowShape _shape;
    private readonly Matcher _matcher;
    private readonly Env _initial;
    private readonly ControlFlowNode?[] _nodes;
    private readonly ElementReads? _reads;

    public FlowModel(ControlFlowGraph graph, Matcher matcher, Env initial)
        : this(new FlowShape(graph), matcher, initial)
    {
    }

    /// <summary>A model over a prepared graph, shared by every rule and environment checked on the function.</summary>
    public FlowModel(FlowShape shape, Matcher matcher, Env initial)
        : this(shape, matcher, initial, reads: null)
    {
    }

    /// <summary>
    /// A model whose element labels are shared through the graph with the other environments of the
    /// rule that agree on what each element reads (<paramref name="reads"/>: null, not shared). The
    /// matcher must be of that rule and of this file, with the same earlier matches for every environment.
    /// </summary>
    internal FlowModel(FlowShape shape, Matcher matcher, Env initial, ElementReads? reads)
    {
        _shape = shape;
        _matcher = matcher;
        _initial = initial;
        _nodes = shape.Nodes;
        _reads = reads;
    }

    public int StateCount => _nodes.Length;

    public bool HasLoops => _shape.HasLoops;

    public ControlFlowGraph Graph => _shape.Graph;

    public ControlFlowNode? NodeOf(int state) => _nodes[state];

    public ReadOnlySpan<int> Successors(int state) => _shape.Successors[state];

    public ReadOnlySpan<int> Predecessors(int state) => _shape.Predecessors[state];

    public bool IsLoopNode(int state) => _nodes[state] is { } n && n.IsLoopHead;

    public bool IsAfterNode(int state) => _nodes[state] is { } n && n.Kind == ControlFlowNodeKind.After;

    public IBindingValueComparer<MetaValue> ValueComparer { get; } = s_valueComparer;

    private static readonly MetaValueComparer s_valueComparer = new();

    public ModelAdjacency? Adjacency => _shape.AdjacencyFor(this);

    public IEnumerable<LabelResult<CtlPredicate, MetaValue>> Label(CtlPredicate predicate)
    {
        if (predicate.Kind != CtlPredicateKind.Match || _reads?.Of(predicate.Element!) is not { } names)
        {
            return LabelStates(predicate);
        }

        var values = new MetaValue?[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            values[i] = _initial.TryGet(names[i], out var v) ? v : null;
        }

        var key = new SharedLabelKey(predicate, values);
        if (!_shape.TryGetSharedLabels(key, out var labels))
        {
            // PERF: most elements match at no node of a function; those share one empty list.
            labels = LabelStates(predicate);
            if (labels.Count == 0)
            {
                labels = s_noLabels;
            }

            _shape.AddSharedLabels(key, labels);
        }

        return labels;
    }

    /// <summary>The labels of an element that matches nowhere in a function; never changed.</summary>
    private static readonly List<LabelResult<CtlPredicate, MetaValue>> s_noLabels = [];

    /// <summary>
    /// The predicate's labels, state by state, in a list: the checker reads them all (it keeps a list as
    /// it is), so an iterator per state and per match would only be allocated and copied.
    /// </summary>
    private List<LabelResult<CtlPredicate, MetaValue>> LabelStates(CtlPredicate predicate)
    {
        // PERF: the predicates that bind a value at every node get their list at its final size.
        var labels = new List<LabelResult<CtlPredicate, MetaValue>>(
            predicate.Kind is CtlPredicateKind.Label or CtlPredicateKind.PrefixLabel or CtlPredicateKind.BindGood or CtlPredicateKind.BindBad
                ? _nodes.Length : 0);
        if (predicate.Kind == CtlPredicateKind.Match)
        {
            var start = new MatchState(_initial, null);
            for (int state = 0; state < _nodes.Length; state++)
            {
                if (_nodes[state] is { } node)
                {
                    AddMatches(predicate.Element!, node, state, start, labels);
                }
            }

            return labels;
        }

        for (int state = 0; state < _nodes.Length; state++)
        {
            var node = _nodes[state];
            if (node is null)
            {
                continue;
            }

            switch (predicate.Kind)
            {
                case CtlPredicateKind.Paren when node.Kind is ControlFlowNodeKind.BlockOpen or ControlFlowNodeKind.BlockClose:
                    labels.Add(Bind(state, predicate.Variable!, new ParenValue(node.BraceLevel)));
                    break;
                case CtlPredicateKind.Label:
                    labels.Add(Bind(state, predicate.Variable!, new LabelValue(node.Labels.ToArray(), prefix: false)));
                    break;
                case CtlPredicateKind.PrefixLabel:
                    labels.Add(Bind(state, predicate.Variable!, new LabelValue(node.Labels.ToArray(), prefix: true)));
                    break;
                case CtlPredicateKind.BreakContinueLabel when node.JumpTargetLabels.Length > 0:
                    labels.Add(Bind(state, predicate.Variable!, new LabelValue(node.JumpTargetLabels.ToArray(), prefix: false)));
                    break;
                case CtlPredicateKind.BindGood:
                    labels.Add(Bind(state, predicate.Variable!, MarkerValue.Good));
                    break;
                case CtlPredicateKind.BindBad:
                    labels.Add(Bind(state, predicate.Variable!, MarkerValue.Bad));
                    break;
                default:
                    if (Holds(predicate.Kind, node))
                    {
                        labels.Add(new LabelResult<CtlPredicate, MetaValue>(state));
                    }

                    break;
            }
        }

        return labels;
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

    /// <summary>The matches of an element at one node, each environment once, added to <paramref name="labels"/>.</summary>
    private void AddMatches(RuleElement element, ControlFlowNode node, int state, MatchState start, List<LabelResult<CtlPredicate, MetaValue>> labels)
    {
        // Most nodes give no match and most matches are alone: the set of those seen is made for a second one.
        Env? first = null;
        HashSet<Env>? seen = null;
        foreach (var m in _matcher.MatchElement(element, node, start, _shape))
        {
            if (first is null)
            {
                first = m.Env;
            }
            else if (!(seen ??= [first]).Add(m.Env))
            {
                continue;
            }

            labels.Add(new LabelResult<CtlPredicate, MetaValue>(state, NewBindings(m.Env)));
        }
    }

    /// <summary>What a match binds beyond the inherited environment (hidden isomorphism names left out).</summary>
    private IReadOnlyList<MetavariableBinding<MetaValue>> NewBindings(Env env)
    {
        // PERF: a match that binds nothing new (a pattern of inherited names only) shares the empty list.
        List<MetavariableBinding<MetaValue>>? bindings = null;
        if (env.AddedTo(_initial) is { } added)
        {
            // The usual case: the match extended the inherited environment, so what it added is its links.
            foreach (var (name, value) in added)
            {
                if (!name.StartsWith(MatchContext.HiddenPrefix, StringComparison.Ordinal))
                {
                    (bindings ??= new List<MetavariableBinding<MetaValue>>(added.Length)).Add(new MetavariableBinding<MetaValue>(name, value));
                }
            }

            return bindings is null ? [] : bindings;
        }

        foreach (var (name, value) in env.EntrySpan)
        {
            if (!_initial.Contains(name) && !name.StartsWith(MatchContext.HiddenPrefix, StringComparison.Ordinal))
            {
                (bindings ??= new List<MetavariableBinding<MetaValue>>(env.Count - _initial.Count > 0 ? env.Count - _initial.Count : 1)).Add(new MetavariableBinding<MetaValue>(name, value));
            }
        }

        return bindings is null ? [] : bindings;
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

            if (x is TermValue t && y is TermValue u)
            {
                return t.Nests(u);
            }

            if (x is PositionValue p && y is PositionValue q)
            {
                return p.File == q.File && ((p.Span.Start <= q.Span.Start && p.Span.End >= q.Span.End) || (q.Span.Start <= p.Span.Start && q.Span.End >= p.Span.End));
            }

            // A typedef and what it stands for are one type ("foo_t *" and "struct foo *" for typedef
            // struct foo foo_t) when the file defines the typedef; T keeps the text it was first given.
            if (x is TypeValue v && y is TypeValue w && (v.Resolved is not null || w.Resolved is not null))
            {
                return Equals(x, y) || (v.Resolved ?? v.TypeText) == (w.Resolved ?? w.TypeText);
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

            if (x is TermValue t && y is TermValue u)
            {
                return t.First <= u.First && t.Last >= u.Last ? t : u;
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
