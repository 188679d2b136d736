using System.Runtime.InteropServices;

namespace Sevenspot.Engine.Ctl;

/// <summary>
/// The checker's form of a substitution: bindings packed as <see cref="BindingKey"/>s, sorted, interned per
/// check so that equal substitutions are the same object and compare by <see cref="Id"/>.
/// </summary>
internal sealed class BindingSet
{
    public static readonly BindingSet Empty = new(0, []);

    public BindingSet(int id, long[] keys)
    {
        Id = id;
        Keys = keys;
    }

    /// <summary>Creation order within one check; 0 for the empty substitution.</summary>
    public int Id { get; }

    public long[] Keys { get; }

    public bool IsEmpty => Keys.Length == 0;

    public override string ToString() => $"#{Id}[{string.Join("; ", Keys.Select(BindingKey.Format))}]";
}

/// <summary>
/// A binding packed into a long: variable id in the high 32 bits, then the negation bit, then the value id.
/// The natural order of the keys is Coccinelle's order of substitutions: by variable, positive before negative, then by value.
/// </summary>
internal static class BindingKey
{
    private const long NegativeBit = 0x8000_0000L;
    private const long ValueMask = 0x7FFF_FFFFL;

    public static long Make(int variable, int value, bool negative) =>
        ((long)variable << 32) | (negative ? NegativeBit : 0) | (uint)value;

    public static int Variable(long key) => (int)(key >> 32);

    public static int Value(long key) => (int)(key & ValueMask);

    public static bool IsNegative(long key) => (key & NegativeBit) != 0;

    public static long Negate(long key) => key ^ NegativeBit;

    public static string Format(long key) => $"v{Variable(key)} {(IsNegative(key) ? "-/->" : "-->")} {Value(key)}";
}

/// <summary>A node of a witness tree, interned per check: a witness (state, bindings, children) or the negation of one.</summary>
internal sealed class WitnessNode
{
    public WitnessNode(int id, int state, BindingSet bindings, WitnessSet children)
    {
        Id = id;
        State = state;
        Bindings = bindings;
        Children = children;
    }

    public WitnessNode(int id, WitnessNode negated)
    {
        Id = id;
        NegatedInner = negated;
        State = negated.State;
        Bindings = BindingSet.Empty;
        Children = WitnessSet.Empty;
    }

    public int Id { get; }

    /// <summary>Non-null for a negated witness: the witness it negates.</summary>
    public WitnessNode? NegatedInner { get; }

    public bool IsNegated => NegatedInner is not null;

    public int State { get; }

    public BindingSet Bindings { get; }

    public WitnessSet Children { get; }
}

/// <summary>A set of witnesses, sorted by id and interned per check.</summary>
internal sealed class WitnessSet
{
    public static readonly WitnessSet Empty = new(0, []);

    public WitnessSet(int id, WitnessNode[] items)
    {
        Id = id;
        Items = items;
        var negated = 0;
        foreach (var item in items)
        {
            if (item.IsNegated)
                negated++;
        }
        AnyNegated = negated > 0;
        AllNegated = negated == items.Length;
    }

    public int Id { get; }

    public WitnessNode[] Items { get; }

    public bool IsEmpty => Items.Length == 0;

    public bool AnyNegated { get; }

    /// <summary>True for the empty set too.</summary>
    public bool AllNegated { get; }
}

/// <summary>Interning tables for the substitutions and witnesses of one check.</summary>
internal sealed class InternTables
{
    private readonly Dictionary<long[], BindingSet> _bindingSets = new(SpanArrayComparer<long>.Instance);
    private readonly Dictionary<long[], BindingSet>.AlternateLookup<ReadOnlySpan<long>> _bindingSetLookup;
    private readonly Dictionary<int[], WitnessSet> _witnessSets = new(SpanArrayComparer<int>.Instance);
    private readonly Dictionary<int[], WitnessSet>.AlternateLookup<ReadOnlySpan<int>> _witnessSetLookup;
    private readonly Dictionary<(int State, int Bindings, int Children, int Negated), WitnessNode> _witnesses = [];
    private readonly List<WitnessNode> _witnessById = [null!];
    private readonly Dictionary<WitnessNode, WitnessSet> _singletons = new(ReferenceEqualityComparer.Instance);

    public InternTables()
    {
        _bindingSetLookup = _bindingSets.GetAlternateLookup<ReadOnlySpan<long>>();
        _witnessSetLookup = _witnessSets.GetAlternateLookup<ReadOnlySpan<int>>();
    }

    /// <summary>How many substitutions, witnesses and witness sets are interned.</summary>
    public int Count => _bindingSets.Count + _witnessById.Count + _witnessSets.Count;

    /// <summary>Forgets everything interned: the next ids are those of new tables.</summary>
    public void Clear()
    {
        _bindingSets.Clear();
        _witnessSets.Clear();
        _witnesses.Clear();
        _witnessById.Clear();
        _witnessById.Add(null!);
        _singletons.Clear();
    }

    /// <summary>The interned substitution with these keys, which must be sorted and distinct.</summary>
    public BindingSet Bindings(ReadOnlySpan<long> sortedKeys)
    {
        if (sortedKeys.IsEmpty)
            return BindingSet.Empty;
        if (_bindingSetLookup.TryGetValue(sortedKeys, out var existing))
            return existing;
        var keys = sortedKeys.ToArray();
        var created = new BindingSet(_bindingSets.Count + 1, keys);
        _bindingSets.Add(keys, created);
        return created;
    }

    public WitnessNode Witness(int state, BindingSet bindings, WitnessSet children)
    {
        var key = (state, bindings.Id, children.Id, 0);
        if (_witnesses.TryGetValue(key, out var existing))
            return existing;
        var created = new WitnessNode(_witnessById.Count, state, bindings, children);
        _witnessById.Add(created);
        _witnesses.Add(key, created);
        return created;
    }

    public WitnessNode Negated(WitnessNode inner)
    {
        var key = (inner.State, 0, 0, inner.Id);
        if (_witnesses.TryGetValue(key, out var existing))
            return existing;
        var created = new WitnessNode(_witnessById.Count, inner);
        _witnessById.Add(created);
        _witnesses.Add(key, created);
        return created;
    }

    /// <summary>The interned set of the witnesses with these ids, which must be sorted and distinct.</summary>
    public WitnessSet Witnesses(ReadOnlySpan<int> sortedIds)
    {
        if (sortedIds.IsEmpty)
            return WitnessSet.Empty;
        if (_witnessSetLookup.TryGetValue(sortedIds, out var existing))
            return existing;
        var ids = sortedIds.ToArray();
        var items = new WitnessNode[ids.Length];
        for (var i = 0; i < ids.Length; i++)
            items[i] = _witnessById[ids[i]];
        var created = new WitnessSet(_witnessSets.Count + 1, items);
        _witnessSets.Add(ids, created);
        return created;
    }

    public WitnessSet Singleton(WitnessNode witness)
    {
        if (_singletons.TryGetValue(witness, out var existing))
            return existing;
        var created = Witnesses([witness.Id]);
        _singletons.Add(witness, created);
        return created;
    }
}

/// <summary>Compares arrays by content, and lets dictionaries keyed by arrays be probed with spans.</summary>
internal sealed class SpanArrayComparer<T> : IEqualityComparer<T[]>, IAlternateEqualityComparer<ReadOnlySpan<T>, T[]>
    where T : unmanaged, IEquatable<T>
{
    public static readonly SpanArrayComparer<T> Instance = new();

    public bool Equals(T[]? x, T[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(T[] obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<T> alternate, T[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<T> alternate) => Hash(alternate);

    public T[] Create(ReadOnlySpan<T> alternate) => alternate.ToArray();

    private static int Hash(ReadOnlySpan<T> span)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(span));
        return hash.ToHashCode();
    }
}
