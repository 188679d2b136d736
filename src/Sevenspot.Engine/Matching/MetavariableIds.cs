using System.Collections.Concurrent;

namespace Sevenspot.Engine;

/// <summary>
/// A small integer for each metavariable name an environment binds ("x" of a rule, "r.x" of an
/// inherited binding, "iso:x" of an isomorphism's own metavariable, "virtual.x", "s.y" of a script's
/// output), given once for the process and never taken back: environments key their bindings by it,
/// so binding, lookup, equality and hashing compare integers. Names are made as rules are compiled
/// and run, and runs in one process (tests) share the table.
/// </summary>
public static class MetavariableIds
{
    private static readonly ConcurrentDictionary<string, int> s_ids = new(StringComparer.Ordinal);
    private static readonly Lock s_lock = new();
    private static string[] s_names = new string[64];
    private static int s_count;

    /// <summary>The id of a name, given it on first sight.</summary>
    public static int Of(string name) => s_ids.TryGetValue(name, out int id) ? id : Add(name);

    /// <summary>The id of a name already given one; false for a name no environment has bound.</summary>
    public static bool TryFind(string name, out int id) => s_ids.TryGetValue(name, out id);

    public static string NameOf(int id) => Volatile.Read(ref s_names)[id];

    private static int Add(string name)
    {
        lock (s_lock)
        {
            if (s_ids.TryGetValue(name, out int id))
            {
                return id;
            }

            id = s_count;
            var names = s_names;
            if (id == names.Length)
            {
                Array.Resize(ref names, id * 2);
                Volatile.Write(ref s_names, names);
            }

            // The name is in the array before its id can be read from the dictionary.
            names[id] = name;
            s_count = id + 1;
            s_ids[name] = id;
            return id;
        }
    }
}
