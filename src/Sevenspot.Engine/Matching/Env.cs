using System.Text;

namespace Sevenspot.Engine;

/// <summary>
/// An immutable environment: metavariable name to value. Small (a rule has a handful of
/// metavariables), so a sorted array beats a tree. Binding a new name, which matching does at every
/// step it tries (most of them abandoned), adds one link to the environment it extends; the sorted
/// array of a linked environment is made when first asked for (its entries, equality, hash).
/// </summary>
public sealed class Env : IEquatable<Env>
{
    public static readonly Env Empty = new([]);

    /// <summary>The bindings in name order; null for a link not yet flattened.</summary>
    private KeyValuePair<string, MetaValue>[]? _entries;

    /// <summary>For a link: the environment extended, and the name it binds (unbound there) to the value.</summary>
    private readonly Env? _parent;
    private readonly string? _name;
    private readonly MetaValue? _value;
    private readonly int _count;
    private int _hash;

    private Env(KeyValuePair<string, MetaValue>[] entries)
    {
        _entries = entries;
        _count = entries.Length;
    }

    private Env(Env parent, string name, MetaValue value)
    {
        _parent = parent;
        _name = name;
        _value = value;
        _count = parent._count + 1;
    }

    public int Count => _count;

    /// <summary>
    /// The environment of the first <paramref name="count"/> bindings of <paramref name="entries"/>
    /// (an array the environment takes over), as binding them one by one gives: a later binding of a
    /// name replaces an earlier one.
    /// </summary>
    public static Env FromBindings(KeyValuePair<string, MetaValue>[] entries, int count)
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
            while (j >= 0 && string.CompareOrdinal(entries[j].Key, e.Key) > 0)
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

    /// <summary>The bindings in name order, made once for a link.</summary>
    private KeyValuePair<string, MetaValue>[] Sorted => _entries ?? Flatten();

    private KeyValuePair<string, MetaValue>[] Flatten()
    {
        var entries = new KeyValuePair<string, MetaValue>[_count];
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
            // The names of the links are distinct and unbound in the base.
            InsertSorted(entries, n++, e);
        }

        // Environments are shared between threads: publish the array whole.
        Volatile.Write(ref _entries, entries);
        return entries;
    }

    public IEnumerable<KeyValuePair<string, MetaValue>> Entries => Sorted;

    /// <summary>The bindings in name order, without an enumerator (hot paths).</summary>
    public ReadOnlySpan<KeyValuePair<string, MetaValue>> EntrySpan => Sorted;

    public IEnumerable<string> Names => Sorted.Select(e => e.Key);

    public MetaValue? this[string name] => TryGet(name, out var v) ? v : null;

    public bool TryGet(string name, out MetaValue value)
    {
        if (Find(name) is { } found)
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }

    public bool Contains(string name) => Find(name) is not null;

    /// <summary>This environment with name bound to value (replacing an existing binding).</summary>
    public Env Bind(string name, MetaValue value)
    {
        if (Find(name) is not { } bound)
        {
            return new Env(this, name, value);
        }

        if (bound.Equals(value))
        {
            return this;
        }

        // Rare (a binding replaced): a flat copy, as links only add names.
        var copy = (KeyValuePair<string, MetaValue>[])Sorted.Clone();
        copy[IndexOf(copy, name)] = new(name, value);
        return new Env(copy);
    }

    /// <summary>
    /// Binds name to value if unbound; if bound, succeeds only when the values are equal.
    /// Returns null on a conflict.
    /// </summary>
    public Env? TryBind(string name, MetaValue value)
    {
        if (Find(name) is { } bound)
        {
            return bound.Equals(value) ? this : null;
        }

        return new Env(this, name, value);
    }

    /// <summary>The union of two environments, or null if they disagree on a name.</summary>
    public Env? Merge(Env other)
    {
        var result = this;
        foreach (var (name, value) in other.Sorted)
        {
            result = result.TryBind(name, value);
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
        var kept = entries.Where(e => names.Contains(e.Key)).ToArray();
        return kept.Length == entries.Length ? this : new Env(kept);
    }

    public Env Remove(string name)
    {
        var sorted = Sorted;
        int i = IndexOf(sorted, name);
        if (i < 0)
        {
            return this;
        }

        var entries = new KeyValuePair<string, MetaValue>[sorted.Length - 1];
        Array.Copy(sorted, entries, i);
        Array.Copy(sorted, i + 1, entries, i, sorted.Length - i - 1);
        return new Env(entries);
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

            InsertSorted(added, n++, e);
        }

        return added;
    }

    /// <summary>Inserts the binding of a link into the first <paramref name="n"/> entries, kept in name order.</summary>
    private static void InsertSorted(KeyValuePair<string, MetaValue>[] entries, int n, Env link)
    {
        int i = n - 1;
        while (i >= 0 && string.CompareOrdinal(entries[i].Key, link._name) > 0)
        {
            entries[i + 1] = entries[i];
            i--;
        }

        entries[i + 1] = new(link._name!, link._value!);
    }

    /// <summary>The value of a name: along the links, then in the first flat environment.</summary>
    private MetaValue? Find(string name)
    {
        var e = this;
        while (true)
        {
            var entries = e._entries;
            if (entries is not null)
            {
                int i = IndexOf(entries, name);
                return i >= 0 ? entries[i].Value : null;
            }

            if (string.Equals(e._name, name))
            {
                return e._value;
            }

            e = e._parent!;
        }
    }

    private static int IndexOf(KeyValuePair<string, MetaValue>[] entries, string name)
    {
        int lo = 0, hi = entries.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int c = string.CompareOrdinal(entries[mid].Key, name);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
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
            foreach (var (k, v) in Sorted)
            {
                h.Add(k);
                h.Add(v);
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        foreach (var (k, v) in Sorted)
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
