using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// What one function does to the list links of the objects it is given or returns: the link
/// members of each parameter it leaves linked on every return (<see cref="StaysLinked"/>: an
/// attach), the members of the object it returns that are linked at every return of it
/// (<see cref="ReturnsLinked"/>: a create), the members of each parameter it may unlink on some
/// path (<see cref="Unlinks"/>), the parameters it frees on every path on which they are not
/// NULL (<see cref="Frees"/>: a release), and whether it waits for another thread
/// (<see cref="Waits"/>). A member is the link's member name, or empty for a list_head passed itself.
/// </summary>
public sealed record ListFunctionSummary(string Name, string Path, bool IsStatic, string[][] StaysLinked, string[] ReturnsLinked, string[][] Unlinks, bool[] Frees, bool Waits)
{
    public bool IsEmpty =>
        !Waits && ReturnsLinked.Length == 0 && Array.TrueForAll(StaysLinked, m => m.Length == 0)
        && Array.TrueForAll(Unlinks, m => m.Length == 0) && !Array.Exists(Frees, f => f);

    public bool SameEffects(ListFunctionSummary other) =>
        Waits == other.Waits && ReturnsLinked.SequenceEqual(other.ReturnsLinked) && Frees.SequenceEqual(other.Frees)
        && Same(StaysLinked, other.StaysLinked) && Same(Unlinks, other.Unlinks);

    /// <summary>The members of argument <paramref name="index"/> the function unlinks on some path (none past its parameters).</summary>
    public string[] UnlinksAt(int index) => index < Unlinks.Length ? Unlinks[index] : [];

    public bool FreesAt(int index) => index < Frees.Length && Frees[index];

    /// <summary>A summary of nothing done: a definition that touches no list, frees nothing and does not wait.</summary>
    public static ListFunctionSummary Nothing(string name, string path, bool isStatic) => new(name, path, isStatic, [], [], [], [], false);

    /// <summary>
    /// The summary of a function defined more than once (the arms of an <c>#ifdef</c>), either of
    /// which may be built: what it may do in either arm it may do (unlinks, waits), and what the
    /// checks report on (links left, frees) only when every arm does it.
    /// </summary>
    public ListFunctionSummary Merge(ListFunctionSummary other) => this with
    {
        IsStatic = IsStatic && other.IsStatic,
        StaysLinked = Pairwise(StaysLinked, other.StaysLinked, both: true),
        ReturnsLinked = [.. ReturnsLinked.Intersect(other.ReturnsLinked, StringComparer.Ordinal)],
        Unlinks = Pairwise(Unlinks, other.Unlinks, both: false),
        Frees = [.. Enumerable.Range(0, Math.Min(Frees.Length, other.Frees.Length)).Select(i => Frees[i] && other.Frees[i])],
        Waits = Waits || other.Waits,
    };

    private static string[][] Pairwise(string[][] a, string[][] b, bool both)
    {
        int length = both ? Math.Min(a.Length, b.Length) : Math.Max(a.Length, b.Length);
        var merged = new string[length][];
        for (int i = 0; i < length; i++)
        {
            string[] x = i < a.Length ? a[i] : [];
            string[] y = i < b.Length ? b[i] : [];
            merged[i] = both ? [.. x.Intersect(y, StringComparer.Ordinal)] : [.. x.Union(y, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        return merged;
    }

    private static bool Same(string[][] a, string[][] b) => a.Length == b.Length && a.Zip(b).All(p => p.First.SequenceEqual(p.Second));
}

/// <summary>
/// The <see cref="ListFunctionSummary"/> of every function of a file, found by rounds: the first
/// round summarises the functions that call a list operation, a free or a wait; each further round
/// only the callers (in the file) of the functions whose summary the round before changed, with the
/// summaries known so far for the calls among them, until nothing changes or <see cref="Depth"/>
/// rounds ran (a chain of helpers deeper than that, or a recursion, is summarised as far as the
/// rounds reach). A function the file defines more than once (both arms of an <c>#ifdef</c>) is
/// summarised from all its definitions together (<see cref="ListFunctionSummary.Merge"/>).
/// Functions of other files are applied over the tree by the checks (one call deep).
/// </summary>
public sealed class ListSummaries
{
    /// <summary>How many rounds summaries are refined: calls this deep are seen through.</summary>
    public const int Depth = 4;

    private readonly Dictionary<string, ListFunctionSummary> _summaries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    private ListSummaries(FileContext file)
    {
        var definitions = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            string name = FunctionCensus.NameOf(function);
            _defined.Add(name);
            if (!definitions.TryGetValue(name, out var list))
            {
                definitions[name] = list = [];
            }

            list.Add(function);
        }

        // The first round summarises the functions that call a list operation, a free or a wait;
        // each further round only those that call a function whose summary the round before
        // changed (the others would come out the same: a summary depends on nothing else).
        var callers = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        var work = new List<SyntaxNode>();
        foreach (var function in file.Functions)
        {
            if (FileContext.IsSound(function) && Mentions(file, function, callers))
            {
                work.Add(function);
            }
        }

        for (int round = 0; round < Depth && work.Count > 0; round++)
        {
            var changed = new List<string>();
            var next = new List<(string Name, ListFunctionSummary? Summary)>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var function in work)
            {
                string name = file.Name(FunctionCensus.NameOf(function));
                if (!done.Add(name))
                {
                    continue;
                }

                var summary = SummariseAll(file, name, definitions.GetValueOrDefault(name) ?? [function]) is { IsEmpty: false } made ? made : null;
                var before = _summaries.GetValueOrDefault(name);
                if (summary is null ? before is not null : before is null || !before.SameEffects(summary))
                {
                    next.Add((name, summary));
                    changed.Add(name);
                }
            }

            foreach (var (name, summary) in next)
            {
                if (summary is null)
                {
                    _summaries.Remove(name);
                }
                else
                {
                    _summaries[name] = summary;
                }
            }

            var again = new HashSet<SyntaxNode>();
            work = [];
            foreach (string name in changed)
            {
                foreach (var caller in callers.GetValueOrDefault(name) ?? [])
                {
                    if (again.Add(caller))
                    {
                        work.Add(caller);
                    }
                }
            }

            work.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }
    }

    public static ListSummaries Of(FileContext file) => file.GetShared(f => new ListSummaries(f));

    /// <summary>The summaries of the file's functions that do something to lists, frees or waits.</summary>
    public IEnumerable<ListFunctionSummary> All => _summaries.Values;

    /// <summary>The summary of a function the file defines, or null when it does nothing to lists (or the file does not define it).</summary>
    public ListFunctionSummary? Local(string name) => _summaries.GetValueOrDefault(name);

    /// <summary>Whether the file defines a function of that name (then a call binds to it, not to another file's).</summary>
    public bool Defines(string name) => _defined.Contains(name);

    // Whether a function calls a list operation, a free or a wait (then it is summarised in the
    // first round); each function of the file it calls gets it as a caller.
    private bool Mentions(FileContext file, SyntaxNode function, Dictionary<string, List<SyntaxNode>> callers)
    {
        var tables = file.Primitives;
        bool primitive = false;
        HashSet<string>? called = null;
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name)
            {
                continue;
            }

            if (tables.FindListOperation(name) is not null || tables.FindFree(name) is not null || tables.FindSleeping(name) is { Reason: SleepReason.Waits })
            {
                primitive = true;
            }
            else if (_defined.Contains(name) && (called ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                if (!callers.TryGetValue(name, out var list))
                {
                    callers[name] = list = [];
                }

                list.Add(function);
            }
        }

        return primitive;
    }

    // The summary of every definition of one name, merged; a definition that cannot be analysed
    // (unsound, or its dataflow does not converge) counts as one that does nothing.
    private ListFunctionSummary? SummariseAll(FileContext file, string name, List<SyntaxNode> definitions)
    {
        ListFunctionSummary? merged = null;
        foreach (var function in definitions)
        {
            var summary = (FileContext.IsSound(function) ? Summarise(file, function) : null)
                ?? ListFunctionSummary.Nothing(name, file.Path, SleepInAtomicCheck.IsStatic(function));
            merged = merged is null ? summary : merged.Merge(summary);
        }

        return merged;
    }

    private ListFunctionSummary? Summarise(FileContext file, SyntaxNode function)
    {
        if (file.GetFlowGraph(function) is not { } graph)
        {
            return null;
        }

        var parameters = ListLinks.ParametersOf(function);
        var analysis = new ListLinks(file, this, external: false, function);
        var result = ForwardDataflow.Solve<KeyedFacts, ListLinks>(graph, analysis);
        if (!result.Converged)
        {
            return null;
        }

        var stays = new string[parameters.Count][];
        var unlinks = new string[parameters.Count][];
        var frees = new bool[parameters.Count];
        var exit = result.IsReached(graph.Exit) ? result.In(graph.Exit) : KeyedFacts.Empty;
        for (int i = 0; i < parameters.Count; i++)
        {
            string p = parameters[i];
            stays[i] = p.Length == 0 ? [] : MembersOf(exit, p);
            unlinks[i] = p.Length == 0 ? [] : UnlinkedMembers(file, function, p);
            frees[i] = p.Length > 0 && FreesOnEveryPath(file, graph, p);
        }

        return new ListFunctionSummary(
            file.Name(FunctionCensus.NameOf(function)), file.Path, SleepInAtomicCheck.IsStatic(function),
            stays, ReturnedLinks(graph, result), unlinks, frees, Waits(file, function));
    }

    /// <summary>The members of an object linked on every path at a point (links of other files' creators left out).</summary>
    public static string[] MembersOf(KeyedFacts state, string obj)
    {
        List<string>? members = null;
        foreach (var (key, _) in state.Must)
        {
            if (ListEntry.ObjectOfKey(key) == obj && ListEntry.MemberOfKey(key) is var member && !ListEntry.IsExternal(member))
            {
                (members ??= []).Add(member);
            }
        }

        return members is null ? [] : [.. members];
    }

    // The members linked at every return of the one variable the function returns (returns of
    // NULL, constants and calls such as ERR_PTR() are error returns and are left out).
    private static string[] ReturnedLinks(IFlowGraph graph, DataflowResult<KeyedFacts> result)
    {
        string? returned = null;
        string[]? members = null;
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (graph.GetKind(node) != FlowNodeKind.Return || !result.IsReached(node) || graph.GetSyntax(node) is not { } syntax)
            {
                continue;
            }

            if (syntax.Kind == SyntaxKind.ReturnStatement)
            {
                if (syntax.AsReturnStatement().Expression is not { } expression)
                {
                    continue;
                }

                syntax = expression;
            }

            var value = SyntaxHelpers.StripParenthesesAndCasts(syntax);
            if (value.Kind != SyntaxKind.IdentifierName || value.AsIdentifierName().Identifier.Text == "NULL")
            {
                continue;
            }

            string name = SyntaxHelpers.Key(value);
            if (returned is not null && returned != name)
            {
                return [];
            }

            returned = name;
            var here = MembersOf(result.In(node), name);
            members = members is null ? here : [.. members.Intersect(here, StringComparer.Ordinal)];
        }

        return members ?? [];
    }

    // Members of the parameter some list operation, or a summarised callee, unlinks on some path.
    private string[] UnlinkedMembers(FileContext file, SyntaxNode function, string parameter)
    {
        var tables = file.Primitives;
        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name)
            {
                continue;
            }

            if (tables.FindListOperation(name) is { Kind: ListOperationKind.Delete or ListOperationKind.DeleteInit } operation)
            {
                if (ListEntry.Of(operation, call) is { } entry && entry.Object == parameter)
                {
                    members.Add(entry.Member);
                }

                continue;
            }

            if (Local(name) is not { } callee)
            {
                continue;
            }

            var arguments = SyntaxHelpers.Arguments(call);
            for (int i = 0; i < arguments.Count; i++)
            {
                foreach (string member in callee.UnlinksAt(i))
                {
                    string key = ListEntry.KeyThrough(arguments[i], member);
                    if (ListEntry.ObjectOfKey(key) == parameter)
                    {
                        members.Add(ListEntry.MemberOfKey(key));
                    }
                }
            }
        }

        return [.. members];
    }

    // Whether every path from entry to exit on which the parameter is not NULL (or an error
    // pointer) frees it: a free primitive, or a summarised callee that frees it.
    private bool FreesOnEveryPath(FileContext file, IFlowGraph graph, string parameter)
    {
        var frees = new bool[graph.NodeCount];
        bool any = false;
        for (int node = 0; node < graph.NodeCount; node++)
        {
            foreach (var call in FlowSyntax.Calls(graph, node))
            {
                if (FreedObject(file.Primitives, call) == parameter)
                {
                    frees[node] = any = true;
                }
            }
        }

        if (!any)
        {
            return false;
        }

        var seen = new bool[graph.NodeCount];
        var work = new Stack<int>();
        work.Push(graph.Entry);
        seen[graph.Entry] = true;
        while (work.TryPop(out int node))
        {
            if (node == graph.Exit)
            {
                return false;
            }

            if (frees[node])
            {
                continue;
            }

            foreach (var edge in graph.GetSuccessors(node))
            {
                if (!seen[edge.Node] && !TestsNull(graph, node, edge, parameter))
                {
                    seen[edge.Node] = true;
                    work.Push(edge.Node);
                }
            }
        }

        return true;
    }

    /// <summary>The object a call frees: a free primitive's argument, or the argument of a summarised callee that frees it.</summary>
    public string? FreedObject(PrimitiveTables tables, SyntaxNode call)
    {
        if (SyntaxHelpers.CalleeName(call) is not { } name)
        {
            return null;
        }

        if (tables.FindFree(name) is { } free)
        {
            return SyntaxHelpers.Argument(call, free.ObjectArgument) is { } argument ? SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(argument)) : null;
        }

        if (Local(name) is { } callee)
        {
            var arguments = SyntaxHelpers.Arguments(call);
            for (int i = 0; i < arguments.Count; i++)
            {
                if (callee.FreesAt(i))
                {
                    return SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[i]));
                }
            }
        }

        return null;
    }

    // The edge of a test on which the parameter is NULL or an error pointer: !p, p == NULL, IS_ERR_OR_NULL(p) true; p, p != NULL false.
    private static bool TestsNull(IFlowGraph graph, int node, FlowEdge edge, string parameter)
    {
        if (edge.Kind == FlowEdgeKind.Normal || graph.GetKind(node) != FlowNodeKind.Branch || LockAnalysis.BranchCondition(graph, node) is not { } test)
        {
            return false;
        }

        bool? nullWhen = NullWhen(SyntaxHelpers.StripParentheses(test), parameter);
        return nullWhen is { } when && when == (edge.Kind == FlowEdgeKind.True);
    }

    // Whether the test is true (true) or false (false) when the parameter is NULL; null when it tells nothing.
    private static bool? NullWhen(SyntaxNode test, string parameter)
    {
        if (test.Kind == SyntaxKind.PrefixUnary && test.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
        {
            return NullWhen(SyntaxHelpers.StripParentheses(test.AsPrefixUnary().Operand), parameter) is { } inner ? !inner : null;
        }

        if (SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(test)) == parameter)
        {
            return false;
        }

        if (test.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(test) is "IS_ERR_OR_NULL" or "IS_ERR" or "unlikely" or "likely"
            && SyntaxHelpers.Argument(test, 0) is { } argument)
        {
            return SyntaxHelpers.CalleeName(test) is "unlikely" or "likely"
                ? NullWhen(SyntaxHelpers.StripParentheses(argument), parameter)
                : SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(argument)) == parameter ? true : null;
        }

        if (test.Kind == SyntaxKind.BinaryExpression)
        {
            var binary = test.AsBinaryExpression();
            bool equals = binary.Operator.Kind == SyntaxKind.EqualsEqualsToken;
            if ((equals || binary.Operator.Kind == SyntaxKind.ExclamationEqualsToken)
                && ((SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(binary.Left)) == parameter && IsNull(binary.Right))
                    || (SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(binary.Right)) == parameter && IsNull(binary.Left))))
            {
                return equals;
            }
        }

        return null;
    }

    private static bool IsNull(SyntaxNode node)
    {
        var value = SyntaxHelpers.StripParenthesesAndCasts(node);
        return SyntaxHelpers.IsZeroLiteral(value) || (value.Kind == SyntaxKind.IdentifierName && value.AsIdentifierName().Identifier.Text == "NULL");
    }

    private bool Waits(FileContext file, SyntaxNode function)
    {
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name
                && (file.Primitives.FindSleeping(name) is { Reason: SleepReason.Waits } || Local(name) is { Waits: true }))
            {
                return true;
            }
        }

        return false;
    }
}
