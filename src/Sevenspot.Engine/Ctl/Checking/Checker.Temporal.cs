namespace Sevenspot.Engine.Ctl;

internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    private int[]? _marks;
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
        var output = new List<Triple>(triples.Length);
        foreach (var t in triples)
        {
            foreach (var p in Back(direction, t.State))
            {
                if (required is null || required.Contains(p))
                    output.Add(t.WithState(p));
            }
        }
        return TripleSet.Create(output);
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
        var output = new List<Triple>();
        var accumulated = new List<Triple>();
        var next = new List<Triple>();
        foreach (var p in candidates)
        {
            var children = Ahead(direction, p);
            var allPlain = true;
            var missing = false;
            foreach (var c in children)
            {
                var group = all.Group(c);
                if (group.IsEmpty)
                {
                    missing = true;
                    break;
                }
                allPlain &= group.Length == 1 && group[0].IsPlain;
            }
            if (missing)
                continue;
            if (allPlain)
            {
                output.Add(new Triple(p, BindingSet.Empty, WitnessSet.Empty));
                continue;
            }
            accumulated.Clear();
            foreach (var t in all.Group(children[0]))
                accumulated.Add(t.WithState(p));
            for (var k = 1; k < children.Length && accumulated.Count > 0; k++)
            {
                var group = all.Group(children[k]);
                if (group.Length == 1 && group[0].IsPlain)
                    continue;
                next.Clear();
                ConjGroups(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(accumulated), group, p, next);
                (accumulated, next) = (Distinct(next), accumulated);
            }
            output.AddRange(accumulated);
        }
        return TripleSet.Create(output);
    }

    /// <summary>Coccinelle's <c>satEU</c>: least fixpoint of ψ ∨ (φ ∧ EX y), propagating only the new triples.</summary>
    private TripleSet SatEU(Direction direction, TripleSet left, TripleSet right, StateSet? required)
    {
        if (left.IsEmpty)
            return right;
        var accumulator = new TripleAccumulator(_stateCount, right);
        IReadOnlyList<Triple> frontier = right.Items.ToArray();
        while (frontier.Count > 0)
        {
            CheckCancellation();
            var first = Conj(left, PreExist(direction, AsSpan(frontier), required));
            frontier = InsertAll(accumulator, first);
        }
        return accumulator.ToSet();
    }

    /// <summary>Coccinelle's <c>satEF</c>.</summary>
    private TripleSet SatEF(Direction direction, TripleSet operand, StateSet? required)
    {
        var accumulator = new TripleAccumulator(_stateCount, operand);
        IReadOnlyList<Triple> frontier = operand.Items.ToArray();
        while (frontier.Count > 0)
        {
            CheckCancellation();
            frontier = InsertAll(accumulator, PreExist(direction, AsSpan(frontier), required));
        }
        return accumulator.ToSet();
    }

    /// <summary>Coccinelle's <c>satAF</c> (used when the code has no loops).</summary>
    private TripleSet SatAF(Direction direction, TripleSet operand, StateSet? required)
    {
        var accumulator = new TripleAccumulator(_stateCount, operand);
        IReadOnlyList<Triple> frontier = operand.Items.ToArray();
        while (frontier.Count > 0)
        {
            CheckCancellation();
            frontier = InsertAll(accumulator, PreForall(direction, AsSpan(frontier), accumulator, required));
        }
        return accumulator.ToSet();
    }

    /// <summary>
    /// Coccinelle's <c>satAU</c>: least fixpoint of ψ ∨ (φ ∧ AX y). Returns false (Coccinelle's <c>AUfailed</c>)
    /// when the code has loops and going back from ψ through φ reaches a loop node: the caller then checks
    /// the weak until instead, so that paths staying in the loop forever do not count.
    /// </summary>
    private bool TrySatAU(Direction direction, TripleSet left, TripleSet right, StateSet? required, out TripleSet result)
    {
        result = right;
        if (left.IsEmpty)
            return true;
        if (_hasLoops && BackwardSearchMeetsLoop(direction, left, right, required))
            return false;
        var accumulator = new TripleAccumulator(_stateCount, right);
        IReadOnlyList<Triple> frontier = right.Items.ToArray();
        while (frontier.Count > 0)
        {
            CheckCancellation();
            var first = Conj(left, PreForall(direction, AsSpan(frontier), accumulator, required));
            if (first.IsEmpty)
                break;
            frontier = InsertAll(accumulator, first);
        }
        result = accumulator.ToSet();
        return true;
    }

    /// <summary>
    /// Coccinelle's <c>satEU_forAW</c> on the bare states: whether E[φ U ψ], explored backward from ψ,
    /// meets a loop node (ψ's own states included).
    /// </summary>
    private bool BackwardSearchMeetsLoop(Direction direction, TripleSet left, TripleSet right, StateSet? required)
    {
        var leftStates = StateSet.FromSorted(left.States(), _stateCount);
        var visited = new bool[_stateCount];
        var frontier = new List<int>();
        foreach (var s in right.States())
        {
            visited[s] = true;
            frontier.Add(s);
        }
        var next = new List<int>();
        while (frontier.Count > 0)
        {
            foreach (var s in frontier)
            {
                if (_isLoopNode[s])
                    return true;
            }
            next.Clear();
            foreach (var s in frontier)
            {
                foreach (var p in Back(direction, s))
                {
                    if (!visited[p] && leftStates.Contains(p) && (required is null || required.Contains(p)))
                    {
                        visited[p] = true;
                        next.Add(p);
                    }
                }
            }
            (frontier, next) = (next, frontier);
        }
        return false;
    }

    /// <summary>
    /// Coccinelle's <c>satAW</c>: greatest fixpoint of ψ ∨ (φ ∧ AX y), starting from ψ and φ without its witnesses,
    /// so that a path that loops forever contributes no witnesses, only the paths that leave the loop do.
    /// </summary>
    private TripleSet SatAW(Direction direction, TripleSet left, TripleSet right, StateSet? required)
    {
        if (left.IsEmpty)
            return right;
        var y = Union(StripWitnesses(left), right);
        while (true)
        {
            CheckCancellation();
            var next = Union(right, Conj(left, PreForall(direction, y.Items, y, required)));
            if (y.IsSubsetOf(next))
                return next;
            y = next;
        }
    }

    /// <summary>Coccinelle's <c>satAG</c>: greatest fixpoint of φ ∧ AX y.</summary>
    private TripleSet SatAG(Direction direction, TripleSet operand, StateSet? required)
    {
        var y = operand;
        while (true)
        {
            CheckCancellation();
            var next = Conj(y, PreForall(direction, y.Items, y, required));
            if (y.IsSubsetOf(next))
                return next;
            y = next;
        }
    }

    /// <summary>Coccinelle's <c>satEG</c>: greatest fixpoint of φ ∧ EX y.</summary>
    private TripleSet SatEG(Direction direction, TripleSet operand, StateSet? required)
    {
        var y = operand;
        while (true)
        {
            CheckCancellation();
            var next = Conj(y, PreExist(direction, y.Items, required));
            if (y.IsSubsetOf(next))
                return next;
            y = next;
        }
    }

    private static ReadOnlySpan<Triple> AsSpan(IReadOnlyList<Triple> triples) => triples switch
    {
        Triple[] array => array,
        List<Triple> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        _ => triples.ToArray(),
    };
}
