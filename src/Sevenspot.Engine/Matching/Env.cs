using System.Text;

namespace Sevenspot.Engine;

/// <summary>
/// An immutable environment: metavariable to value, keyed by the name's id
/// (<see cref="MetavariableIds"/>), so binding, lookup, equality and hashing compare integers. Small
/// (a rule has a handful of metavariables), so a sorted array beats a tree. Binding a new name, which
/// matching does at every step it tries (most of them abandoned), adds one link to the environment it
/// extends; the sorted array of a linked environment is made when first asked for (lookups past the
/// links, equality, hash). What is seen from outside (<see cref="EntrySpan"/>, printing) is in name
/// order, made once when asked for.
/// </summary>
public sealed class Env : IEquatable<Env>
{
    public static readonly Env Empty = new([]);

    /// <summary>The bindings in id order; null for a link not yet flattened.</summary>
    private KeyValuePair<int, MetaValue>[]? _entries;

    /// <summary>The bindings in name order; null until asked for.</summary>
    private KeyValuePair<string, MetaValue>[]? _byName;

    /// <summary>For a link: the environment extended, and the id it binds (unbound there) to the value.</summary>
    private readonly Env? _parent;
    private readonly int _id;
    private readonly MetaValue? _value;
    private readonly int _count;
    private int _hash;

    private Env(KeyValuePair<int, MetaValue>[] entries)
    {
        _entries = entries;
        _count = entries.Length;
    }

    private Env(Env parent, int id, MetaValue value)
    {
        _parent = parent;
        _id = id;
        _value = value;
        _count = parent._count + 1;
    }

    public int Count => _count;

    /// <summary>
    /// The environment of the first <paramref name="count"/> bindings of <paramref name="entries"/>
    /// (ids to values, an array the environment takes over), as binding them one by one gives: a later
    /// binding of an id replaces an earlier one.
    /// </summary>
    public static Env FromBindings(KeyValuePair<int, MetaValue>[] entries, int count)
    {
        if (count == 0)
        {
            return Empty;
        }

        // Insertion sort, stable: a rule has a handful of metavariables.
        for (int i = 1; i < count; i++)
        {
            var e = entries[i];
            int j = i - 1;
            while (j >= 0 && entries[j].Key > e.Key)
            {
                entries[j + 1] = entries[j];
                j--;
            }

            entries[j + 1] = e;
        }

        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (n > 0 && entries[n - 1].Key == entries[i].Key)
            {
                entries[n - 1] = entries[i];
            }
            else
            {
                entries[n++] = entries[i];
            }
        }

        if (n != entries.Length)
        {
            Array.Resize(ref entries, n);
        }

        return new Env(entries);
    }

    /// <summary>The bindings in id order, made once for a link.</summary>
    private KeyValuePair<int, MetaValue>[] Sorted => _entries ?? Flatten();

    private KeyValuePair<int, MetaValue>[] Flatten()
    {
        var entries = new KeyValuePair<int, MetaValue>[_count];
        var flat = this;
        while (flat._entries is null)
        {
            flat = flat._parent!;
        }

        // Another thread may flatten a link in between meanwhile: the walk stops at the same one.
        var baseEntries = flat._entries;
        Array.Copy(baseEntries, entries, baseEntries.Length);
        int n = baseEntries.Length;
        for (var e = this; !ReferenceEquals(e, flat); e = e._parent!)
        {
            // The ids of the links are distinct and unbound in the base.
            int i = n - 1;
            while (i >= 0 && entries[i].Key > e._id)
            {
                entries[i + 1] = entries[i];
                i--;
            }

            entries[i + 1] = new(e._id, e._value!);
            n++;
        }

        // Environments are shared between threads: publish the array whole.
        Volatile.Write(ref _entries, entries);
        return entries;
    }

    /// <summary>The bindings in name order, made once.</summary>
    private KeyValuePair<string, MetaValue>[] ByName => _byName ?? SortByName();

    private KeyValuePair<string, MetaValue>[] SortByName()
    {
        var sorted = Sorted;
        var byName = new KeyValuePair<string, MetaValue>[sorted.Length];
        for (int n = 0; n < sorted.Length; n++)
        {
            InsertByName(byName, n, MetavariableIds.NameOf(sorted[n].Key), sorted[n].Value);
        }

        Volatile.Write(ref _byName, byName);
        return byName;
    }

    public IEnumerable<KeyValuePair<string, MetaValue>> Entries => ByName;

    /// <summary>The bindings in name order, without an enumerator.</summary>
    public ReadOnlySpan<KeyValuePair<string, MetaValue>> EntrySpan => ByName;

    public IEnumerable<string> Names => ByName.Select(e => e.Key);

    public MetaValue? this[string name] => TryGet(name, out var v) ? v : null;

    public bool TryGet(string name, out MetaValue value)
    {
        if (MetavariableIds.TryFind(name, out int id))
        {
            return TryGet(id, out value);
        }

        value = null!;
        return false;
    }

    public bool TryGet(int id, out MetaValue value)
    {
        if (Find(id) is { } found)
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }

    public bool Contains(string name) => MetavariableIds.TryFind(name, out int id) && Find(id) is not null;

    public bool Contains(int id) => Find(id) is not null;

    /// <summary>This environment with name bound to value (replacing an existing binding).</summary>
    public Env Bind(string name, MetaValue value) => Bind(MetavariableIds.Of(name), value);

    /// <summary>This environment with the metavariable of this id bound to value (replacing an existing binding).</summary>
    public Env Bind(int id, MetaValue value)
    {
        if (Find(id) is not { } bound)
        {
            return new Env(this, id, value);
        }

        if (bound.Equals(value))
        {
            return this;
        }

        // Rare (a binding replaced): a flat copy, as links only add names.
        var copy = (KeyValuePair<int, MetaValue>[])Sorted.Clone();
        copy[IndexOf(copy, id)] = new(id, value);
        return new Env(copy);
    }

    /// <summary>
    /// Binds name to value if unbound; if bound, succeeds only when the values are equal.
    /// Returns null on a conflict.
    /// </summary>
    public Env? TryBind(string name, MetaValue value) => TryBind(MetavariableIds.Of(name), value);

    /// <summary><see cref="TryBind(string, MetaValue)"/> for the metavariable of this id.</summary>
    public Env? TryBind(int id, MetaValue value)
    {
        if (Find(id) is { } bound)
        {
            return bound.Equals(value) ? this : null;
        }

        return new Env(this, id, value);
    }

    /// <summary>The union of two environments, or null if they disagree on a name.</summary>
    public Env? Merge(Env other)
    {
        var result = this;
        foreach (var (id, value) in other.Sorted)
        {
            result = result.TryBind(id, value);
            if (result is null)
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>Only the bindings of the given names.</summary>
    public Env Restrict(IReadOnlySet<string> names)
    {
        var entries = Sorted;
        var kept = entries.Where(e => names.Contains(MetavariableIds.NameOf(e.Key))).ToArray();
        return kept.Length == entries.Length ? this : new Env(kept);
    }

    /// <summary>
    /// The bindings this environment adds to <paramref name="ancestor"/>, in name order, when it was made
    /// from it by binding new names (as matching from an environment does); null otherwise.
    /// </summary>
    internal KeyValuePair<string, MetaValue>[]? AddedTo(Env ancestor)
    {
        int count = _count - ancestor._count;
        if (count < 0)
        {
            return null;
        }

        var added = new KeyValuePair<string, MetaValue>[count];
        int n = 0;
        for (var e = this; !ReferenceEquals(e, ancestor); e = e._parent)
        {
            if (e._parent is null || n == count)
            {
                return null;
            }

            InsertByName(added, n++, MetavariableIds.NameOf(e._id), e._value!);
        }

        return added;
    }

    /// <summary>Inserts a binding into the first <paramref name="n"/> entries, kept in name order.</summary>
    private static void InsertByName(KeyValuePair<string, MetaValue>[] entries, int n, string name, MetaValue value)
    {
        int i = n - 1;
        while (i >= 0 && string.CompareOrdinal(entries[i].Key, name) > 0)
        {
            entries[i + 1] = entries[i];
            i--;
        }

        entries[i + 1] = new(name, value);
    }

    /// <summary>The value of an id: along the links, then in the first flat environment.</summary>
    private MetaValue? Find(int id)
    {
        var e = this;
        while (true)
        {
            var entries = e._entries;
            if (entries is not null)
            {
                int i = IndexOf(entries, id);
                return i >= 0 ? entries[i].Value : null;
            }

            if (e._id == id)
            {
                return e._value;
            }

            e = e._parent!;
        }
    }

    private static int IndexOf(KeyValuePair<int, MetaValue>[] entries, int id)
    {
        int lo = 0, hi = entries.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int key = entries[mid].Key;
            if (key == id)
            {
                return mid;
            }

            if (key < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    public bool Equals(Env? other)
    {
        if (other is null || other._count != _count)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var entries = Sorted;
        var otherEntries = other.Sorted;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].Key != otherEntries[i].Key || !entries[i].Value.Equals(otherEntries[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is Env e && Equals(e);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = new HashCode();
            foreach (var (id, v) in Sorted)
            {
                h.Add(id);
                h.Add(v);
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        foreach (var (k, v) in ByName)
        {
            if (sb.Length > 1)
            {
                sb.Append(", ");
            }

            sb.Append(k).Append(" = ").Append(v.Key);
        }

        return sb.Append('}').ToString();
    }
}
