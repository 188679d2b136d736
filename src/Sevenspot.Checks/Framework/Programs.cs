namespace Sevenspot.Checks;

/// <summary>
/// The programs of an analysed tree: which files are linked into one program (a module, an
/// architecture's kernel, a tool), for every fact bound by name across files — the function a
/// call reaches, the removers of a list link, the evidence that a bit is a lock. A tree holds
/// several programs, which may define the same names (two drivers, two architectures). Two files
/// are of one program when
/// <list type="bullet">
/// <item>they share an own header (<see cref="ProgramFile.Headers"/>: <c>#include "../include/cache.h"</c>
/// in <c>core/</c> and in <c>lookup/</c> is one header, <c>#include "cache.h"</c> in two sibling
/// folders is two; also through headers that include it); or</item>
/// <item>one uses a function the other defines, not exported, and the two are in one folder: the
/// use binds to the definition beside it (a call of an exported function, a library module's,
/// links nothing; two drivers of a folder that both call an unexported function elsewhere, an
/// architecture's <c>outb()</c>, are not one program);</item>
/// </list>
/// and programs are the components of that relation: the answer does not depend on the files'
/// names or order. Files of one folder that share nothing (single-file drivers side by side) are
/// programs of their own.
/// </summary>
public sealed class Programs
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    // Each file's program, once all are joined: read-only afterwards, so checks may ask from any thread.
    private readonly Dictionary<string, string> _program = new(StringComparer.Ordinal);

    private Programs()
    {
    }

    /// <summary>The programs of these files (one entry per file; a file not given is a program of its own).</summary>
    public static Programs Of(IEnumerable<ProgramFile> files)
    {
        var programs = new Programs();
        var byHeader = new Dictionary<string, string>(StringComparer.Ordinal);
        var definitions = new Dictionary<(string Folder, string Name), List<string>>();
        var list = files.ToList();
        foreach (var file in list)
        {
            foreach (string header in file.Headers)
            {
                if (byHeader.TryGetValue(header, out string? first))
                {
                    programs.Join(first, file.Path);
                }
                else
                {
                    byHeader[header] = file.Path;
                }
            }

            var exported = new HashSet<string>(file.Exported, StringComparer.Ordinal);
            string folder = ProgramFile.Folder(file.Path);
            foreach (string name in file.Defined)
            {
                if (exported.Contains(name))
                {
                    continue;
                }

                if (!definitions.TryGetValue((folder, name), out var paths))
                {
                    definitions[(folder, name)] = paths = [];
                }

                paths.Add(file.Path);
            }
        }

        foreach (var file in list)
        {
            string folder = ProgramFile.Folder(file.Path);
            foreach (string name in file.Uses)
            {
                if (definitions.TryGetValue((folder, name), out var paths))
                {
                    foreach (string path in paths)
                    {
                        programs.Join(file.Path, path);
                    }
                }
            }
        }

        foreach (var file in list)
        {
            programs._program[file.Path] = programs.Find(file.Path);
        }

        programs._parent.Clear();
        return programs;
    }

    /// <summary>The program of a file, named by the least path among its files.</summary>
    public string Of(string path) => _program.GetValueOrDefault(path, path);

    private string Find(string path)
    {
        while (_parent.TryGetValue(path, out string? up) && up != path)
        {
            string grand = _parent.GetValueOrDefault(up, up);
            _parent[path] = grand;
            path = grand;
        }

        return path;
    }

    /// <summary>Whether two files are of one program.</summary>
    public bool Same(string path, string otherPath) => path == otherPath || Of(path) == Of(otherPath);

    private void Join(string path, string otherPath)
    {
        string a = Find(path);
        string b = Find(otherPath);
        if (a == b)
        {
            return;
        }

        // The least path represents the program: the same whatever the order of the files.
        if (string.CompareOrdinal(a, b) < 0)
        {
            _parent[b] = a;
        }
        else
        {
            _parent[a] = b;
        }
    }
}
