using System.Collections.Concurrent;

namespace Sevenspot.Checks;

/// <summary>
/// One copy of each name for a whole run. Tree checks keep the names of callees, lock classes
/// and bits of every function of the tree until the run ends; read from the syntax tree, each
/// occurrence is a string of its own, and on a kernel tree those copies outweigh the facts.
/// Thread-safe: the workers of a run share one pool.
/// </summary>
public sealed class NamePool
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The run's copy of <paramref name="name"/>.</summary>
    public string Get(string name) => _names.TryGetValue(name, out var kept) ? kept : _names.GetOrAdd(name, name);

    public int Count => _names.Count;
}
