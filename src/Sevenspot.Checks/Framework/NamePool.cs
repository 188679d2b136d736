namespace Sevenspot.Checks;

/// <summary>
/// One copy of each name for a whole run. Tree checks keep the names of callees, lock classes
/// and bits of every function of the tree until the run ends; read from the syntax tree, each
/// occurrence is a string of its own, and on a kernel tree those copies outweigh the facts.
/// Thread-safe: the workers of a run share one pool. A set under a lock, not a concurrent
/// dictionary: a kernel tree keeps hundreds of thousands of names, and a set entry is a third
/// of a concurrent dictionary's node; the workers are few, so the lock is rarely contended.
/// </summary>
public sealed class NamePool
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The run's copy of <paramref name="name"/>.</summary>
    public string Get(string name)
    {
        lock (_lock)
        {
            if (_names.TryGetValue(name, out var kept))
            {
                return kept;
            }

            _names.Add(name);
            return name;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _names.Count;
            }
        }
    }
}
