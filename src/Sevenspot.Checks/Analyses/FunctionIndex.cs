namespace Sevenspot.Checks;

/// <summary>
/// Resolves a call by name to the definitions it may reach across the tree: the file's own
/// static definition if there is one, else every non-static definition of that name (several
/// when configurations define alternatives; checks then require all of them to agree).
/// </summary>
public sealed class FunctionIndex<T>
    where T : class
{
    private static readonly IReadOnlyList<T> s_none = [];

    private readonly Dictionary<(string Path, string Name), T> _statics = [];
    private readonly Dictionary<string, List<T>> _globals = new(StringComparer.Ordinal);

    public FunctionIndex(IEnumerable<T> functions, Func<T, string> name, Func<T, string> path, Func<T, bool> isStatic)
    {
        foreach (var function in functions)
        {
            if (isStatic(function))
            {
                _statics.TryAdd((path(function), name(function)), function);
            }
            else
            {
                if (!_globals.TryGetValue(name(function), out var list))
                {
                    _globals[name(function)] = list = [];
                }

                list.Add(function);
            }
        }
    }

    public IReadOnlyList<T> Resolve(string name, string callerPath)
    {
        if (_statics.TryGetValue((callerPath, name), out var local))
        {
            return [local];
        }

        return _globals.TryGetValue(name, out var list) ? list : s_none;
    }

    /// <summary>Every definition a name may mean anywhere (statics of all files and globals), for callers' lookups.</summary>
    public bool IsDefined(string name, string callerPath) => Resolve(name, callerPath).Count > 0;
}
