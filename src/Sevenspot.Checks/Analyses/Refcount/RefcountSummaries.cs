using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// Which parameters each function of a file takes over a reference of: it puts the parameter
/// (a put of refcounts.txt), stores it somewhere that outlives the call, or hands it to another
/// function of the file that does — found to a fixed point. A caller passing a reference to such
/// a parameter has dropped it. A function of another file is followed over the tree (one call
/// deep, with its own file's summary: <see cref="RefcountConsumer"/>).
/// </summary>
public sealed class RefcountSummaries
{
    private readonly Dictionary<string, HashSet<int>> _consumed;
    private readonly Dictionary<string, int> _parameterCounts = new(StringComparer.Ordinal);
    private readonly FileContext _file;

    // The inline functions of the file's own headers that take over a parameter, read on the
    // first call of a function the file does not define.
    private IReadOnlyDictionary<string, int[]>? _headerInlines;

    private RefcountSummaries(FileContext file)
    {
        _file = file;
        foreach (var function in file.Functions)
        {
            _parameterCounts[FunctionCensus.NameOf(function)] = ParametersOf(function).Count;
        }

        _consumed = Summarise(file.Primitives, file.Functions, this);
    }

    /// <summary>
    /// Which parameters each of the functions takes over, to a fixed point over calls among them;
    /// a call of a function they do not define asks <paramref name="outside"/> (null: takes nothing over).
    /// </summary>
    internal static Dictionary<string, HashSet<int>> Summarise(PrimitiveTables tables, IReadOnlyList<SyntaxNode> definitions, RefcountSummaries? outside)
    {
        var consumed = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var functions = new List<(string Name, List<string> Parameters, SyntaxNode Body)>();
        foreach (var function in definitions)
        {
            functions.Add((FunctionCensus.NameOf(function), ParametersOf(function), function.AsFunctionDefinition().Body));
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (name, parameters, body) in functions)
            {
                for (int i = 0; i < parameters.Count; i++)
                {
                    if (parameters[i].Length == 0 || (consumed.TryGetValue(name, out var known) && known.Contains(i)))
                    {
                        continue;
                    }

                    if (TakesOver(tables, body, parameters[i], consumed, outside))
                    {
                        if (!consumed.TryGetValue(name, out var set))
                        {
                            consumed[name] = set = [];
                        }

                        set.Add(i);
                        changed = true;
                    }
                }
            }
        }

        return consumed;
    }

    private static List<string> ParametersOf(SyntaxNode function)
    {
        var parameters = new List<string>();
        foreach (var node in function.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ParameterDeclaration)
            {
                parameters.Add(Declarators.DeclaredName(node.AsParameterDeclaration().Declarator, throughFunctions: false) ?? string.Empty);
            }
        }

        return parameters;
    }

    public static RefcountSummaries Of(FileContext file) => file.GetShared(f => new RefcountSummaries(f));

    /// <summary>
    /// Whether the function takes over the reference passed as its argument <paramref name="index"/>:
    /// a function of this file by its summary; one the file does not define, when it is an inline
    /// function of a header beside the file that does (<see cref="HeaderInlines"/>).
    /// </summary>
    public bool Consumes(string function, int index) =>
        _consumed.TryGetValue(function, out var set) ? set.Contains(index) : ConsumedOutside(function, index);

    // A function the file does not define: an inline of one of its headers, or (quiet) one of another file.
    private bool ConsumedOutside(string function, int index)
    {
        if (_parameterCounts.ContainsKey(function))
        {
            return false;
        }

        _headerInlines ??= _file.Headers.Inlines.ConsumersOf(_file);
        return _headerInlines.TryGetValue(function, out var parameters) && Array.IndexOf(parameters, index) >= 0;
    }

    /// <summary>How many parameters the file's function of this name has (0 when the file defines none).</summary>
    public int ParameterCount(string function) => _parameterCounts.TryGetValue(function, out int count) ? count : 0;

    /// <summary>The parameters the function of this file takes over, in order.</summary>
    public int[] ConsumedParameters(string function) => _consumed.TryGetValue(function, out var set) ? [.. set.Order()] : [];

    private static bool TakesOver(PrimitiveTables tables, SyntaxNode body, string parameter, Dictionary<string, HashSet<int>> consumed, RefcountSummaries? outside)
    {
        // A function that takes its own reference on the parameter (of_node_get(dev) ...
        // of_node_put(dev)) drops that one: its puts are no sign that it takes the caller's.
        bool getsOwn = GetsOwnReference(tables, body, parameter);
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(node) is { } callee)
            {
                var arguments = SyntaxHelpers.Arguments(node);
                if (!getsOwn && tables.FindPut(callee).Count > 0 && arguments.Count > 0 && ObjectKey(arguments[0]) == parameter)
                {
                    return true;
                }

                for (int i = 0; i < arguments.Count; i++)
                {
                    if (ObjectKey(arguments[i]) == parameter
                        && (consumed.TryGetValue(callee, out var set) ? set.Contains(i) : outside is not null && outside.ConsumedOutside(callee, i)))
                    {
                        return true;
                    }
                }
            }
            else if (node.Kind == SyntaxKind.AssignmentExpression && Stores(node.AsAssignmentExpression().Right, parameter))
            {
                return true;
            }
        }

        return false;
    }

    private static bool GetsOwnReference(PrimitiveTables tables, SyntaxNode body, string parameter)
    {
        foreach (var call in SyntaxHelpers.Calls(body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } callee && tables.FindGet(callee) is [{ Returns: false } pair, ..]
                && SyntaxHelpers.Argument(call, pair.ObjectArgument) is { } argument && ObjectKey(argument) == parameter)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an assignment of <paramref name="right"/> stores the reference named
    /// <paramref name="key"/>: the value itself, or the pointer with tag bits or-ed into it
    /// (<c>slot->ptr = (unsigned long)file | flags</c>).
    /// </summary>
    public static bool Stores(SyntaxNode right, string key)
    {
        if (ObjectKey(right) == key)
        {
            return true;
        }

        return TaggedPointer(right) is var (left, other) && (ObjectKey(left) == key || ObjectKey(other) == key);
    }

    /// <summary>The two operands of a value stored as a pointer with tag bits (<c>p | bits</c>), or null for any other value.</summary>
    public static (SyntaxNode, SyntaxNode)? TaggedPointer(SyntaxNode right)
    {
        var value = SyntaxHelpers.StripParenthesesAndCasts(right);
        if (value.Kind != SyntaxKind.BinaryExpression)
        {
            return null;
        }

        var binary = value.AsBinaryExpression();
        return binary.Operator.Kind == SyntaxKind.BarToken ? (binary.Left, binary.Right) : null;
    }

    /// <summary>How references are named: the expression as written, without casts or parentheses.</summary>
    public static string ObjectKey(SyntaxNode expression) => SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(expression));
}

/// <summary>
/// A non-static function of one file and the parameters it takes over a reference of (none for
/// most): what a call from another file of the same program hands it is no longer the caller's.
/// </summary>
public sealed record RefcountConsumer(string Name, string Path, int[] Parameters);

/// <summary>A leak found in one function, and the calls to functions of other files that were handed the reference (by callee name and argument).</summary>
public sealed record PendingLeak(Finding Finding, (string Callee, int Index)[] HandedTo);

/// <summary>
/// One file's leaks, and its non-static functions that callers elsewhere may hand a reference
/// to: <see cref="Consumers"/> take some over, <see cref="Others"/> (names only, most of them) none.
/// </summary>
public sealed record RefcountFacts(string Path, RefcountConsumer[] Consumers, string[] Others, IReadOnlyList<PendingLeak> Leaks);
