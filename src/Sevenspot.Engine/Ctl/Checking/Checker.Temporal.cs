using System.Runtime.InteropServices;

namespace Sevenspot.Engine.Ctl;

internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    private int[]? _marks;
    private List<(int State, int Start, int Count)>? _fixpointUpdates;
    private int _markGeneration;

    /// <summary>A fresh generation of marks over the states, without clearing an array each time.</summary>
    private int[] NewMarks()
    {
        _marks ??= new int[_stateCount];
        if (++_markGeneration == int.MaxValue)
        {
            Array.Clear(_marks);
            _markGeneration = 1;
        }
        return _marks;
    }

    /// <summary>Coccinelle's <c>pre_exist</c> (EX): each triple moved to the states one step back, within <paramref name="required"/>.</summary>
    private TripleSet PreExist(Direction direction, ReadOnlySpan<Triple> triples, StateSet? required)
    {
        var output = RentTriples();
        foreach (var t in triples)
        {
            TickCancellation();
            foreach (var p in Back(direction, t.State))
            {
                if (required is null || required.Contains(p))
                    output.Add(t.WithState(p));
            }
        }
        return ToSet(output);
    }

    /// <summary>
    /// Coccinelle's <c>pre_forall</c> (AX): the states one step back from <paramref name="frontier"/> (within
    /// <paramref name="required"/>) all of whose next states have triples in <paramref name="all"/>; at such a state,
    /// the conjunction over its next states of their triples.
    /// </summary>
    private TripleSet PreForall(Direction direction, ReadOnlySpan<Triple> frontier, ITripleIndex all, StateSet? required)
    {
        var marks = NewMarks();
        var generation = _markGeneration;
        var candidates = new List<int>();
        foreach (var t in frontier)
        {
            foreach (var p in Back(direction, t.State))
            {
                if (marks[p] != generation && (required is null || required.Contains(p)))
                {
                    marks[p] = generation;
                    candidates.Add(p);
                }
            }
        }
        candidates.Sort();
        var output = RentTriples();
        foreach (var p in candidates)
        {
            TickCancellation();
            ForallAt(direction, p, all, output);
        }
        return ToSet(output);
    }

    private readonly List<Triple> _forallScratch = [];
    private readonly List<Triple> _forallNext = [];

    /// <summary>
    /// The triples of AX at <paramref name="state"/>: none if a next state has no triple in <paramref name="all"/>,
    /// otherwise the conjunction over the next states of their triples. Appended to <paramref name="output"/> in order.
    /// </summary>
    private void ForallAt(Direction direction, int state, ITripleIndex all, List<Triple> output)
    {
        var children = Ahead(direction, state);
        if (children.IsEmpty)
            return;
        var allPlain = true;
        foreach (var c in children)
        {
            var group = all.Group(c);
            if (group.IsEmpty)
                return;
            allPlain &= group.Length == 1 && group[0].IsPlain;
        }
        if (allPlain)
        {
            output.Add(new Triple(state, BindingSet.Empty, WitnessSet.Empty));
            return;
        }
        var accumulated = _forallScratch;
        var next = _forallNext;
        accumulated.Clear();
        foreach (var t in all.Group(children[0]))
            accumulated.Add(t.WithState(state));
        for (var k = 1; k < children.Length && accumulated.Count > 0; k++)
        {
            var group = all.Group(children[k]);
            if (group.Length == 1 && group[0].IsPlain)
                continue;
            next.Clear();
            ConjGroups(CollectionsMarshal.AsSpan(accumulated), group, state, next);
            Distinct(next);
            accumulated.Clear();
            accumulated.AddRange(next);
        }
        Distinct(accumulated);
        output.AddRange(accumulated);
    }

    /// <summary>The triples of EX at <paramref name="state"/>: the triples of its next states, moved to it.</summary>
    private void ExistsAt(Direction direction, int state, ITripleIndex all, List<Triple> output)
    {
        var start = output.Count;
        foreach (var c in Ahead(direction, state))
        {
            foreach (var t in all.Group(c))
                output.Add(t.WithState(state));
        }
        if (output.Count - start > 1)
        {
            var added = output.GetRange(start, output.Count - start);
            output.RemoveRange(start, output.Count - start);
            output.AddRange(Distinct(added));
        }
    }

    /// <summary>Coccinelle's <c>satEU</c>: least fixpoint of ψ ∨ (φ ∧ EX y), propagating only the new triples.</summary>
    private TripleSet SatEU(Direction direction, TripleSet left, TripleSet right, StateSet? required)
    {
        if (left.IsEmpty)
            return right;
        var accumulator = NewAccumulator(right);
        // PERF: the first frontier is read in place, and each round's new triples reuse one list.
        var frontier = RentTriples();
        var current = right.Items;
        while (!current.IsEmpty)
        {
            CheckCancellation();
            var first = Conj(left, PreExist(direction, current, required));
            InsertAll(accumulator, first, frontier);
            current = CollectionsMarshal.AsSpan(frontier);
        }
        GiveBack(frontier);
        return accumulator.ToSet();
    }

    /// <summary>Coccinelle's <c>satEF</c>.</summary>
    private TripleSet SatEF(Direction direction, TripleSet operand, StateSet? required)
    {
        var accumulator = NewAccumulator(operand);
        var frontier = RentTriples();
        var current = operand.Items;
        while (!current.IsEmpty)
        {
            CheckCancellation();
            InsertAll(accumulator, PreExist(direction, current, required), frontier);
            current = CollectionsMarshal.AsSpan(frontier);
        }
        GiveBack(frontier);
        return accumulator.ToSet();
    }

    /// <summary>Coccinelle's <c>satAF</c> (used when the code has no loops).</summary>
    private TripleSet SatAF(Direction direction, TripleSet operand, StateSet? required)
    {
        var accumulator = NewAccumulator(operand);
        var frontier = RentTriples();
        var current = operand.Items;
        while (!current.IsEmpty)
        {
            CheckCancellation();
            InsertAll(accumulator, PreForall(direction, current, accumulator, required), frontier);
            current = CollectionsMarshal.AsSpan(frontier);
        }
        GiveBack(frontier);
        return accumulator.ToSet();
    }

    /// <summary>
    /// Coccinelle's <c>satAU</c>: least fixpoint of ψ ∨ (φ ∧ AX y). Returns false (Coccinelle's <c>AUfailed</c>)
    /// when the code has loops and E[φ U ψ], explored backward from ψ with φ's bindings, meets a loop node: the
    /// caller then checks the weak until instead, so that paths staying in the loop forever do not count.
    /// </summary>
    private bool TrySatAU(Direction direction, TripleSet left, TripleSet right, StateSet? required, out TripleSet result)
    {
        result = right;
        if (left.IsEmpty)
            return true;
        if (_hasLoops && ExistsUntilMeetsLoop(direction, left, right, required))
            return false;
        var accumulator = NewAccumulator(right);
        var frontier = RentTriples();
        var current = right.Items;
        while (!current.IsEmpty)
        {
            CheckCancellation();
            var first = Conj(left, PreForall(direction, current, accumulator, required));
            if (first.IsEmpty)
                break;
            InsertAll(accumulator, first, frontier);
            current = CollectionsMarshal.AsSpan(frontier);
        }
        GiveBack(frontier);
        result = accumulator.ToSet();
        return true;
    }

    /// <summary>
    /// Coccinelle's <c>satEU_forAW</c>: whether E[φ U ψ], explored backward from ψ, has a triple at a loop node
    /// (ψ's own triples included, except those at <c>[after]</c> nodes: in
    /// <c>int r = 0; for (...) f(); if (r != 2) g(); return 3;</c> spatch 1.1.1 checks the plain until of
    /// <c>... when != r</c> though the <c>[after]</c> node of the test holds ψ and its test leads back to the
    /// loop). The search follows the bindings, as spatch 1.1.1 does: a state where φ holds
    /// only with bindings that contradict those reaching it from ψ stops the search there. So
    /// <c>T x = C; ... when != x  return x;</c> on <c>int r = 0; for (...) f(); r = 1; return r;</c> stops at
    /// <c>r = 1</c> (φ says x ≠ r, the return binds x = r) and the plain until decides, whereas with
    /// <c>if (n) r = 1;</c> the path through the test reaches the loop and the weak until decides.
    /// </summary>
    /// <remarks>
    /// Only the states reached matter, so the triples are searched without their witnesses and with only the
    /// bindings that can still stop the search: a positive binding of a variable φ mentions, a negative one of a
    /// variable φ binds positively somewhere (two negative bindings never contradict each other). Without that,
    /// each declaration on the way back from a plain ψ (an <c>[after]</c> node) doubles the triples, one per
    /// negated binding of <c>T x = C;</c>; arch/mips/dec/ecc-berr.c has fourteen such declarations.
    /// </remarks>
    private bool ExistsUntilMeetsLoop(Direction direction, TripleSet left, TripleSet right, StateSet? required)
    {
        var mentioned = new HashSet<int>();
        var positive = new HashSet<int>();
        foreach (var t in left.Items)
        {
            foreach (var key in t.Bindings.Keys)
            {
                mentioned.Add(BindingKey.Variable(key));
                if (!BindingKey.IsNegative(key))
                    positive.Add(BindingKey.Variable(key));
            }
        }
        var scratch = new List<long>();
        TripleSet Searched(TripleSet triples)
        {
            var output = new List<Triple>(triples.Count);
            foreach (var t in triples.Items)
            {
                scratch.Clear();
                foreach (var key in t.Bindings.Keys)
                {
                    var variable = BindingKey.Variable(key);
                    if (BindingKey.IsNegative(key) ? positive.Contains(variable) : mentioned.Contains(variable))
                        scratch.Add(key);
                }
                var bindings = scratch.Count == t.Bindings.Keys.Length ? t.Bindings : _tables.Bindings(CollectionsMarshal.AsSpan(scratch));
                output.Add(new Triple(t.State, bindings, WitnessSet.Empty));
            }
            return TripleSet.Create(output);
        }

        TripleSet WithoutAfterNodes(TripleSet triples)
        {
            var output = new List<Triple>(triples.Count);
            foreach (var t in triples.Items)
            {
                if (!_model.IsAfterNode(t.State))
                    output.Add(t);
            }
            return output.Count == triples.Count ? triples : TripleSet.Create(output);
        }

        var bareLeft = StripWitnesses(left);
        var accumulator = NewAccumulator(TripleSet.Empty);
        var frontier = RentTriples();
        InsertAll(accumulator, Searched(WithoutAfterNodes(right)), frontier);
        var metLoop = false;
        while (frontier.Count > 0 && !metLoop)
        {
            CheckCancellation();
            foreach (var t in frontier)
                metLoop |= _isLoopNode[t.State];
            if (!metLoop)
                InsertAll(accumulator, Searched(Conj(bareLeft, PreExist(direction, CollectionsMarshal.AsSpan(frontier), required))), frontier);
        }
        GiveBack(frontier);
        accumulator.GiveBack();
        return metLoop;
    }

    /// <summary>
    /// Coccinelle's <c>satAW</c>: greatest fixpoint of ψ ∨ (φ ∧ AX y), starting from ψ and φ without its witnesses,
    /// so that a path that loops forever contributes no witnesses, only the paths that leave the loop do.
    /// </summary>
    private TripleSet SatAW(Direction direction, TripleSet left, TripleSet right, StateSet? required)
    {
        if (left.IsEmpty)
            return right;
        var forall = new List<Triple>();
        var conj = new List<Triple>();
        return GreatestFixpoint(Union(StripWitnesses(left), right), [.. left.States().Union(right.States())], (state, y, output) =>
        {
            // ψ ∨ (φ ∧ AX y) at one state, with the union adding ψ's triples to the conjunction's.
            forall.Clear();
            if (required is null || required.Contains(state))
                ForallAt(direction, state, y, forall);
            conj.Clear();
            if (forall.Count > 0)
                ConjGroups(left.Group(state), CollectionsMarshal.AsSpan(forall), state, conj);
            Distinct(conj);
            foreach (var t in right.Group(state))
                InsertSubsuming(t, conj);
            output.AddRange(conj);
        });
    }

    /// <summary>
    /// Drops the triples another triple of the list subsumes. Without this, a triple that is redundant next to
    /// another can come and go from one round to the next, and the fixpoint never settles.
    /// </summary>
    private List<Triple> WithoutSubsumed(List<Triple> triples, List<Triple> kept)
    {
        if (triples.Count < 2)
            return triples;
        kept.Clear();
        foreach (var t in triples)
            InsertSubsuming(t, kept);
        return kept;
    }

    /// <summary>Coccinelle's <c>satAG</c>: greatest fixpoint of φ ∧ AX y.</summary>
    private TripleSet SatAG(Direction direction, TripleSet operand, StateSet? required)
    {
        var next = new List<Triple>();
        return GreatestFixpoint(operand, operand.States(), (state, y, output) =>
        {
            next.Clear();
            if (required is null || required.Contains(state))
                ForallAt(direction, state, y, next);
            if (next.Count > 0)
                ConjGroups(y.Group(state), CollectionsMarshal.AsSpan(next), state, output);
        });
    }

    /// <summary>Coccinelle's <c>satEG</c>: greatest fixpoint of φ ∧ EX y.</summary>
    private TripleSet SatEG(Direction direction, TripleSet operand, StateSet? required)
    {
        var next = new List<Triple>();
        return GreatestFixpoint(operand, operand.States(), (state, y, output) =>
        {
            next.Clear();
            if (required is null || required.Contains(state))
                ExistsAt(direction, state, y, next);
            if (next.Count > 0)
                ConjGroups(y.Group(state), CollectionsMarshal.AsSpan(next), state, output);
        });
    }

    /// <summary>
    /// Iterates y := f(y) from <paramref name="initial"/> until y ⊆ f(y), and returns that last f(y), as
    /// Coccinelle's <c>setgfix</c> does. f works state by state; after the first round, a state is recomputed only
    /// when its own triples or those of a next state changed, since f at a state depends on nothing else.
    /// </summary>
    /// <param name="domain">The states where f can be non-empty, sorted.</param>
    private TripleSet GreatestFixpoint(TripleSet initial, int[] domain, Action<int, ITripleIndex, List<Triple>> stepAt)
    {
        var y = NewAccumulator(initial);
        var inDomain = new bool[_stateCount];
        foreach (var s in domain)
            inDomain[s] = true;
        var dirty = new List<int>(domain);
        // PERF: a round's results for all its states in one list, each state's a range of it; the lists
        // f writes into and the subsumption works in are reused by every state.
        var produced = RentTriples();
        var updates = _fixpointUpdates ?? [];
        _fixpointUpdates = null; // a nested fixpoint (none today) would make its own
        var output = RentTriples();
        var kept = RentTriples();
        var changed = new List<int>();

        // Witnesses make f not monotone: a witness can travel round a loop and come back, round after
        // round. Past this many rounds a state keeps what it had as well as what f gives, which ends
        // the iteration with the union of the witnesses seen.
        int rounds = 0, settleAfter = 2 * domain.Length + 64;
        while (true)
        {
            CheckCancellation();
            updates.Clear();
            produced.Clear();
            bool settle = ++rounds > settleAfter;
            foreach (var s in dirty)
            {
                TickCancellation();
                output.Clear();
                stepAt(s, y, output);
                if (settle)
                    output.AddRange(y.Bucket(s));
                var triples = Distinct(WithoutSubsumed(output, kept));
                updates.Add((s, produced.Count, triples.Count));
                produced.AddRange(triples);
            }
            // Jacobi style: every state of the round is computed from the same y.
            changed.Clear();
            var grew = true;
            foreach (var (s, start, count) in updates)
            {
                var triples = CollectionsMarshal.AsSpan(produced).Slice(start, count);
                var bucket = y.Bucket(s);
                if (CollectionsMarshal.AsSpan(bucket).SequenceEqual(triples))
                    continue;
                grew &= IsSortedSubset(CollectionsMarshal.AsSpan(bucket), triples);
                changed.Add(s);
                bucket.Clear();
                bucket.AddRange(triples);
            }
            if (grew)
            {
                updates.Clear();
                _fixpointUpdates = updates;
                GiveBack(produced);
                GiveBack(output);
                GiveBack(kept);
                return y.ToSet();
            }
            var marks = NewMarks();
            var generation = _markGeneration;
            dirty.Clear();
            foreach (var s in changed)
            {
                if (inDomain[s] && marks[s] != generation)
                {
                    marks[s] = generation;
                    dirty.Add(s);
                }
                foreach (var p in Back(Direction.Forward, s))
                {
                    if (inDomain[p] && marks[p] != generation)
                    {
                        marks[p] = generation;
                        dirty.Add(p);
                    }
                }
                foreach (var p in Back(Direction.Backward, s))
                {
                    if (inDomain[p] && marks[p] != generation)
                    {
                        marks[p] = generation;
                        dirty.Add(p);
                    }
                }
            }
            dirty.Sort();
        }
    }

    private static bool IsSortedSubset(ReadOnlySpan<Triple> subset, ReadOnlySpan<Triple> set)
    {
        var j = 0;
        foreach (var t in subset)
        {
            while (j < set.Length && set[j] < t)
                j++;
            if (j == set.Length || set[j] != t)
                return false;
            j++;
        }
        return true;
    }
}
