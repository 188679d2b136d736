using System.Runtime.InteropServices;

namespace Sevenspot.Engine.Ctl;

internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    /// <summary>
    /// Coccinelle's <c>triples_conj</c>: for each state, every pair of triples with compatible substitutions
    /// gives a triple with the conjoined substitution and the union of the witnesses.
    /// </summary>
    private TripleSet Conj(TripleSet x, TripleSet y)
    {
        if (x.IsEmpty || y.IsEmpty)
            return TripleSet.Empty;
        // A plain triple is neutral for the conjunction at its state.
        if (y.IsPlain)
            return RestrictToStatesOf(x, y);
        if (x.IsPlain)
            return RestrictToStatesOf(y, x);
        var output = RentTriples();
        // PERF: walk the smaller set and look up the groups of the larger one, so that a small frontier
        // conjoined with a large operand in a fixpoint costs little.
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        var items = small.Items;
        var i = 0;
        while (i < items.Length)
        {
            var state = items[i].State;
            var end = i + 1;
            while (end < items.Length && items[end].State == state)
                end++;
            var other = large.Group(state);
            if (!other.IsEmpty)
                ConjGroups(items[i..end], other, state, output);
            i = end;
        }
        return ToSet(output);
    }

    /// <summary>Conjoins two groups of triples taken to be at <paramref name="state"/>.</summary>
    private void ConjGroups(ReadOnlySpan<Triple> x, ReadOnlySpan<Triple> y, int state, List<Triple> output)
    {
        foreach (var a in x)
        {
            TickCancellation();
            foreach (var b in y)
            {
                var bindings = ConjBindings(a.Bindings, b.Bindings);
                if (bindings is not null)
                    output.Add(new Triple(state, bindings, UnionWitnesses(a.Witnesses, b.Witnesses)));
            }
        }
    }

    /// <summary>The triples of <paramref name="x"/> at the states of <paramref name="y"/>.</summary>
    private static TripleSet RestrictToStatesOf(TripleSet x, TripleSet y)
    {
        var output = new List<Triple>(Math.Min(x.Count, y.Count));
        if (x.Count > 8 * y.Count)
        {
            // PERF: a large operand against a small frontier: copy the groups of the frontier's states.
            var last = -1;
            foreach (var t in y.Items)
            {
                if (t.State == last)
                    continue;
                last = t.State;
                foreach (var u in x.Group(t.State))
                    output.Add(u);
            }
        }
        else if (y.Count > 8 * x.Count)
        {
            // PERF: a small frontier against a large operand (fixpoints): look the states up.
            foreach (var t in x.Items)
            {
                if (y.ContainsState(t.State))
                    output.Add(t);
            }
        }
        else
        {
            var j = 0;
            var other = y.Items;
            foreach (var t in x.Items)
            {
                while (j < other.Length && other[j].State < t.State)
                    j++;
                if (j < other.Length && other[j].State == t.State)
                    output.Add(t);
            }
        }
        return output.Count == x.Count ? x : TripleSet.FromSorted([.. output]);
    }

    /// <summary>
    /// Coccinelle's <c>triples_conj_none</c>: ignores the states of <paramref name="y"/> (the result is at the
    /// states of <paramref name="x"/>), and each substitution of <paramref name="y"/> may only use variables bound on the left.
    /// </summary>
    private TripleSet ConjCovered(TripleSet x, ReadOnlySpan<Triple> y)
    {
        var output = RentTriples();
        foreach (var a in x.Items)
        {
            foreach (var b in y)
            {
                var bindings = ConjBindingsCovered(a.Bindings, b.Bindings);
                if (bindings is not null)
                    output.Add(new Triple(a.State, bindings, UnionWitnesses(a.Witnesses, b.Witnesses)));
            }
        }
        return ToSet(output);
    }

    /// <summary>
    /// Coccinelle's <c>triples_union</c> (with its new-information optimisation, which changes the result):
    /// a triple is dropped when another at the same state has the same witnesses and a substitution it
    /// entails, so only the least specific of such triples remain.
    /// </summary>
    private TripleSet Union(TripleSet x, TripleSet y)
    {
        if (x.IsEmpty || x.SetEquals(y))
            return y;
        if (y.IsEmpty)
            return UnionInto(x, TripleSet.Empty);
        return UnionInto(x, y);
    }

    private TripleSet UnionInto(TripleSet x, TripleSet y)
    {
        if (x.IsPlain && y.IsPlain)
            return PlainUnion(x, y);
        var output = RentTriples();
        var bucket = RentTriples();
        var a = x.Items;
        var b = y.Items;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var state = i == a.Length ? b[j].State
                : j == b.Length ? a[i].State
                : Math.Min(a[i].State, b[j].State);
            bucket.Clear();
            while (j < b.Length && b[j].State == state)
                bucket.Add(b[j++]);
            while (i < a.Length && a[i].State == state)
                InsertSubsuming(a[i++], bucket);
            output.AddRange(bucket);
        }
        GiveBack(bucket);
        return ToSet(output);
    }

    private static TripleSet PlainUnion(TripleSet x, TripleSet y)
    {
        var output = new List<Triple>(x.Count + y.Count);
        var a = x.Items;
        var b = y.Items;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && a[i].State < b[j].State))
                output.Add(a[i++]);
            else if (i == a.Length || b[j].State < a[i].State)
                output.Add(b[j++]);
            else
            {
                output.Add(a[i++]);
                j++;
            }
        }
        return TripleSet.FromSorted([.. output]);
    }

    /// <summary>
    /// Adds <paramref name="x"/> to the triples of its state, as <c>triples_union</c> does; returns whether it
    /// was added (it is dropped when an existing triple subsumes it).
    /// </summary>
    private bool InsertSubsuming(Triple x, List<Triple> bucket)
    {
        var k = 0;
        while (k < bucket.Count)
        {
            switch (Subsumes(x, bucket[k]))
            {
                case 1:
                    return false;
                case -1:
                    bucket.RemoveAt(k);
                    break;
                default:
                    k++;
                    break;
            }
        }
        bucket.Add(x);
        return true;
    }

    /// <summary>
    /// 1 when <paramref name="x"/> is redundant next to <paramref name="y"/> (same witnesses, substitution at least
    /// as specific), -1 when <paramref name="y"/> is redundant next to <paramref name="x"/>, 0 otherwise.
    /// Fewer witnesses are not less information, so only equal witness sets subsume.
    /// </summary>
    private int Subsumes(Triple x, Triple y)
    {
        if (!ReferenceEquals(x.Witnesses, y.Witnesses))
            return 0;
        var conj = ConjBindings(x.Bindings, y.Bindings);
        if (conj is null)
            return 0;
        if (ReferenceEquals(conj, x.Bindings))
            return 1;
        return ReferenceEquals(conj, y.Bindings) ? -1 : 0;
    }

    /// <summary>Adds the triples to a fixpoint's accumulator; <paramref name="added"/> receives the ones actually added (the new information).</summary>
    private void InsertAll(TripleAccumulator accumulator, TripleSet triples, List<Triple> added)
    {
        added.Clear();
        foreach (var t in triples.Items)
        {
            TickCancellation();
            if (InsertSubsuming(t, accumulator.Bucket(t.State)))
                added.Add(t);
        }
    }

    /// <summary>
    /// Coccinelle's <c>triples_complement</c> (constructive negation). A state of <paramref name="domain"/> with
    /// no triple gets the plain triple. A state with triples t1..tn gets the conjunction over i of "not ti",
    /// where "not (s, θ, W)" holds with the negation of any single binding of θ, or with θ and the negation of any
    /// single witness of W; so a plain triple makes the negation false at its state.
    /// </summary>
    private TripleSet Complement(StateSet domain, TripleSet triples)
    {
        if (triples.IsEmpty)
            return ReferenceEquals(domain, AllStates) ? AllTop : domain.PlainTriples;
        var output = RentTriples();
        var members = domain.Members;
        var items = triples.Items;
        int d = 0, i = 0;
        while (d < members.Length || i < items.Length)
        {
            if (i == items.Length || (d < members.Length && members[d] < items[i].State))
            {
                output.Add(new Triple(members[d++], BindingSet.Empty, WitnessSet.Empty));
                continue;
            }
            var state = items[i].State;
            var end = i + 1;
            while (end < items.Length && items[end].State == state)
                end++;
            NegateGroup(items[i..end], state, output);
            i = end;
            // A state outside the domain with triples still gets its negation, as in Coccinelle.
            if (d < members.Length && members[d] == state)
                d++;
        }
        return ToSet(output);
    }

    private void NegateGroup(ReadOnlySpan<Triple> group, int state, List<Triple> output)
    {
        foreach (var t in group)
        {
            if (t.IsPlain)
                return;
        }
        List<Triple>? accumulated = null;
        foreach (var t in group)
        {
            var negation = new List<Triple>(t.Bindings.Keys.Length + t.Witnesses.Items.Length);
            foreach (var key in t.Bindings.Keys)
                negation.Add(new Triple(state, _tables.Bindings([BindingKey.Negate(key)]), WitnessSet.Empty));
            foreach (var w in t.Witnesses.Items)
                negation.Add(new Triple(state, t.Bindings, _tables.Singleton(_tables.Negated(w))));
            if (accumulated is null)
            {
                accumulated = negation;
            }
            else
            {
                var next = new List<Triple>();
                ConjGroups(CollectionsMarshal.AsSpan(accumulated), CollectionsMarshal.AsSpan(negation), state, next);
                accumulated = Distinct(next);
            }
            if (accumulated.Count == 0)
                return;
        }
        output.AddRange(accumulated!);
    }

    private static List<Triple> Distinct(List<Triple> triples)
    {
        if (triples.Count < 2)
            return triples;
        var span = CollectionsMarshal.AsSpan(triples);
        span.Sort();
        var n = 1;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] != span[n - 1])
                span[n++] = span[i];
        }
        triples.RemoveRange(n, triples.Count - n);
        return triples;
    }

    /// <summary>Coccinelle's <c>unwitify</c>: drops the triples with negated witnesses and the witnesses of the others.</summary>
    private static TripleSet Unwitify(TripleSet triples)
    {
        if (triples.IsPlain)
            return triples;
        var output = new List<Triple>(triples.Count);
        foreach (var t in triples.Items)
        {
            if (!t.Witnesses.AnyNegated)
                output.Add(new Triple(t.State, t.Bindings, WitnessSet.Empty));
        }
        return TripleSet.Create(output);
    }

    /// <summary>The triples without their witnesses.</summary>
    private static TripleSet StripWitnesses(TripleSet triples)
    {
        if (triples.IsPlain)
            return triples;
        var output = new List<Triple>(triples.Count);
        foreach (var t in triples.Items)
            output.Add(new Triple(t.State, t.Bindings, WitnessSet.Empty));
        return TripleSet.Create(output);
    }

    /// <summary>Coccinelle's <c>drop_wits</c> (despite the name): keeps the triples at the required states.</summary>
    private static TripleSet Restrict(StateSet? required, TripleSet triples)
    {
        if (required is null || triples.IsEmpty)
            return triples;
        var items = triples.Items;
        var keep = 0;
        foreach (var t in items)
        {
            if (required.Contains(t.State))
                keep++;
        }
        if (keep == items.Length)
            return triples;
        var output = new Triple[keep];
        var k = 0;
        foreach (var t in items)
        {
            if (required.Contains(t.State))
                output[k++] = t;
        }
        return TripleSet.FromSorted(output);
    }

    /// <summary>
    /// Coccinelle's <c>triples_witness</c>, for ∃v: removes the bindings of v. A triple binding v negatively is
    /// dropped. With <paramref name="keep"/> (and outside Uncheck), the removed binding becomes a witness at the
    /// triple's state whose children are the triple's witnesses (a negated witness over their positive forms
    /// when they are all negated).
    /// </summary>
    private TripleSet Quantify(string variable, bool isUnchecked, bool keep, TripleSet triples)
    {
        if (!_variableIds.TryGetValue(variable, out var v) || !AnyBinds(triples, v))
            return triples; // nothing binds it: each triple would be kept as it is
        var output = RentTriples();
        foreach (var t in triples.Items)
        {
            var keys = t.Bindings.Keys.AsSpan();
            var start = 0;
            while (start < keys.Length && BindingKey.Variable(keys[start]) < v)
                start++;
            var end = start;
            while (end < keys.Length && BindingKey.Variable(keys[end]) == v)
                end++;
            if (start == end)
            {
                output.Add(t);
                continue;
            }
            var anyNegative = false;
            foreach (var k in keys[start..end])
                anyNegative |= BindingKey.IsNegative(k);
            if (anyNegative)
                continue;
            var rest = RemoveRange(keys, start, end);
            if (isUnchecked || !keep)
            {
                output.Add(new Triple(t.State, rest, t.Witnesses));
            }
            else if (!t.Witnesses.IsEmpty && t.Witnesses.AllNegated)
            {
                var positive = _idScratch;
                positive.Clear();
                foreach (var w in t.Witnesses.Items)
                    positive.Add(w.NegatedInner!.Id);
                CollectionsMarshal.AsSpan(positive).Sort();
                var children = _tables.Witnesses(CollectionsMarshal.AsSpan(positive));
                var wit = _tables.Witness(t.State, _tables.Bindings(keys[start..end]), children);
                output.Add(new Triple(t.State, rest, _tables.Singleton(_tables.Negated(wit))));
            }
            else
            {
                var wit = _tables.Witness(t.State, _tables.Bindings(keys[start..end]), t.Witnesses);
                output.Add(new Triple(t.State, rest, _tables.Singleton(wit)));
            }
        }
        return ToSet(output);
    }

    private static bool AnyBinds(TripleSet triples, int variable)
    {
        foreach (var t in triples.Items)
        {
            if (Binds(t.Bindings, variable))
                return true;
        }
        return false;
    }

    private static bool Binds(BindingSet bindings, int variable)
    {
        foreach (var k in bindings.Keys)
        {
            if (BindingKey.Variable(k) == variable)
                return true;
        }
        return false;
    }

    private BindingSet RemoveRange(ReadOnlySpan<long> keys, int start, int end)
    {
        if (start == 0 && end == keys.Length)
            return BindingSet.Empty;
        var rest = _keyScratch;
        rest.Clear();
        AddRange(rest, keys[..start]);
        AddRange(rest, keys[end..]);
        return _tables.Bindings(CollectionsMarshal.AsSpan(rest));
    }

    // ---- strictness (only effective with partial matching) ----

    /// <summary>
    /// Coccinelle's <c>filter_conj</c>: where <paramref name="partial"/> holds but <paramref name="unwanted"/> does not,
    /// as triples carrying negated witnesses.
    /// </summary>
    private TripleSet FilterConj(StateSet domain, TripleSet unwanted, TripleSet partial)
    {
        var x = Conj(Complement(domain, Unwitify(unwanted)), partial);
        return Conj(Unwitify(x), Complement(domain, x));
    }

    /// <summary>Coccinelle's <c>strict_triples_conj</c>.</summary>
    private TripleSet StrictConj(Strictness strictness, StateSet domain, TripleSet x, TripleSet y)
    {
        var result = Conj(x, y);
        if (!_partialMatch || strictness != Strictness.Strict)
            return result;
        var failLeft = FilterConj(domain, x, y);
        var failRight = FilterConj(domain, y, x);
        return Union(result, Union(failLeft, failRight));
    }

    /// <summary>Coccinelle's <c>strict_triples_conj_none</c>.</summary>
    private TripleSet StrictConjCovered(Strictness strictness, StateSet domain, TripleSet x, TripleSet y)
    {
        var result = ConjCovered(x, y.Items);
        if (!_partialMatch || strictness != Strictness.Strict)
            return result;
        var failLeft = FilterConj(domain, x, y);
        var failRight = FilterConj(domain, y, x);
        return Union(result, Union(failLeft, failRight));
    }

    /// <summary>Whether a universal operator of this strictness adds its partial matches (<see cref="WithFailures"/>).</summary>
    private bool KeepsFailures(Strictness strictness) => _partialMatch && strictness == Strictness.Strict;

    /// <summary>
    /// Coccinelle's <c>strict_A1</c>/<c>strict_A2</c>: adds the partial matches of a universal operator, from
    /// <paramref name="failing"/>, its existential counterpart. Callers compute that only when
    /// <see cref="KeepsFailures"/> (PERF: a delegate for it would be a closure per evaluation).
    /// </summary>
    private TripleSet WithFailures(StateSet? required, TripleSet result, TripleSet failing) =>
        Union(result, FilterConj(required ?? AllStates, result, failing));
}
