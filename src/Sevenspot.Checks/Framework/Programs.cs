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
/// folders is two; also through headers that include it; an included source file, or a header
/// crossing between user-space tools and the kernel, joins nothing: <see cref="ProgramHeaders.Links"/>); or</item>
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
    // Each file's program, once all are joined: read-only afterwards, so checks may ask from any thread.
    private readonly Dictionary<string, string> _program;

    private Programs(Dictionary<string, string> program)
    {
        _program = program;
    }

    /// <summary>
    /// The programs of these files (one entry per file; a file not given is a program of its own);
    /// <paramref name="headers"/> tells what the files' own headers include.
    /// </summary>
    public static Programs Of(IReadOnlyList<ProgramFile> files, ProgramHeaders headers)
    {
        // Files are the nodes 0..n-1; each own header reached from them is a node after those. A
        // file is joined with the headers it includes, and a header with those it includes: two
        // files are then joined exactly when the headers they reach meet (every header on a path
        // between them is reached from some file, which reaches all the headers that one includes).
        var parent = new List<int>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            parent.Add(i);
        }

        var headerNodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var unread = new Stack<string>();
        int HeaderNode(string header)
        {
            if (!headerNodes.TryGetValue(header, out int node))
            {
                node = parent.Count;
                parent.Add(node);
                headerNodes[header] = node;
                unread.Push(header);
            }

            return node;
        }

        var definitions = new Dictionary<(string Folder, string Name), List<int>>();
        for (int i = 0; i < files.Count; i++)
        {
            foreach (string header in files[i].Headers)
            {
                Join(parent, i, HeaderNode(header));
            }

            string folder = ProgramFile.Folder(files[i].Path);
            foreach (string name in files[i].Defined)
            {
                if (!definitions.TryGetValue((folder, name), out var defining))
                {
                    definitions[(folder, name)] = defining = [];
                }

                defining.Add(i);
            }
        }

        while (unread.Count > 0)
        {
            string header = unread.Pop();
            int node = headerNodes[header];
            foreach (string included in headers.IncludesOf(header))
            {
                Join(parent, node, HeaderNode(included));
            }
        }

        for (int i = 0; i < files.Count; i++)
        {
            string folder = ProgramFile.Folder(files[i].Path);
            foreach (string name in files[i].Uses)
            {
                if (definitions.TryGetValue((folder, name), out var defining))
                {
                    foreach (int other in defining)
                    {
                        Join(parent, i, other);
                    }
                }
            }
        }

        // The least path of its files names a program: the same whatever the order of the files.
        var least = new Dictionary<int, string>();
        for (int i = 0; i < files.Count; i++)
        {
            int root = Find(parent, i);
            if (!least.TryGetValue(root, out string? name) || string.CompareOrdinal(files[i].Path, name) < 0)
            {
                least[root] = files[i].Path;
            }
        }

        var program = new Dictionary<string, string>(files.Count, StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++)
        {
            program[files[i].Path] = least[Find(parent, i)];
        }

        return new Programs(program);
    }

    /// <summary>The program of a file, named by the least path among its files.</summary>
    public string Of(string path) => _program.GetValueOrDefault(path, path);

    /// <summary>Whether two files are of one program.</summary>
    public bool Same(string path, string otherPath) => path == otherPath || Of(path) == Of(otherPath);

    private static int Find(List<int> parent, int node)
    {
        while (parent[node] != node)
        {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }

        return node;
    }

    private static void Join(List<int> parent, int node, int otherNode)
    {
        int a = Find(parent, node);
        int b = Find(parent, otherNode);
        if (a != b)
        {
            parent[Math.Max(a, b)] = Math.Min(a, b);
        }
    }
}
