using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// A lock held at a point of a function. <see cref="Key"/> identifies the instance within the
/// function (the lock expression as written, or the kind for locks without one); <see cref="Class"/>
/// is its lock class across the tree when known ("struct dev.lock", "rtnl_mutex"). Kind is null
/// when only an annotation says the lock is held. Depth counts nesting (rcu_read_lock twice).
/// </summary>
public sealed record HeldLock(string Key, LockKind? Kind, string? Class, int Depth, SourceLocation Location, string Text, bool Nested)
{
    public bool IsAtomic => Kind is { } kind && kind.IsAtomic();
}

/// <summary>
/// The locks held at a point: <see cref="Must"/> on every path that reaches it, <see cref="May"/>
/// on at least one. Immutable; both lists are sorted by key. Checks that lean quiet report on
/// Must (a lock surely held) and on the absence from May (a lock surely not held).
/// </summary>
public sealed class LockState : IEquatable<LockState>
{
    public static readonly LockState Empty = new([], []);

    private LockState(HeldLock[] must, HeldLock[] may)
    {
        Must = must;
        May = may;
    }

    public IReadOnlyList<HeldLock> Must { get; }

    public IReadOnlyList<HeldLock> May { get; }

    private HeldLock[] MustArray => (HeldLock[])Must;

    private HeldLock[] MayArray => (HeldLock[])May;

    /// <summary>The first lock held on every path that makes the context atomic, by acquisition position.</summary>
    public HeldLock? FirstAtomic()
    {
        HeldLock? first = null;
        foreach (var held in MustArray)
        {
            if (held.IsAtomic && (first is null || held.Location.Span.Start < first.Location.Span.Start))
            {
                first = held;
            }
        }

        return first;
    }

    public bool MustHold(Func<HeldLock, bool> predicate) => MustArray.Any(predicate);

    public bool MayHold(Func<HeldLock, bool> predicate) => MayArray.Any(predicate);

    /// <summary>Takes a lock on this path: held on every path if <paramref name="surely"/>, otherwise only possibly.</summary>
    public LockState Acquire(HeldLock held, bool surely = true)
    {
        var must = surely ? Add(MustArray, held) : MustArray;
        var may = Add(MayArray, held);
        return new LockState(must, may);
    }

    /// <summary>Releases one level of the lock with this key, if held.</summary>
    public LockState Release(string key)
    {
        var must = Remove(MustArray, key);
        var may = Remove(MayArray, key);
        return ReferenceEquals(must, MustArray) && ReferenceEquals(may, MayArray) ? this : new LockState(must, may);
    }

    /// <summary>Where paths meet: Must keeps what both hold (the smaller depth), May what either holds (the larger).</summary>
    public static LockState Join(LockState left, LockState right)
    {
        if (ReferenceEquals(left, right))
        {
            return left;
        }

        var must = new List<HeldLock>();
        foreach (var l in left.MustArray)
        {
            if (Find(right.MustArray, l.Key) is { } r)
            {
                must.Add(Earlier(l, r) with { Depth = Math.Min(l.Depth, r.Depth) });
            }
        }

        var may = new List<HeldLock>();
        int i = 0, j = 0;
        var a = left.MayArray;
        var b = right.MayArray;
        while (i < a.Length || j < b.Length)
        {
            int c = i == a.Length ? 1 : j == b.Length ? -1 : string.CompareOrdinal(a[i].Key, b[j].Key);
            if (c < 0)
            {
                may.Add(a[i++]);
            }
            else if (c > 0)
            {
                may.Add(b[j++]);
            }
            else
            {
                may.Add(Earlier(a[i], b[j]) with { Depth = Math.Max(a[i].Depth, b[j].Depth) });
                i++;
                j++;
            }
        }

        return new LockState([.. must], [.. may]);
    }

    public bool Equals(LockState? other) =>
        other is not null && (ReferenceEquals(this, other) || (SameKeys(MustArray, other.MustArray) && SameKeys(MayArray, other.MayArray)));

    public override bool Equals(object? obj) => Equals(obj as LockState);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var held in MustArray)
        {
            hash.Add(held.Key);
            hash.Add(held.Depth);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"must [{string.Join(", ", MustArray.Select(h => h.Key + (h.Depth > 1 ? "x" + h.Depth : string.Empty)))}] may [{string.Join(", ", MayArray.Select(h => h.Key))}]";

    private static bool SameKeys(HeldLock[] a, HeldLock[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].Key != b[i].Key || a[i].Depth != b[i].Depth)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Of two records of one lock, the one taken first in the file, so joins do not depend on visiting order.</summary>
    private static HeldLock Earlier(HeldLock a, HeldLock b) => a.Location.Span.Start <= b.Location.Span.Start ? a : b;

    private static HeldLock? Find(HeldLock[] list, string key)
    {
        foreach (var held in list)
        {
            if (held.Key == key)
            {
                return held;
            }
        }

        return null;
    }

    private static HeldLock[] Add(HeldLock[] list, HeldLock held)
    {
        for (int i = 0; i < list.Length; i++)
        {
            int c = string.CompareOrdinal(list[i].Key, held.Key);
            if (c == 0)
            {
                var copy = (HeldLock[])list.Clone();
                copy[i] = list[i] with { Depth = Math.Min(list[i].Depth + 1, 8) };
                return copy;
            }

            if (c > 0)
            {
                var inserted = new HeldLock[list.Length + 1];
                Array.Copy(list, inserted, i);
                inserted[i] = held with { Depth = 1 };
                Array.Copy(list, i, inserted, i + 1, list.Length - i);
                return inserted;
            }
        }

        return [.. list, held with { Depth = 1 }];
    }

    private static HeldLock[] Remove(HeldLock[] list, string key)
    {
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i].Key != key)
            {
                continue;
            }

            if (list[i].Depth > 1)
            {
                var copy = (HeldLock[])list.Clone();
                copy[i] = list[i] with { Depth = list[i].Depth - 1 };
                return copy;
            }

            var removed = new HeldLock[list.Length - 1];
            Array.Copy(list, removed, i);
            Array.Copy(list, i + 1, removed, i, list.Length - i - 1);
            return removed;
        }

        return list;
    }
}
