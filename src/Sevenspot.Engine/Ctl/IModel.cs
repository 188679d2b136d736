namespace Sevenspot.Engine.Ctl;

/// <summary>
/// The Kripke structure a formula is checked against: usually the control-flow graph of one function.
/// States are the integers 0 .. <see cref="StateCount"/> - 1.
/// </summary>
/// <remarks>
/// As in Coccinelle, every state should have a successor: give exit nodes (and nodes of dead code) a
/// self loop, otherwise <c>AX</c> and <c>AU</c> are false there.
/// </remarks>
public interface IModel<TPred, TValue>
{
    int StateCount { get; }

    ReadOnlySpan<int> Successors(int state);

    ReadOnlySpan<int> Predecessors(int state);

    /// <summary>
    /// Whether the code has loops (loop statements or gotos). When it has, <c>A[φ U ψ]</c> excuses paths
    /// that stay in a loop forever (Coccinelle's <c>Flag_ctl.loop_in_src_code</c>), and <c>AF</c> is checked as <c>A[true U φ]</c>.
    /// </summary>
    bool HasLoops { get; }

    /// <summary>Whether <paramref name="state"/> is a loop node (Coccinelle's <c>extract_is_loop</c>); any such node also implies <see cref="HasLoops"/>.</summary>
    bool IsLoopNode(int state) => false;

    /// <summary>
    /// Whether <paramref name="state"/> is an <c>[after]</c> node (the node an <c>if</c> or a loop keeps for what
    /// follows it). The search that decides when an until becomes the weak until does not start from one.
    /// </summary>
    bool IsAfterNode(int state) => false;

    /// <summary>
    /// The states where <paramref name="predicate"/> holds, each with the metavariable bindings under which it
    /// holds (one result per way of matching). The checker calls this at most once per predicate and check.
    /// </summary>
    IEnumerable<LabelResult<TPred, TValue>> Label(TPred predicate);

    /// <summary>
    /// The model's edges and loop nodes read once, when the model's graph is shared by many checks;
    /// null: the checker reads them from <see cref="Successors"/>, <see cref="Predecessors"/> and <see cref="IsLoopNode"/>.
    /// </summary>
    ModelAdjacency? Adjacency => null;

    /// <summary>How bound values are compared and merged; plain equality by default.</summary>
    IBindingValueComparer<TValue> ValueComparer => BindingValueComparer<TValue>.Default;
}

/// <summary>One state where a predicate holds, with the bindings the match produced.</summary>
public readonly struct LabelResult<TPred, TValue>
{
    public LabelResult(int state)
        : this(state, [])
    {
    }

    public LabelResult(int state, IReadOnlyList<MetavariableBinding<TValue>> bindings)
    {
        State = state;
        Bindings = bindings;
        MatchedPredicate = default!;
        HasMatchedPredicate = false;
    }

    /// <param name="matchedPredicate">
    /// The predicate that actually matched, when it differs from the one asked about (for example one
    /// variant of an isomorphism); it becomes the value of a <c>Modif</c>/<c>UnModif</c> variable.
    /// </param>
    public LabelResult(int state, IReadOnlyList<MetavariableBinding<TValue>> bindings, TPred matchedPredicate)
    {
        State = state;
        Bindings = bindings;
        MatchedPredicate = matchedPredicate;
        HasMatchedPredicate = true;
    }

    public int State { get; }

    public IReadOnlyList<MetavariableBinding<TValue>> Bindings { get; }

    public bool HasMatchedPredicate { get; }

    public TPred MatchedPredicate { get; }
}

/// <summary>
/// Compares and merges bound values. Beyond equality (used to share identical values), two different values
/// can be compatible (Coccinelle's <c>eq_val</c>: for example nested position ranges, or label lists where one
/// is a prefix of the other); conjoining two compatible bindings keeps their <see cref="Merge"/>.
/// </summary>
public interface IBindingValueComparer<TValue> : IEqualityComparer<TValue>
{
    bool AreCompatible(TValue x, TValue y);

    /// <summary>The value standing for both of two compatible values (Coccinelle's <c>merge_val</c>).</summary>
    TValue Merge(TValue x, TValue y);
}

/// <summary>A value comparer where compatibility is equality; derive from it to relax compatibility.</summary>
public class BindingValueComparer<TValue> : IBindingValueComparer<TValue>
{
    private readonly IEqualityComparer<TValue> _equality;

    public BindingValueComparer(IEqualityComparer<TValue>? equality = null)
    {
        _equality = equality ?? EqualityComparer<TValue>.Default;
    }

    public static BindingValueComparer<TValue> Default { get; } = new();

    public bool Equals(TValue? x, TValue? y) => _equality.Equals(x!, y!);

    public int GetHashCode(TValue obj) => obj is null ? 0 : _equality.GetHashCode(obj);

    public virtual bool AreCompatible(TValue x, TValue y) => Equals(x, y);

    public virtual TValue Merge(TValue x, TValue y) => x;
}
