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
    private readonly Dictionary<string, HashSet<int>> _consumed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parameterCounts = new(StringComparer.Ordinal);

    private RefcountSummaries(FileContext file)
    {
        var functions = new List<(string Name, List<string> Parameters, SyntaxNode Body)>();
        foreach (var function in file.Functions)
        {
            var parameters = new List<string>();
            foreach (var node in function.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
            {
                if (node.Kind == SyntaxKind.ParameterDeclaration)
                {
                    parameters.Add(Declarators.DeclaredName(node.AsParameterDeclaration().Declarator, throughFunctions: false) ?? string.Empty);
                }
            }

            functions.Add((FunctionCensus.NameOf(function), parameters, function.AsFunctionDefinition().Body));
            _parameterCounts[FunctionCensus.NameOf(function)] = parameters.Count;
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (name, parameters, body) in functions)
            {
                for (int i = 0; i < parameters.Count; i++)
                {
                    if (parameters[i].Length == 0 || Consumes(name, i))
                    {
                        continue;
                    }

                    if (TakesOver(file.Primitives, body, parameters[i]))
                    {
                        if (!_consumed.TryGetValue(name, out var set))
                        {
                            _consumed[name] = set = [];
                        }

                        set.Add(i);
                        changed = true;
                    }
                }
            }
        }
    }

    public static RefcountSummaries Of(FileContext file) => file.GetShared(f => new RefcountSummaries(f));

    /// <summary>Whether the function of this file takes over the reference passed as its argument <paramref name="index"/>.</summary>
    public bool Consumes(string function, int index) => _consumed.TryGetValue(function, out var set) && set.Contains(index);

    /// <summary>How many parameters the file's function of this name has (0 when the file defines none).</summary>
    public int ParameterCount(string function) => _parameterCounts.TryGetValue(function, out int count) ? count : 0;

    /// <summary>The parameters the function of this file takes over, in order.</summary>
    public int[] ConsumedParameters(string function) => _consumed.TryGetValue(function, out var set) ? [.. set.Order()] : [];

    private bool TakesOver(PrimitiveTables tables, SyntaxNode body, string parameter)
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
                    if (ObjectKey(arguments[i]) == parameter && Consumes(callee, i))
                    {
                        return true;
                    }
                }
            }
            else if (node.Kind == SyntaxKind.AssignmentExpression && ObjectKey(node.AsAssignmentExpression().Right) == parameter)
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
