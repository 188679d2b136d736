using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>
/// What one file tells about the program it is linked into (<see cref="Programs"/>): its own
/// headers, the functions it defines for other files of its folder, and the functions of other
/// files it uses (calls, or names as a value: a callback it registers, an operations table it
/// fills). Collected once per file, for every tree check that asks, and kept only until the run's
/// programs are known. Every name and path is the run's single copy (<see cref="NamePool"/>).
/// </summary>
/// <param name="Path">The file's path in the tree.</param>
/// <param name="Headers">
/// The own headers the file includes itself (<see cref="ProgramHeaders.OwnHeaders"/>); those they
/// include in turn are read once per run, by <see cref="ProgramHeaders.IncludesOf"/>, not copied
/// into every file's facts.
/// </param>
/// <param name="Defined">
/// The non-static functions the file defines and does not export to other modules
/// (<c>EXPORT_SYMBOL*()</c>): a use of an exported one links nothing.
/// </param>
/// <param name="Uses">The names of functions it may use that it does not define itself: callees, and bare names given as arguments or in file-scope initializers.</param>
public sealed record ProgramFile(string Path, string[] Headers, string[] Defined, string[] Uses)
{
    /// <summary>The file's facts, collected on the first request and shared by the checks.</summary>
    public static ProgramFile Of(FileContext file, ProgramHeaders headers) => file.GetShared(f => Collect(f, headers));

    /// <summary>The folder of a file path (empty for a file at the top).</summary>
    public static string Folder(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static ProgramFile Collect(FileContext file, ProgramHeaders headers)
    {
        var exported = ExportedNames(file);
        var defined = new SortedSet<string>(StringComparer.Ordinal);
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            string name = FunctionCensus.NameOf(function);
            own.Add(name);
            if (!SleepInAtomicCheck.IsStatic(function) && !exported.Contains(name))
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

        return new ProgramFile(file.Name(file.Path), headers.OwnHeaders(file), [.. defined], [.. uses]);
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
    private static HashSet<string> ExportedNames(FileContext file)
    {
        // Read from the tokens: at file scope the parser may take the line for a declaration.
        var names = new HashSet<string>(StringComparer.Ordinal);
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
                names.Add(token.Text);
                state = 0;
            }
        }

        return names;
    }
}
