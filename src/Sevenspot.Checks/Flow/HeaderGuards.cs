using System.Collections.Concurrent;
using System.Text;
using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// Guard classes defined in the headers a file includes (<c>DEFINE_GUARD</c>,
/// <c>DEFINE_LOCK_GUARD_0/1</c>, their <c>_COND</c> forms and <c>DEFINE_CLASS</c> in
/// include/linux/*.h, or a driver's own header), as
/// <see cref="GuardDefinitions"/> reads them in the file itself. Headers are read from disk: a
/// quoted include beside the including file, then, as an angle include is, in the include/ folder
/// of the nearest enclosing folder that has one (the tree's root); and the headers they include,
/// to the end. Each header is read and its definitions parsed once per run (cached by path), and
/// only for a file that uses a guard class neither the tables nor the file itself define. One
/// instance per run, owned by the run's <see cref="ProgramHeaders"/>: headers change between runs
/// of a long process, and a finished run's headers are not kept. Thread-safe.
/// </summary>
internal sealed class HeaderGuards
{
    private sealed class Header
    {
        public required string[] Includes { get; init; }

        public required Dictionary<string, GuardDefinition> Definitions { get; init; }
    }

    // The headers read, by path, with the primitive tables their definitions were read with.
    private readonly ConcurrentDictionary<(string Path, PrimitiveTables Primitives), Header?> _headers = new();

    // The include/ folder a source folder's angle includes resolve in, or "" when none encloses it.
    private readonly ConcurrentDictionary<string, string> _includeRoots = new(StringComparer.Ordinal);

    private static readonly string[] s_markers = ["DEFINE_GUARD", "DEFINE_LOCK_GUARD_0", "DEFINE_LOCK_GUARD_1", "DEFINE_GUARD_COND", "DEFINE_LOCK_GUARD_0_COND", "DEFINE_LOCK_GUARD_1_COND", "DEFINE_CLASS"];

    /// <summary>The guard classes the file's headers define, by name; empty when the file is not on disk.</summary>
    public Dictionary<string, GuardDefinition> Of(FileContext file)
    {
        var result = new Dictionary<string, GuardDefinition>(StringComparer.Ordinal);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(file.Path));
        if (directory is null || !File.Exists(file.Path))
        {
            return result;
        }

        string includeRoot = IncludeRoot(directory);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var (name, quoted) in IncludeDirectives.Of(file).Names)
        {
            if (Resolve(name, quoted, directory, includeRoot) is { } path && seen.Add(path))
            {
                pending.Push(path);
            }
        }

        while (pending.Count > 0)
        {
            string path = pending.Pop();
            if (_headers.GetOrAdd((path, file.Primitives), static key => Read(key.Path, key.Primitives)) is not { } header)
            {
                continue;
            }

            foreach (var (name, definition) in header.Definitions)
            {
                result.TryAdd(name, definition);
            }

            string here = Path.GetDirectoryName(path)!;
            foreach (string include in header.Includes)
            {
                bool quoted = include[0] == '"';
                if (Resolve(include[1..], quoted, here, includeRoot) is { } next && seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return result;
    }

    private static string? Resolve(string name, bool quoted, string directory, string includeRoot)
    {
        if (quoted)
        {
            string beside = Path.GetFullPath(Path.Combine(directory, name));
            if (File.Exists(beside))
            {
                return beside;
            }
        }

        if (includeRoot.Length > 0)
        {
            string inRoot = Path.GetFullPath(Path.Combine(includeRoot, name));
            if (File.Exists(inRoot))
            {
                return inRoot;
            }
        }

        return null;
    }

    private string IncludeRoot(string directory) => _includeRoots.GetOrAdd(directory, static start =>
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "include");
            if (Directory.Exists(Path.Combine(candidate, "linux")))
            {
                return candidate;
            }
        }

        return string.Empty;
    });

    private static Header? Read(string path, PrimitiveTables primitives)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var includes = new List<string>();
        foreach (var (name, quoted) in IncludeDirectives.Scan(text))
        {
            includes.Add((quoted ? "\"" : "<") + name);
        }

        var definitions = new Dictionary<string, GuardDefinition>(StringComparer.Ordinal);
        if (GuardTexts(text) is { Length: > 0 } guards)
        {
            // Only the definitions are parsed, not the header: they stand alone as file-scope items.
            var tree = Parser.Parse(guards, path);
            foreach (var (name, definition) in GuardDefinitions.ReadAll(tree, primitives))
            {
                definitions.TryAdd(name, definition);
            }
        }

        return new Header { Includes = [.. includes], Definitions = definitions };
    }

    /// <summary>The guard definitions of a header's text, each a macro use from its name to its closing parenthesis, one a line.</summary>
    private static string GuardTexts(string text)
    {
        var sb = new StringBuilder();
        foreach (string marker in s_markers)
        {
            int at = 0;
            while ((at = text.IndexOf(marker, at, StringComparison.Ordinal)) >= 0)
            {
                int open = at + marker.Length;
                bool startsWord = at == 0 || !(char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_');
                at = open;
                if (!startsWord || open >= text.Length || text[open] != '(' || LineStartsWithDirective(text, at))
                {
                    continue;
                }

                int depth = 0;
                int end = open;
                for (; end < text.Length; end++)
                {
                    if (text[end] == '(')
                    {
                        depth++;
                    }
                    else if (text[end] == ')' && --depth == 0)
                    {
                        break;
                    }
                }

                if (end < text.Length)
                {
                    // Line continuations of a definition inside a macro body are not C.
                    sb.Append(text.AsSpan(at - marker.Length, end + 1 - (at - marker.Length)).ToString().Replace("\\\n", "\n", StringComparison.Ordinal)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether the line holding a position is a preprocessor directive (<c>#define DEFINE_GUARD(...)</c> defines the macro, it does not use it).</summary>
    private static bool LineStartsWithDirective(string text, int at)
    {
        int start = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        while (start < at && text[start] is ' ' or '\t')
        {
            start++;
        }

        return start < text.Length && text[start] == '#';
    }
}
