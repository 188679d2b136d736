using System.Runtime.InteropServices;

namespace Sevenspot.Engine.Ctl;

/// <summary>The checker's triple: a state, a substitution and a set of witnesses.</summary>
internal readonly struct Triple : IEquatable<Triple>, IComparable<Triple>
{
    public Triple(int state, BindingSet bindings, WitnessSet witnesses)
    {
        State = state;
        Bindings = bindings;
        Witnesses = witnesses;
    }

    public int State { get; }

    public BindingSet Bindings { get; }

    public WitnessSet Witnesses { get; }

    /// <summary>No bindings and no witnesses: the triple says only that the formula holds at the state.</summary>
    public bool IsPlain => Bindings.IsEmpty && Witnesses.IsEmpty;

    public Triple WithState(int state) => new(state, Bindings, Witnesses);

    public bool Equals(Triple other) =>
        State == other.State && ReferenceEquals(Bindings, other.Bindings) && ReferenceEquals(Witnesses, other.Witnesses);

    public override bool Equals(object? obj) => obj is Triple other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(State, Bindings.Id, Witnesses.Id);

    public int CompareTo(Triple other)
    {
        var c = State.CompareTo(other.State);
        if (c != 0)
            return c;
        c = Bindings.Id.CompareTo(other.Bindings.Id);
        return c != 0 ? c : Witnesses.Id.CompareTo(other.Witnesses.Id);
    }

    public static bool operator ==(Triple left, Triple right) => left.Equals(right);

    public static bool operator !=(Triple left, Triple right) => !left.Equals(right);

    public static bool operator <(Triple left, Triple right) => left.CompareTo(right) < 0;

    public static bool operator >(Triple left, Triple right) => left.CompareTo(right) > 0;

    public static bool operator <=(Triple left, Triple right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Triple left, Triple right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"({State}, {Bindings}, w#{Witnesses.Id})";
}

/// <summary>Triples grouped by state, so that the triples of one state can be found quickly.</summary>
internal interface ITripleIndex
{
    ReadOnlySpan<Triple> Group(int state);
}

/// <summary>An immutable set of triples, sorted by state, then substitution id, then witness-set id.</summary>
internal sealed class TripleSet : ITripleIndex
{
    public static readonly TripleSet Empty = new([], isPlain: true);

    private readonly Triple[] _items;

    private TripleSet(Triple[] items, bool isPlain)
    {
        _items = items;
        IsPlain = isPlain;
    }

    public int Count => _items.Length;

    public bool IsEmpty => _items.Length == 0;

    /// <summary>Every triple is plain, so the set is just a set of states.</summary>
    public bool IsPlain { get; }

    public ReadOnlySpan<Triple> Items => _items;

    public Triple this[int index] => _items[index];

    /// <summary>Takes ownership of <paramref name="items"/>, which must be sorted and distinct.</summary>
    public static TripleSet FromSorted(Triple[] items)
    {
        if (items.Length == 0)
            return Empty;
        var plain = true;
        foreach (var t in items)
        {
            if (!t.IsPlain)
            {
                plain = false;
                break;
            }
        }
        return new TripleSet(items, plain);
    }

    /// <summary>Sorts and removes duplicates.</summary>
    public static TripleSet Create(List<Triple> items)
    {
        if (items.Count == 0)
            return Empty;
        var span = CollectionsMarshal.AsSpan(items);
        // PERF: most producers emit triples in state order already.
        var sorted = true;
        for (var i = 1; i < span.Length && sorted; i++)
            sorted = span[i - 1] < span[i];
        if (sorted)
            return FromSorted(span.ToArray());
        span.Sort();
        var n = 1;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] != span[n - 1])
                span[n++] = span[i];
        }
        return FromSorted(span[..n].ToArray());
    }

    /// <summary>Sorts and removes duplicates in <paramref name="items"/>, which the set may keep.</summary>
    public static TripleSet CreateOwned(Triple[] items)
    {
        var span = items.AsSpan();
        var sorted = true;
        for (var i = 1; i < span.Length && sorted; i++)
            sorted = span[i - 1] < span[i];
        if (sorted)
            return FromSorted(items);
        span.Sort();
        var n = 1;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] != span[n - 1])
                span[n++] = span[i];
        }
        return FromSorted(n == items.Length ? items : span[..n].ToArray());
    }

    public static TripleSet Plain(ReadOnlySpan<int> sortedStates)
    {
        if (sortedStates.IsEmpty)
            return Empty;
        var items = new Triple[sortedStates.Length];
        for (var i = 0; i < items.Length; i++)
            items[i] = new Triple(sortedStates[i], BindingSet.Empty, WitnessSet.Empty);
        return new TripleSet(items, isPlain: true);
    }

    public ReadOnlySpan<Triple> Group(int state)
    {
        var start = LowerBound(state);
        var end = start;
        while (end < _items.Length && _items[end].State == state)
            end++;
        return _items.AsSpan(start, end - start);
    }

    public bool ContainsState(int state)
    {
        var i = LowerBound(state);
        return i < _items.Length && _items[i].State == state;
    }

    /// <summary>The distinct states of the set, in order.</summary>
    public int[] States()
    {
        // PERF: counted first, so the array is the only allocation.
        var count = 0;
        for (var i = 0; i < _items.Length; i++)
        {
            if (i == 0 || _items[i - 1].State != _items[i].State)
                count++;
        }
        var result = new int[count];
        var k = 0;
        for (var i = 0; i < _items.Length; i++)
        {
            if (i == 0 || _items[i - 1].State != _items[i].State)
                result[k++] = _items[i].State;
        }
        return result;
    }

    public bool Contains(Triple triple) => _items.AsSpan().BinarySearch(triple) >= 0;

    /// <summary>Whether every triple of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(TripleSet other)
    {
        if (ReferenceEquals(this, other))
            return true;
        var j = 0;
        foreach (var t in _items)
        {
            while (j < other._items.Length && other._items[j] < t)
                j++;
            if (j == other._items.Length || other._items[j] != t)
                return false;
            j++;
        }
        return true;
    }

    public bool SetEquals(TripleSet other) =>
        ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items);

    private int LowerBound(int state)
    {
        int lo = 0, hi = _items.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].State < state)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    public override string ToString() => $"{{{string.Join(", ", _items)}}}";
}

/// <summary>A set of states as a bit set with its sorted members.</summary>
internal sealed class StateSet
{
    private readonly ulong[] _bits;

    private StateSet(ulong[] bits, int[] members)
    {
        _bits = bits;
        Members = members;
    }

    public int[] Members { get; }

    public int Count => Members.Length;

    private TripleSet? _plainTriples;

    /// <summary>True at these states: a plain triple per state, made once per set.</summary>
    public TripleSet PlainTriples => _plainTriples ??= TripleSet.Plain(Members);

    public bool Contains(int state) => (uint)state < (uint)(_bits.Length * 64) && (_bits[state >> 6] & (1UL << state)) != 0;

    public static StateSet FromBits(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
            count += System.Numerics.BitOperations.PopCount(word);
        var members = new int[count];
        var k = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                members[k++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
        return new StateSet(bits, members);
    }

    public static StateSet FromSorted(int[] sortedStates, int stateCount)
    {
        var bits = NewBits(stateCount);
        foreach (var s in sortedStates)
            bits[s >> 6] |= 1UL << s;
        return new StateSet(bits, sortedStates);
    }

    public static ulong[] NewBits(int stateCount) => new ulong[(stateCount + 63) >> 6];

    public override string ToString() => $"{{{string.Join(", ", Members)}}}";
}

/// <summary>
/// The growing set of a least fixpoint, in per-state buckets. New triples are added as Coccinelle's
/// <c>triples_union</c> adds them: a triple whose substitution is more specific than an existing one with the
/// same witnesses is dropped, and existing ones more specific than the new one are removed.
/// </summary>
/// <remarks>
/// PERF: the buckets and their array come from the checker's <see cref="TriplePool"/> and go back to it
/// when the set is taken (<see cref="ToSet"/>); the accumulator is not used after that.
/// </remarks>
internal sealed class TripleAccumulator : ITripleIndex
{
    private readonly List<Triple>?[] _buckets;
    private readonly TriplePool _pool;
    private readonly int _stateCount;

    public TripleAccumulator(int stateCount, TripleSet initial, TriplePool pool)
    {
        _pool = pool;
        _stateCount = stateCount;
        _buckets = pool.RentBuckets(stateCount);
        foreach (var t in initial.Items)
            (_buckets[t.State] ??= pool.Rent()).Add(t);
    }

    public ReadOnlySpan<Triple> Group(int state) =>
        _buckets[state] is { } bucket ? CollectionsMarshal.AsSpan(bucket) : [];

    public List<Triple> Bucket(int state) => _buckets[state] ??= _pool.Rent();

    /// <summary>The set of the triples gathered; the buckets go back to the pool.</summary>
    public TripleSet ToSet()
    {
        // PERF: the buckets are copied once, into the set's own array.
        var count = 0;
        for (var s = 0; s < _stateCount; s++)
            count += _buckets[s]?.Count ?? 0;
        var items = count == 0 ? [] : new Triple[count];
        var k = 0;
        for (var s = 0; s < _stateCount; s++)
        {
            if (_buckets[s] is not { } bucket)
                continue;
            CollectionsMarshal.AsSpan(bucket).CopyTo(items.AsSpan(k));
            k += bucket.Count;
        }
        GiveBack();
        return count == 0 ? TripleSet.Empty : TripleSet.CreateOwned(items);
    }

    /// <summary>Gives the buckets back to the pool without taking the set (a search that only needed the states reached).</summary>
    public void GiveBack()
    {
        for (var s = 0; s < _stateCount; s++)
        {
            if (_buckets[s] is not { } bucket)
                continue;
            _pool.GiveBack(bucket);
            _buckets[s] = null;
        }
        _pool.GiveBackBuckets(_buckets);
    }
}

/// <summary>
/// The lists of triples a checker works in, and the bucket arrays of its fixpoints, kept from one operation
/// (and one check) to the next instead of allocated each time. A list or array is given back empty.
/// </summary>
internal sealed class TriplePool
{
    private readonly Stack<List<Triple>> _lists = new();
    private readonly Stack<List<Triple>?[]> _buckets = new();

    public List<Triple> Rent() => _lists.TryPop(out var list) ? list : [];

    public void GiveBack(List<Triple> list)
    {
        list.Clear();
        _lists.Push(list);
    }

    /// <summary>An array of at least <paramref name="length"/> empty buckets.</summary>
    public List<Triple>?[] RentBuckets(int length) =>
        _buckets.TryPeek(out var array) && array.Length >= length ? _buckets.Pop() : new List<Triple>?[length];

    /// <summary>Gives back an array whose buckets are all null again.</summary>
    public void GiveBackBuckets(List<Triple>?[] array) => _buckets.Push(array);

    /// <summary>Drops what one very large check left, so that it is not kept for every later check.</summary>
    public void Trim(int limit)
    {
        if (_lists.Count > limit / 8)
        {
            _lists.Clear();
        }
        else
        {
            foreach (var list in _lists)
            {
                if (list.Capacity > limit)
                {
                    _lists.Clear();
                    break;
                }
            }
        }
        if (_buckets.TryPeek(out var array) && array.Length > limit)
            _buckets.Clear();
    }
}
