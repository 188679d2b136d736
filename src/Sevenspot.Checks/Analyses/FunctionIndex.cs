namespace Sevenspot.Checks;

/// <summary>
/// Resolves a call by name to the definitions it may reach across the tree: the file's own
/// static definition if there is one, else the non-static definitions of that name nearest to
/// the caller. A tree may hold several programs (two drivers, two architectures) that each
/// define the name: a call binds to the definitions in the folder closest to it (the most
/// leading folders in common with the caller's path). Several definitions at the same distance
/// are alternatives (configurations), and checks then require all of them to agree. With
/// <c>sameProgram</c> (<see cref="Programs.Same"/>), the definitions of the caller's own program
/// come before all others, wherever their folders are.
/// </summary>
public sealed class FunctionIndex<T>
    where T : class
{
    private static readonly IReadOnlyList<T> s_none = [];

    private readonly Dictionary<(string Path, string Name), T> _statics = [];
    private readonly Dictionary<string, List<T>> _globals = new(StringComparer.Ordinal);

    private readonly Func<T, string> _pathOf;
    private readonly Func<string, string, bool>? _sameProgram;

    public FunctionIndex(IEnumerable<T> functions, Func<T, string> name, Func<T, string> path, Func<T, bool> isStatic, Func<string, string, bool>? sameProgram = null)
    {
        _pathOf = path;
        _sameProgram = sameProgram;
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

        if (!_globals.TryGetValue(name, out var list))
        {
            return s_none;
        }

        if (_sameProgram is not null && list.FindAll(d => _sameProgram(callerPath, _pathOf(d))) is { Count: > 0 } own)
        {
            list = own;
        }

        return list.Count == 1 ? list : Nearest(list, callerPath);
    }

    private IReadOnlyList<T> Nearest(List<T> definitions, string callerPath)
    {
        int best = -1;
        List<T>? nearest = null;
        foreach (var definition in definitions)
        {
            int common = CommonFolders(_pathOf(definition), callerPath);
            if (common > best)
            {
                best = common;
                nearest = [definition];
            }
            else if (common == best)
            {
                nearest!.Add(definition);
            }
        }

        return nearest!.Count == definitions.Count ? definitions : nearest;
    }

    /// <summary>How many leading folders two file paths share.</summary>
    private static int CommonFolders(string a, string b)
    {
        int folders = 0;
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            if (a[i] == '/' || a[i] == '\\')
            {
                folders++;
            }

            i++;
        }

        return folders;
    }

    /// <summary>Every definition a name may mean anywhere (statics of all files and globals), for callers' lookups.</summary>
    public bool IsDefined(string name, string callerPath) => Resolve(name, callerPath).Count > 0;
}
