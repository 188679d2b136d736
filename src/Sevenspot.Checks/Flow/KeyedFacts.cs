using System.Collections.Immutable;

namespace Sevenspot.Checks.Flow;

/// <summary>A fact about something named by a key at a point: where it became true, and a note (the call that made it).</summary>
public sealed record Fact(string Key, SourceLocation Location, string Note);

/// <summary>
/// Facts true on every path (<see cref="Must"/>) and on some path (<see cref="May"/>) reaching a
/// point, by key: "the element e-&gt;node is linked", "the reference t is held". Immutable.
/// Where two paths carry the same key, the fact from earlier in the file is kept, so joins do
/// not depend on the order the solver visits paths.
/// </summary>
public sealed class KeyedFacts : IEquatable<KeyedFacts>
{
    public static readonly KeyedFacts Empty = new(ImmutableSortedDictionary.Create<string, Fact>(StringComparer.Ordinal), ImmutableSortedDictionary.Create<string, Fact>(StringComparer.Ordinal));

    private KeyedFacts(ImmutableSortedDictionary<string, Fact> must, ImmutableSortedDictionary<string, Fact> may)
    {
        Must = must;
        May = may;
    }

    public ImmutableSortedDictionary<string, Fact> Must { get; }

    public ImmutableSortedDictionary<string, Fact> May { get; }

    public KeyedFacts Add(Fact fact, bool surely = true) =>
        new(surely ? Must.SetItem(fact.Key, fact) : Must, May.SetItem(fact.Key, fact));

    public KeyedFacts Remove(string key) =>
        Must.ContainsKey(key) || May.ContainsKey(key) ? new KeyedFacts(Must.Remove(key), May.Remove(key)) : this;

    /// <summary>Removes every fact whose key the predicate selects (a variable assigned, a lock dropped).</summary>
    public KeyedFacts RemoveWhere(Func<string, bool> predicate)
    {
        var must = Must.Keys.Where(predicate).ToList();
        var may = May.Keys.Where(predicate).ToList();
        return must.Count == 0 && may.Count == 0 ? this : new KeyedFacts(Must.RemoveRange(must), May.RemoveRange(may));
    }

    public static KeyedFacts Join(KeyedFacts left, KeyedFacts right)
    {
        if (ReferenceEquals(left, right))
        {
            return left;
        }

        var must = left.Must;
        foreach (var (key, fact) in left.Must)
        {
            if (!right.Must.TryGetValue(key, out var other))
            {
                must = must.Remove(key);
            }
            else if (other.Location.Span.Start < fact.Location.Span.Start)
            {
                must = must.SetItem(key, other);
            }
        }

        var may = left.May;
        foreach (var (key, fact) in right.May)
        {
            if (!may.TryGetValue(key, out var mine) || fact.Location.Span.Start < mine.Location.Span.Start)
            {
                may = may.SetItem(key, fact);
            }
        }

        return new KeyedFacts(must, may);
    }

    public bool Equals(KeyedFacts? other) =>
        other is not null && (ReferenceEquals(this, other) || (Must.Keys.SequenceEqual(other.Must.Keys) && May.Keys.SequenceEqual(other.May.Keys)));

    public override bool Equals(object? obj) => Equals(obj as KeyedFacts);

    public override int GetHashCode() => HashCode.Combine(Must.Count, May.Count);

    public override string ToString() => $"must [{string.Join(", ", Must.Keys)}] may [{string.Join(", ", May.Keys)}]";
}
