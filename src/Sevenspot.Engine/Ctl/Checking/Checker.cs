using System.Diagnostics.CodeAnalysis;

namespace Sevenspot.Engine.Ctl;

/// <summary>
/// One run of the model checker: the model copied into adjacency arrays, the interning tables and the
/// memo tables. Follows Coccinelle 1.1.1's <c>ctl_engine.ml</c> (functions named in comments) with the
/// predicate wrapping of <c>wrapper_ctl.ml</c> built in.
/// </summary>
internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    private IModel<TPred, TValue> _model;
    private int _stateCount;
    private int[] _successorStart;
    private int[] _successors;
    private int[] _predecessorStart;
    private int[] _predecessors;
    private bool[] _isLoopNode;
    private bool _hasLoops;
    private bool _partialMatch;
    private CancellationToken _cancellationToken;
    private ModelAdjacency _adjacency;
    private readonly InternTables _tables = new();
    private readonly IBindingValueComparer<TValue> _valueComparer;
    private readonly Dictionary<ValueEntry, int> _valueIds;
    private readonly List<ValueEntry> _values = [];
    private readonly Dictionary<string, int> _variableIds = new(StringComparer.Ordinal);
    private readonly List<string> _variables = [];

    /// <summary>
    /// A checker whose last check has ended, with its tables emptied, for the next check on this thread.
    /// PERF: a function is checked once per rule and environment (tens of thousands of checks per rule
    /// on a kernel subset); the intern and memo tables grown by one check serve the next instead of
    /// being allocated and grown again. Emptied tables number everything from the start again, so a
    /// check gives the same ids and the same order as a new checker would.
    /// </summary>
    [ThreadStatic]
    private static Checker<TPred, TValue>? t_spare;

    /// <summary>Past this many entries in its tables, a checker is not kept: emptying them would cost more than new ones.</summary>
    private const int KeepLimit = 1 << 15;

    private Checker(IModel<TPred, TValue> model, CheckOptions options)
    {
        _valueComparer = model.ValueComparer;
        _valueIds = new Dictionary<ValueEntry, int>(new ValueEntryComparer(_valueComparer));
        Start(model, options);
    }

    /// <summary>A checker for one check of <paramref name="model"/>; give it back with <see cref="Return"/> once its results are read.</summary>
    public static Checker<TPred, TValue> Rent(IModel<TPred, TValue> model, CheckOptions options)
    {
        var spare = t_spare;
        if (spare is not null && ReferenceEquals(spare._valueComparer, model.ValueComparer))
        {
            t_spare = null;
            spare.Start(model, options);
            return spare;
        }
        return new Checker<TPred, TValue>(model, options);
    }

    /// <summary>Ends the check: the tables are emptied (nothing of the model stays reachable) and the checker kept for the next one.</summary>
    public void Return()
    {
        if (_values.Count + _tables.Count + _conjMemo.Count + _conjNoneMemo.Count + _witnessUnionMemo.Count
            + _publicSubstitutions.Count + _publicWitnesses.Count > KeepLimit)
            return;
        _model = null!;
        _adjacency = null!;
        (_successorStart, _successors, _predecessorStart, _predecessors, _isLoopNode) = ([], [], [], [], []);
        _cancellationToken = default;
        _tables.Clear();
        _valueIds.Clear();
        _values.Clear();
        _variableIds.Clear();
        _variables.Clear();
        _rawLabels.Clear();
        _labels.Clear();
        _publicSubstitutions.Clear();
        _publicWitnesses.Clear();
        _conjMemo.Clear();
        _conjNoneMemo.Clear();
        _witnessUnionMemo.Clear();
        _keyScratch.Clear();
        _idScratch.Clear();
        _forallScratch.Clear();
        _forallNext.Clear();
        _pool.Trim(KeepLimit);
        t_spare = this;
    }

    [MemberNotNull(nameof(_model), nameof(_successorStart), nameof(_successors), nameof(_predecessorStart), nameof(_predecessors),
        nameof(_isLoopNode), nameof(_adjacency))]
    private void Start(IModel<TPred, TValue> model, CheckOptions options)
    {
        _model = model;
        _stateCount = model.StateCount;
        if (_stateCount < 0)
            throw new ArgumentException("The model has a negative number of states.", nameof(model));
        var adjacency = model.Adjacency ?? ModelAdjacency.Build(model);
        if (adjacency.StateCount != _stateCount)
            throw new ArgumentException($"The model's adjacency has {adjacency.StateCount} states, the model {_stateCount}.", nameof(model));
        (_successorStart, _successors) = (adjacency.SuccessorStart, adjacency.Successors);
        (_predecessorStart, _predecessors) = (adjacency.PredecessorStart, adjacency.Predecessors);
        _isLoopNode = adjacency.IsLoopNode;
        // Coccinelle sets loop_in_src_code when the function contains a loop or a goto, and also when
        // any node of the graph is a loop node.
        _hasLoops = model.HasLoops || adjacency.AnyLoopNode;
        _partialMatch = options.PartialMatch;
        _cancellationToken = options.CancellationToken;
        // PERF: the sets of all states are made when a formula needs them, once per adjacency (a function's
        // checks for every rule and environment share it).
        _adjacency = adjacency;
        // The marks of an earlier check serve while they cover the states (their generations only grow).
        if (_marks is not null && _marks.Length < _stateCount)
            _marks = null;
    }

    /// <summary>
    /// Coccinelle's <c>sat</c>: the triples satisfying <paramref name="formula"/>, sorted, and, with partial
    /// matching, the triples set aside because they carry negated witnesses.
    /// </summary>
    public (TripleSet Result, TripleSet PartialMatches) Run(Formula<TPred> formula)
    {
        var result = Sat(formula, isUnchecked: false, required: null, envs: null, lets: null);
        if (!_partialMatch)
            return (result, TripleSet.Empty);
        // filter_partial_matches: a triple with a negated witness is a partial match, not an answer.
        var kept = new List<Triple>(result.Count);
        var partial = new List<Triple>();
        foreach (var t in result.Items)
            (t.Witnesses.AnyNegated ? partial : kept).Add(t);
        return (TripleSet.Create(kept), TripleSet.Create(partial));
    }

    private StateSet AllStates => _adjacency.AllStates;

    private TripleSet AllTop => _adjacency.AllTop;

    // PERF: the lists the set operations build their results in, kept for the next operation: a result is
    // copied into its set, so a list is needed only while one operation runs (operations may nest).
    private readonly TriplePool _pool = new();

    private List<Triple> RentTriples() => _pool.Rent();

    private void GiveBack(List<Triple> list) => _pool.GiveBack(list);

    private TripleAccumulator NewAccumulator(TripleSet initial) => new(_stateCount, initial, _pool);

    /// <summary>The set of a rented list's triples (sorted, without duplicates); the list is given back.</summary>
    private TripleSet ToSet(List<Triple> list)
    {
        var set = TripleSet.Create(list);
        GiveBack(list);
        return set;
    }

    /// <summary>The states one step back from <paramref name="state"/> (predecessors when going forward).</summary>
    private ReadOnlySpan<int> Back(Direction direction, int state) => direction == Direction.Forward
        ? _predecessors.AsSpan(_predecessorStart[state], _predecessorStart[state + 1] - _predecessorStart[state])
        : _successors.AsSpan(_successorStart[state], _successorStart[state + 1] - _successorStart[state]);

    /// <summary>The states one step ahead of <paramref name="state"/> (successors when going forward).</summary>
    private ReadOnlySpan<int> Ahead(Direction direction, int state) => Back(Flip(direction), state);

    private static Direction Flip(Direction direction) =>
        direction == Direction.Forward ? Direction.Backward : Direction.Forward;

    private void CheckCancellation() => _cancellationToken.ThrowIfCancellationRequested();

    private int _cancellationTicks;

    /// <summary>
    /// Checks for cancellation once every 256 calls: called per state or per triple inside a fixpoint's round,
    /// so that a round that has grown large (thousands of triples at a state) still stops at the file's timeout.
    /// </summary>
    private void TickCancellation()
    {
        if ((++_cancellationTicks & 0xFF) == 0)
            _cancellationToken.ThrowIfCancellationRequested();
    }

    // ---- variables and values ----

    private int VariableId(string name)
    {
        if (_variableIds.TryGetValue(name, out var id))
            return id;
        id = _variables.Count;
        _variables.Add(name);
        _variableIds.Add(name, id);
        return id;
    }

    private int ValueId(ValueEntry entry)
    {
        if (_valueIds.TryGetValue(entry, out var id))
            return id;
        id = _values.Count;
        _values.Add(entry);
        _valueIds.Add(entry, id);
        return id;
    }

    /// <summary>Coccinelle's <c>eq_val</c>.</summary>
    private bool Compatible(int x, int y)
    {
        if (x == y)
            return true;
        var a = _values[x];
        var b = _values[y];
        return a.Kind == BindingValueKind.Value && b.Kind == BindingValueKind.Value && _valueComparer.AreCompatible(a.Value, b.Value);
    }

    /// <summary>Coccinelle's <c>merge_val</c>, for compatible values; a predicate value keeps the first.</summary>
    private int MergeValues(int x, int y)
    {
        if (x == y)
            return x;
        var a = _values[x];
        var b = _values[y];
        if (a.Kind != BindingValueKind.Value || b.Kind != BindingValueKind.Value)
            return x;
        return ValueId(new ValueEntry(BindingValueKind.Value, _valueComparer.Merge(a.Value, b.Value), default!));
    }

    private readonly record struct ValueEntry(BindingValueKind Kind, TValue Value, TPred Predicate);

    private sealed class ValueEntryComparer(IEqualityComparer<TValue> values) : IEqualityComparer<ValueEntry>
    {
        public bool Equals(ValueEntry x, ValueEntry y) =>
            x.Kind == y.Kind
            && (x.Kind == BindingValueKind.Value
                ? values.Equals(x.Value, y.Value)
                : EqualityComparer<TPred>.Default.Equals(x.Predicate, y.Predicate));

        public int GetHashCode(ValueEntry obj) => obj.Kind == BindingValueKind.Value
            ? HashCode.Combine(obj.Kind, obj.Value is null ? 0 : values.GetHashCode(obj.Value))
            : HashCode.Combine(obj.Kind, obj.Predicate);
    }
}
