namespace Sevenspot.Checks;

/// <summary>
/// Which files of a tree belong to one program, for facts bound by name across files (the removers
/// of a link, the function a call reaches): two files are of one program when they are in the same
/// folder, or when both include one header of their own by the same path (quoted includes, read
/// from each file's folder: <c>#include "../include/cache.h"</c> in <c>core/</c> and in
/// <c>lookup/</c> is one header, <c>#include "cache.h"</c> in two sibling folders is two). Angled
/// includes (<c>&lt;linux/list.h&gt;</c>) are every program's and join nothing. Only the file's
/// own directives count: the headers a header includes are not read.
/// </summary>
public static class ProgramHeaders
{
    /// <summary>The headers a file includes by a quoted name, as paths of the tree (relative to the file's folder, <c>..</c> resolved).</summary>
    public static string[] Of(FileContext file)
    {
        string folder = Folder(file.Path);
        var headers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, quoted) in IncludeDirectives.Of(file).Names)
        {
            if (quoted && Resolve(folder, name) is { } path)
            {
                headers.Add(path);
            }
        }

        return [.. headers];
    }

    /// <summary>The folder of a file path (empty for a file at the top).</summary>
    public static string Folder(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>Whether two files are of one program: the same folder, or a quoted header both include.</summary>
    public static bool Joined(string path, IReadOnlyList<string> headers, string otherPath, IReadOnlyList<string> otherHeaders)
    {
        if (Folder(path) == Folder(otherPath))
        {
            return true;
        }

        foreach (string header in headers)
        {
            foreach (string other in otherHeaders)
            {
                if (header == other)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // folder/name with "." and ".." resolved (one that climbs above the tree's top keeps its leading "..").
    private static string? Resolve(string folder, string name)
    {
        var parts = new List<string>();
        foreach (string part in (folder.Length == 0 ? name : folder + "/" + name).Split('/', '\\'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0 || parts[^1] == "..")
                {
                    parts.Add(part);
                }
                else
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : (folder.StartsWith('/') ? "/" : string.Empty) + string.Join('/', parts);
    }
}
