using System.Text;

namespace Sevenspot.Engine;

/// <summary>
/// An immutable environment: metavariable name to value. Small (a rule has a handful of
/// metavariables), so a sorted array beats a tree.
/// </summary>
public sealed class Env : IEquatable<Env>
{
    public static readonly Env Empty = new([]);

    private readonly KeyValuePair<string, MetaValue>[] _entries;
    private int _hash;

    private Env(KeyValuePair<string, MetaValue>[] entries)
    {
        _entries = entries;
    }

    public int Count => _entries.Length;

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

    public IEnumerable<KeyValuePair<string, MetaValue>> Entries => _entries;

    /// <summary>The bindings in name order, without an enumerator (hot paths).</summary>
    public ReadOnlySpan<KeyValuePair<string, MetaValue>> EntrySpan => _entries;

    public IEnumerable<string> Names => _entries.Select(e => e.Key);

    public MetaValue? this[string name] => TryGet(name, out var v) ? v : null;

    public bool TryGet(string name, out MetaValue value)
    {
        int i = IndexOf(name);
        if (i >= 0)
        {
            value = _entries[i].Value;
            return true;
        }

        value = null!;
        return false;
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>This environment with name bound to value (replacing an existing binding).</summary>
    public Env Bind(string name, MetaValue value)
    {
        int i = IndexOf(name);
        if (i >= 0)
        {
            if (_entries[i].Value.Equals(value))
            {
                return this;
            }

            var copy = (KeyValuePair<string, MetaValue>[])_entries.Clone();
            copy[i] = new(name, value);
            return new Env(copy);
        }

        int insert = ~i;
        var entries = new KeyValuePair<string, MetaValue>[_entries.Length + 1];
        Array.Copy(_entries, entries, insert);
        entries[insert] = new(name, value);
        Array.Copy(_entries, insert, entries, insert + 1, _entries.Length - insert);
        return new Env(entries);
    }

    /// <summary>
    /// Binds name to value if unbound; if bound, succeeds only when the values are equal.
    /// Returns null on a conflict.
    /// </summary>
    public Env? TryBind(string name, MetaValue value)
    {
        int i = IndexOf(name);
        if (i >= 0)
        {
            return _entries[i].Value.Equals(value) ? this : null;
        }

        return Bind(name, value);
    }

    /// <summary>The union of two environments, or null if they disagree on a name.</summary>
    public Env? Merge(Env other)
    {
        var result = this;
        foreach (var (name, value) in other._entries)
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
        var kept = _entries.Where(e => names.Contains(e.Key)).ToArray();
        return kept.Length == _entries.Length ? this : new Env(kept);
    }

    public Env Remove(string name)
    {
        int i = IndexOf(name);
        if (i < 0)
        {
            return this;
        }

        var entries = new KeyValuePair<string, MetaValue>[_entries.Length - 1];
        Array.Copy(_entries, entries, i);
        Array.Copy(_entries, i + 1, entries, i, _entries.Length - i - 1);
        return new Env(entries);
    }

    private int IndexOf(string name)
    {
        int lo = 0, hi = _entries.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int c = string.CompareOrdinal(_entries[mid].Key, name);
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
        if (other is null || other._entries.Length != _entries.Length)
        {
            return false;
        }

        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Key != other._entries[i].Key || !_entries[i].Value.Equals(other._entries[i].Value))
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
            foreach (var (k, v) in _entries)
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
        foreach (var (k, v) in _entries)
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
