using System.Collections.Concurrent;
using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>
/// What one file tells about the program it is linked into (<see cref="Programs"/>): its own
/// headers, the functions it defines for other files and those it exports to other modules, and
/// the functions of other files it uses (calls, or names as a value: a callback it registers, an
/// operations table it fills). Collected once per file, for every tree check that asks.
/// </summary>
/// <param name="Path">The file's path in the tree.</param>
/// <param name="Headers">
/// The file's own headers, as paths of the tree: each quoted include resolved from the including
/// file's folder (<c>..</c> resolved), an angled include found beside the file or in the
/// <c>include/</c> folder of a folder above it that is not the kernel's top (a driver's
/// <c>-I</c> headers: <c>&lt;nvif/os.h&gt;</c> under <c>nouveau/include/</c>), and, for headers
/// on disk, the own headers those include, transitively. <c>&lt;linux/list.h&gt;</c> is every
/// program's and is none of these.
/// </param>
/// <param name="Defined">The non-static functions the file defines.</param>
/// <param name="Exported">The functions it exports to other modules (<c>EXPORT_SYMBOL*()</c>): a use of those links nothing.</param>
/// <param name="Uses">The names of functions it may use that it does not define itself: callees, and bare names given as arguments or in file-scope initializers.</param>
public sealed record ProgramFile(string Path, string[] Headers, string[] Defined, string[] Exported, string[] Uses)
{
    // The own headers each header on disk includes, by path: read once per process.
    // PERF: headers are few against the files including them (a driver's dozen headers, each
    // included by all its files); the text of each is scanned for directives only once.
    private static readonly ConcurrentDictionary<string, string[]> s_headerIncludes = new(StringComparer.Ordinal);

    // Whether a folder has an include/ folder of a program's own (not the kernel top's, which holds include/linux).
    private static readonly ConcurrentDictionary<string, bool> s_ownIncludeFolders = new(StringComparer.Ordinal);

    /// <summary>The file's facts, collected on the first request and shared by the checks.</summary>
    public static ProgramFile Of(FileContext file) => file.GetShared(static f => Collect(f));

    /// <summary>The folder of a file path (empty for a file at the top).</summary>
    public static string Folder(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static ProgramFile Collect(FileContext file)
    {
        var defined = new SortedSet<string>(StringComparer.Ordinal);
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            string name = FunctionCensus.NameOf(function);
            own.Add(name);
            if (!SleepInAtomicCheck.IsStatic(function))
            {
                defined.Add(file.Name(name));
            }
        }

        var uses = new SortedSet<string>(StringComparer.Ordinal);
        void Use(string name)
        {
            if (!own.Contains(name) && !file.Primitives.IsPrimitive(name))
            {
                uses.Add(file.Name(name));
            }
        }

        foreach (var node in file.Tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.CallExpression)
            {
                if (SyntaxHelpers.CalleeName(node) is { } callee)
                {
                    Use(callee);
                }

                foreach (var argument in SyntaxHelpers.Arguments(node))
                {
                    if (SyntaxHelpers.StripParenthesesAndCasts(argument) is { Kind: SyntaxKind.IdentifierName } name)
                    {
                        Use(name.AsIdentifierName().Identifier.Text);
                    }
                }
            }
            else if (node.Kind == SyntaxKind.IdentifierName && !InFunction(file.Functions, node.Span.Start))
            {
                Use(node.AsIdentifierName().Identifier.Text);
            }
        }

        return new ProgramFile(file.Path, OwnHeaders(file), [.. defined], ExportedNames(file), [.. uses]);
    }

    // Whether an offset is inside one of the file's function definitions (given in file order): a
    // name outside them is in a file-scope declaration, an operations table's member or a handler array's element.
    private static bool InFunction(IReadOnlyList<SyntaxNode> functions, int offset)
    {
        int low = 0;
        int high = functions.Count - 1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            var span = functions[mid].Span;
            if (offset < span.Start)
            {
                high = mid - 1;
            }
            else if (offset >= span.End)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names a file exports to other modules: the argument of each <c>EXPORT_SYMBOL*()</c>.</summary>
    private static string[] ExportedNames(FileContext file)
    {
        // Read from the tokens: at file scope the parser may take the line for a declaration.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        int state = 0;
        foreach (var token in file.Tree.Root.DescendantTokens())
        {
            state = (state, token.Kind) switch
            {
                (_, SyntaxKind.IdentifierToken) when token.Text.StartsWith("EXPORT_SYMBOL", StringComparison.Ordinal) => 1,
                (1, SyntaxKind.OpenParenToken) => 2,
                (2, SyntaxKind.IdentifierToken) => 3,
                _ => 0,
            };
            if (state == 3)
            {
                names.Add(file.Name(token.Text));
                state = 0;
            }
        }

        return [.. names];
    }

    private static string[] OwnHeaders(FileContext file)
    {
        string folder = Folder(file.Path);
        var headers = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Add(string path)
        {
            if (headers.Add(path))
            {
                pending.Push(path);
            }
        }

        foreach (var (name, quoted) in IncludeDirectives.Of(file).Names)
        {
            if (quoted)
            {
                if (Resolve(folder, name) is { } path)
                {
                    Add(path);
                }
            }
            else if (AngledOwnHeader(folder, name) is { } path)
            {
                Add(path);
            }
        }

        while (pending.Count > 0)
        {
            foreach (string included in s_headerIncludes.GetOrAdd(pending.Pop(), IncludesOfHeader))
            {
                Add(included);
            }
        }

        return [.. headers];
    }

    // The own headers a header on disk includes (none when it is not there to read).
    private static string[] IncludesOfHeader(string header)
    {
        string text;
        try
        {
            if (!File.Exists(header))
            {
                return [];
            }

            text = File.ReadAllText(header);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        string folder = Folder(header);
        var found = new List<string>();
        foreach (var (name, quoted) in IncludeDirectives.Scan(text))
        {
            if ((quoted ? Resolve(folder, name) : AngledOwnHeader(folder, name)) is { } path)
            {
                found.Add(path);
            }
        }

        return [.. found];
    }

    // An angled include that is a program's own: beside the including file, or in the include/
    // folder of a folder above it that is not the kernel's top. Only looked for on disk.
    private static string? AngledOwnHeader(string folder, string name)
    {
        if (Resolve(folder, name) is { } beside && File.Exists(beside))
        {
            return beside;
        }

        for (string up = folder; up.Length > 0; up = Folder(up))
        {
            if (s_ownIncludeFolders.GetOrAdd(up, static f => Directory.Exists(f + "/include") && !Directory.Exists(f + "/include/linux"))
                && Resolve(up + "/include", name) is { } path && File.Exists(path))
            {
                return path;
            }
        }

        return null;
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
