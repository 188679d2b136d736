using System.Collections.Concurrent;
using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks;

/// <summary>
/// The own headers of a run's files (<see cref="ProgramFile.Headers"/>) and what each of them
/// includes, read from disk once per run: a driver's dozen headers are each included by all its
/// files, and their text is scanned for directives only once. Paths are kept as the run's single
/// copy (<see cref="NamePool"/>). One instance per <see cref="CheckRunner"/>, never shared between
/// runs: headers change between runs of a long process, and a run's paths are not another's.
/// It also owns what the checks read from the headers a file includes (guard classes, inline
/// functions), for the files of the run; <see cref="ForgetFileHeaders"/> drops those once every
/// file is read. Thread-safe: the workers of a run share it.
/// </summary>
public sealed class ProgramHeaders
{
    private readonly NamePool _names;

    private HeaderGuards? _guards;
    private HeaderInlines? _inlines;

    // The own headers each header on disk includes, by path.
    private readonly ConcurrentDictionary<string, string[]> _includes = new(StringComparer.Ordinal);

    // Whether a folder has an include/ folder of a program's own (not the kernel top's, which holds include/linux).
    private readonly ConcurrentDictionary<string, bool> _ownIncludeFolders = new(StringComparer.Ordinal);

    public ProgramHeaders(NamePool names)
    {
        _names = names;
    }

    /// <summary>The guard classes of the headers the run's files include, read once per run.</summary>
    internal HeaderGuards Guards
    {
        get
        {
            if (Volatile.Read(ref _guards) is { } guards)
            {
                return guards;
            }

            var made = new HeaderGuards();
            return Interlocked.CompareExchange(ref _guards, made, null) ?? made;
        }
    }

    /// <summary>The inline functions of the files' own headers that take over a reference, read once per run.</summary>
    internal HeaderInlines Inlines
    {
        get
        {
            if (Volatile.Read(ref _inlines) is { } inlines)
            {
                return inlines;
            }

            var made = new HeaderInlines();
            return Interlocked.CompareExchange(ref _inlines, made, null) ?? made;
        }
    }

    /// <summary>
    /// Drops what was read from the headers for the files' analyses (<see cref="Guards"/>,
    /// <see cref="Inlines"/>): the tree's analysis needs only the includes, and on a kernel tree
    /// those caches hold every header's parsed definitions. A file read after this reads them anew.
    /// </summary>
    public void ForgetFileHeaders()
    {
        Volatile.Write(ref _guards, null);
        Volatile.Write(ref _inlines, null);
    }

    /// <summary>
    /// The own headers a file includes itself, as paths of the tree: each quoted include resolved
    /// from the including file's folder (<c>..</c> resolved), an angled include found beside the
    /// file or in the <c>include/</c> folder of a folder above it that is not the kernel's top (a
    /// driver's <c>-I</c> headers: <c>&lt;nvif/os.h&gt;</c> under <c>nouveau/include/</c>).
    /// <c>&lt;linux/list.h&gt;</c> is every program's and is none of these.
    /// </summary>
    public string[] OwnHeaders(FileContext file)
    {
        string folder = ProgramFile.Folder(file.Path);
        var headers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, quoted) in IncludeDirectives.Of(file).Names)
        {
            if ((quoted ? Resolve(folder, name) : AngledOwnHeader(folder, name)) is { } path && Links(file.Path, path))
            {
                headers.Add(_names.Get(path));
            }
        }

        return [.. headers];
    }

    /// <summary>The own headers a header on disk includes (none when it is not there to read).</summary>
    public string[] IncludesOf(string header) => _includes.GetOrAdd(header, ReadIncludes);

    private string[] ReadIncludes(string header)
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

        string folder = ProgramFile.Folder(header);
        var found = new List<string>();
        foreach (var (name, quoted) in IncludeDirectives.Scan(text))
        {
            if ((quoted ? Resolve(folder, name) : AngledOwnHeader(folder, name)) is { } path && Links(header, path))
            {
                found.Add(_names.Get(path));
            }
        }

        return [.. found];
    }

    /// <summary>
    /// Whether an include makes the includer and the included file one program's. Not when it
    /// includes a source file (<c>#include "../../../../lib/decompress_inflate.c"</c> in each
    /// architecture's boot decompressor: a library compiled into every includer, which links them
    /// no more than calling a library's exported function does), nor when it crosses between
    /// user-space programs (a folder named <c>tools</c> or <c>scripts</c> on the path) and the
    /// kernel: a self-test including a kernel header borrows its definitions
    /// (<c>tools/testing/selftests/sgx</c> and <c>arch/x86/include/asm/sgx.h</c>).
    /// </summary>
    public static bool Links(string includer, string included) =>
        !included.EndsWith(".c", StringComparison.Ordinal) && IsUserSpace(includer) == IsUserSpace(included);

    private static bool IsUserSpace(string path)
    {
        foreach (string folder in path.Split('/', '\\'))
        {
            if (folder is "tools" or "scripts")
            {
                return true;
            }
        }

        return false;
    }

    // An angled include that is a program's own: beside the including file, or in the include/
    // folder of a folder above it that is not the kernel's top. Only looked for on disk.
    private string? AngledOwnHeader(string folder, string name)
    {
        if (Resolve(folder, name) is { } beside && File.Exists(beside))
        {
            return beside;
        }

        for (string up = folder; up.Length > 0; up = ProgramFile.Folder(up))
        {
            if (_ownIncludeFolders.GetOrAdd(up, static f => Directory.Exists(f + "/include") && !Directory.Exists(f + "/include/linux"))
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
