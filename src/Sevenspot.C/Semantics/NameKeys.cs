namespace Sevenspot.C.Semantics;

/// <summary>
/// Gives every spelling seen during one annotation a small integer key. Names of the annotated
/// tree keep their own name ids as keys, so the common case needs no translation; names of other
/// trees (headers, macro bodies) are mapped once per tree, through their spelling.
/// </summary>
internal sealed class NameKeys
{
    private readonly NameTable _main;
    private readonly int _mainCount;
    private readonly Dictionary<string, int> _extra = new(StringComparer.Ordinal);
    private readonly List<string> _extraNames = [];

    public NameKeys(NameTable main)
    {
        _main = main;
        _mainCount = main.Count;
    }

    /// <summary>Number of keys handed out so far (an upper bound for key-indexed arrays).</summary>
    public int Count => _mainCount + _extra.Count;

    /// <summary>The key of every name id of another tree's name table.</summary>
    public int[] Map(NameTable names)
    {
        var map = new int[names.Count];
        for (int id = 1; id < map.Length; id++)
        {
            map[id] = GetOrAdd(names.GetString(id));
        }

        return map;
    }

    /// <summary>The key of a spelling, adding it if new.</summary>
    public int GetOrAdd(string name)
    {
        int key = Find(name);
        if (key >= 0)
        {
            return key;
        }

        key = _mainCount + _extra.Count;
        _extra.Add(name, key);
        _extraNames.Add(name);
        return key;
    }

    /// <summary>The key of a spelling, or -1 when no tree of this annotation has it.</summary>
    public int Find(string name)
    {
        // Ids interned into the main table after the annotation started are not keys.
        int id = _main.Find(name);
        if (id > 0 && id < _mainCount)
        {
            return id;
        }

        return _extra.TryGetValue(name, out int key) ? key : -1;
    }

    public string GetName(int key) => key < _mainCount ? _main.GetString(key) : _extraNames[key - _mainCount];
}
