using System.Collections;
using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// refcount-balance: forward dataflow of the references a function holds (gets of
/// refcounts.txt, successful try-gets, non-NULL results of gets that return a reference), less
/// those dropped (puts, callees of the file that take them over) or handed on (stored, returned,
/// linked into a list). A leak is reported at each return reached from a point where a reference
/// is held on every path and no later put or hand-over is reachable at all, in a function that
/// puts that reference on some other path; a double put where a
/// put post-dominates an earlier put of the same reference with no get between. Over the tree:
/// a leak is not reported where the reference was passed to a function of another file of the
/// same program that takes it over (<see cref="RefcountConsumer"/>).
/// </summary>
public sealed class RefcountBalanceCheck : TreeCheck<RefcountFacts>
{
    public override CheckDescriptor Descriptor => CheckDescriptors.RefcountBalance;

    public override bool NeedsFlowGraphs => true;

    protected override RefcountFacts? CollectFacts(FileContext file)
    {
        var summaries = RefcountSummaries.Of(file);
        var leaks = new List<PendingLeak>();
        HashSet<string>? defined = null;
        foreach (var function in file.Functions)
        {
            if (!MentionsRefcounts(file.Primitives, function) || file.GetFlowGraph(function) is not { } graph)
            {
                continue;
            }

            var analysis = new References(file, summaries, FunctionTypes.ForFunction(file, function), ScopeFreed.Variables(function));
            var result = ForwardDataflow.Solve<KeyedFacts, References>(graph, analysis);
            if (!result.Converged)
            {
                continue;
            }

            var events = new List<RefEvent>[graph.NodeCount];
            for (int node = 0; node < graph.NodeCount; node++)
            {
                events[node] = [];
                if (result.IsReached(node))
                {
                    var list = events[node];
                    analysis.Run(graph, node, result.In(node), e => list.Add(e));
                }
            }

            defined ??= DefinedNames(file);
            ReportLeaks(file, leaks, defined, summaries, function, graph, result, events);
        }

        // Only a function of another file can take over what a call here hands it: the file's
        // non-static functions with parameters, those that take some over with their parameters,
        // the others (most) by name alone, which binds a call to its own program's definition.
        var consumers = new List<RefcountConsumer>();
        var others = new List<string>();
        foreach (var function in file.Functions)
        {
            string name = FunctionCensus.NameOf(function);
            if (SleepInAtomicCheck.IsStatic(function) || summaries.ParameterCount(name) == 0)
            {
                continue;
            }

            if (summaries.ConsumedParameters(name) is { Length: > 0 } consumed)
            {
                consumers.Add(new RefcountConsumer(file.Name(name), file.Path, consumed));
            }
            else
            {
                others.Add(file.Name(name));
            }
        }

        return leaks.Count == 0 && consumers.Count == 0 && others.Count == 0 ? null : new RefcountFacts(file.Path, [.. consumers], [.. others], leaks);
    }

    protected override void Analyze(IReadOnlyList<RefcountFacts> facts, TreeContext tree, FindingSink sink)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in facts)
        {
            foreach (var leak in file.Leaks)
            {
                foreach (var (callee, _) in leak.HandedTo)
                {
                    wanted.Add(callee);
                }
            }
        }

        if (wanted.Count == 0)
        {
            foreach (var file in facts)
            {
                foreach (var leak in file.Leaks)
                {
                    sink.Report(leak.Finding);
                }
            }

            return;
        }

        // Every definition of a name some leak handed its reference to, those that take nothing over included.
        var definitions = new List<RefcountConsumer>();
        foreach (var file in facts)
        {
            foreach (var consumer in file.Consumers)
            {
                if (wanted.Contains(consumer.Name))
                {
                    definitions.Add(consumer);
                }
            }

            foreach (string other in file.Others)
            {
                if (wanted.Contains(other))
                {
                    definitions.Add(new RefcountConsumer(other, file.Path, []));
                }
            }
        }

        var index = new FunctionIndex<RefcountConsumer>(definitions, c => c.Name, c => c.Path, _ => false);
        foreach (var file in facts)
        {
            foreach (var leak in file.Leaks)
            {
                if (!leak.HandedTo.Any(h => index.Resolve(h.Callee, leak.Finding.Location.Path).Any(c => Array.IndexOf(c.Parameters, h.Index) >= 0)))
                {
                    sink.Report(leak.Finding);
                }
            }
        }
    }

    private static HashSet<string> DefinedNames(FileContext file)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            names.Add(FunctionCensus.NameOf(function));
        }

        return names;
    }

    /// <summary>
    /// The calls of the function that pass the reference to a function the file does not define
    /// (and no primitive): if that function, in another file of the program, takes the reference
    /// over, the path does not leak it.
    /// </summary>
    private static (string Callee, int Index)[] HandedElsewhere(FileContext file, HashSet<string> defined, SyntaxNode function, string key)
    {
        List<(string, int)>? handed = null;
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } callee || defined.Contains(callee) || file.Primitives.IsPrimitive(callee))
            {
                continue;
            }

            var arguments = SyntaxHelpers.Arguments(call);
            for (int i = 0; i < arguments.Count; i++)
            {
                if (RefcountSummaries.ObjectKey(arguments[i]) == key)
                {
                    (handed ??= []).Add((file.Name(callee), i));
                }
            }
        }

        return handed is null ? [] : [.. handed];
    }

    private static bool MentionsRefcounts(PrimitiveTables tables, SyntaxNode function)
    {
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name && (tables.FindGet(name).Count > 0 || tables.FindPut(name).Count > 0))
            {
                return true;
            }
        }

        return false;
    }

    private enum RefEventKind
    {
        Get,
        Put,
        HandOver,
    }

    /// <summary>
    /// Something a node does to a reference: where, and which primitive. A put also tells the
    /// reference it drops when one is held on every path to it and no second one may be.
    /// </summary>
    private sealed record RefEvent(RefEventKind Kind, string Key, SyntaxNode Syntax, string Name, Fact? SolelyHeld = null);

    private void ReportLeaks(FileContext file, List<PendingLeak> leaks, HashSet<string> defined, RefcountSummaries summaries, SyntaxNode function, IFlowGraph graph, DataflowResult<KeyedFacts> result, List<RefEvent>[] events)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (result.IsReached(node))
            {
                foreach (string key in result.Out(node).Must.Keys)
                {
                    if (!References.IsMark(key))
                    {
                        keys.Add(key);
                    }
                }
            }
        }

        ReportDoublePuts(file, leaks, function, graph, events);

        PathValues? paths = null;
        foreach (string key in keys)
        {
            // Only a function that drops the reference itself on some path shows that the
            // reference is its own to drop; otherwise a get without a put is taken to hand the
            // reference on (a get wrapper, a reference kept in a structure by a callee elsewhere).
            if (!Enumerable.Range(0, graph.NodeCount).Any(node => events[node].Any(e => e.Key == key && e.Kind == RefEventKind.Put)))
            {
                continue;
            }

            // Nodes from which a put or hand-over of the reference can still be reached.
            var handles = new bool[graph.NodeCount];
            var work = new Stack<int>();
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (events[node].Any(e => e.Key == key && e.Kind != RefEventKind.Get))
                {
                    handles[node] = true;
                    work.Push(node);
                }
            }

            while (work.Count > 0)
            {
                int node = work.Pop();
                foreach (var edge in graph.GetPredecessors(node))
                {
                    if (!handles[edge.Node])
                    {
                        handles[edge.Node] = true;
                        work.Push(edge.Node);
                    }
                }
            }

            // From each point that surely holds it and can never drop it, every return leaks it
            // (points reached only through an edge never taken excepted: a constant test, a local
            // flag's known value, a switch's "no case" exit ruled out by the lookup's key).
            paths ??= PathValues.Of(file, function, graph);
            var leaking = new bool[graph.NodeCount];
            Fact? got = null;
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (result.IsReached(node) && paths.IsFeasible(node) && !handles[node] && result.Out(node).Must.TryGetValue(key, out var fact))
                {
                    leaking[node] = true;
                    work.Push(node);
                    if (got is null || fact.Location.Span.Start < got.Location.Span.Start)
                    {
                        got = fact;
                    }
                }
            }

            while (work.Count > 0)
            {
                int node = work.Pop();
                foreach (var edge in graph.GetSuccessors(node))
                {
                    if (!leaking[edge.Node] && paths.Taken(node, edge))
                    {
                        leaking[edge.Node] = true;
                        work.Push(edge.Node);
                    }
                }
            }

            // Only a reference the function looked up (a get that returns one: of_parse_phandle,
            // pci_get_device) is reported. A count raised on an object the function already has
            // (kref_get, bio_get, dev_hold, get_page, try_module_get) is mostly raised to be
            // handed on: to an asynchronous completion (-EIOCBQUEUED, -EINPROGRESS), a queued
            // work, or kept while something stays enabled; the check cannot see where it goes.
            if (got is null || !OwnReference(file, function, events, got))
            {
                continue;
            }

            var put = file.Primitives.FindGet(got.Note).FirstOrDefault()?.Put ?? "the put";
            (string Callee, int Index)[]? handedTo = null;
            for (int node = 0; node < graph.NodeCount; node++)
            {
                // Only an error return leaks surely: a reference held on a successful return
                // (return 0, a status constant, a status variable, the end of a void function)
                // is mostly one kept on purpose — stored in a page table, an skb, a cache slot,
                // a registered object — until a later call drops it.
                if (!leaking[node] || graph.GetKind(node) != FlowNodeKind.Return || graph.GetSyntax(node) is not { Kind: SyntaxKind.ReturnStatement } ret
                    || ret.AsReturnStatement().Expression is not { } value || !(IsErrorValue(value) || ReturnsTestedError(graph, leaking, node, value)))
                {
                    continue;
                }

                var where = file.Locate(ret);
                string text = got.Key.Replace(" ", string.Empty, StringComparison.Ordinal);
                handedTo ??= HandedElsewhere(file, defined, function, key);
                leaks.Add(new PendingLeak(
                    new Finding(
                        Descriptor,
                        where,
                        $"the reference to {text} taken by {got.Note}() at line {got.Location.Start.Line} is not dropped on this path: {put}() is missing before this return",
                        [new RelatedLocation(got.Location, $"reference to {text} taken here")]),
                    handedTo));
            }
        }
    }

    /// <summary>
    /// Whether the function took the reference from holding none: a get that returns a new
    /// reference (<c>fget</c>, <c>of_parse_phandle</c>), or a count raised on an object the function
    /// looked up itself, only where the lookup found one (<c>t = find_task_by_vpid(nr); if (t)
    /// get_task_struct(t);</c>): a pointer of its own (no parameter) that it tests for NULL just
    /// before the get. A count raised on an object it was given is mostly raised to be handed on.
    /// </summary>
    private static bool OwnReference(FileContext file, SyntaxNode function, List<RefEvent>[] events, Fact got)
    {
        if (file.Primitives.FindGet(got.Note) is [{ Returns: true }, ..])
        {
            return true;
        }

        foreach (var list in events)
        {
            foreach (var e in list)
            {
                if (e.Kind == RefEventKind.Get && e.Key == got.Key && e.Name == got.Note && e.Syntax.Span.Start == got.Location.Span.Start)
                {
                    return IsGuardedGet(e.Syntax, References.BaseOf(got.Key)) && !IsParameter(function, References.BaseOf(got.Key));
                }
            }
        }

        return false;
    }

    /// <summary>Whether a get is the statement (or the first of the block) that an <c>if (p)</c> or <c>if (p != NULL)</c> runs.</summary>
    private static bool IsGuardedGet(SyntaxNode call, string pointer)
    {
        var node = call;
        while (node.Parent is { } parent && parent.Kind is SyntaxKind.ParenthesizedExpression or SyntaxKind.CastExpression)
        {
            node = parent;
        }

        if (node.Parent is not { Kind: SyntaxKind.ExpressionStatement } statement)
        {
            return false;
        }

        var holder = statement.Parent;
        if (holder?.Parent is { Kind: SyntaxKind.CompoundStatement } block && SyntaxHelpers.Statements(block).FirstOrDefault() == statement)
        {
            statement = block;
            holder = block.Parent;
        }

        return holder is { Kind: SyntaxKind.IfStatement } test && test.AsIfStatement().Statement == statement
            && References.NonNullTest(test.AsIfStatement().Condition) == pointer;
    }

    private static bool IsParameter(SyntaxNode function, string name)
    {
        foreach (var node in function.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ParameterDeclaration && Declarators.DeclaredName(node.AsParameterDeclaration().Declarator, throughFunctions: false) == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A put that follows another put of the same reference on every path (it post-dominates the
    /// first), with no get, reassignment or takeover between, where the first dropped the only
    /// reference known held: one the function took itself from holding none (<see cref="OwnReference"/>),
    /// with no second get of it and no unlink from a list (which hands the list's reference over).
    /// A function given the object may hold its caller's reference too, and is not judged.
    /// </summary>
    private void ReportDoublePuts(FileContext file, List<PendingLeak> leaks, SyntaxNode function, IFlowGraph graph, List<RefEvent>[] events)
    {
        BitArray[]? pdom = null;
        for (int first = 0; first < graph.NodeCount; first++)
        {
            foreach (var put in events[first])
            {
                if (put.Kind != RefEventKind.Put || put.SolelyHeld is not { } got || !OwnReference(file, function, events, got))
                {
                    continue;
                }

                pdom ??= PostDominators(graph);
                for (int second = 0; second < graph.NodeCount; second++)
                {
                    if (second == first || !pdom[first][second] || GetBetween(graph, events, first, second, put.Key))
                    {
                        continue;
                    }

                    foreach (var again in events[second])
                    {
                        if (again.Kind != RefEventKind.Put || again.Key != put.Key)
                        {
                            continue;
                        }

                        string text = got.Key.Replace(" ", string.Empty, StringComparison.Ordinal);
                        var dropped = file.Locate(put.Syntax);
                        leaks.Add(new PendingLeak(
                            new Finding(
                                Descriptor,
                                file.Locate(again.Syntax),
                                $"{again.Name}() drops the reference to {text} again: the only one, taken by {got.Note}() at line {got.Location.Start.Line}, was dropped by {put.Name}() at line {dropped.Start.Line}",
                                [new RelatedLocation(got.Location, $"reference to {text} taken here"), new RelatedLocation(dropped, "dropped here")]),
                            []));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether a returned value reports a failure: a negative number (<c>-ENOMEM</c>), NULL,
    /// <c>ERR_PTR(...)</c>, or the result of a call (the status of the step that failed). Zero,
    /// other constants and variables are taken as success.
    /// </summary>
    private static bool IsErrorValue(SyntaxNode value)
    {
        value = SyntaxHelpers.StripParenthesesAndCasts(value);
        return value.Kind switch
        {
            SyntaxKind.PrefixUnary => value.AsPrefixUnary().Operator.Kind == SyntaxKind.MinusToken,
            SyntaxKind.IdentifierName => value.AsIdentifierName().Identifier.Text == "NULL",
            SyntaxKind.CallExpression => true,
            _ => false,
        };
    }

    /// <summary>
    /// Whether a returned status variable holds an error here: a test found it failed
    /// (<c>if (err)</c>, <c>if (ret &lt; 0)</c>, <c>if (ret != 0)</c>) and its failing edge, where
    /// the reference is held and never dropped, leads to this return.
    /// </summary>
    private static bool ReturnsTestedError(IFlowGraph graph, bool[] leaking, int returnNode, SyntaxNode value)
    {
        if (SyntaxHelpers.StripParentheses(value) is not { Kind: SyntaxKind.IdentifierName } variable)
        {
            return false;
        }

        string name = variable.AsIdentifierName().Identifier.Text;
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (graph.GetKind(node) != FlowNodeKind.Branch || LockAnalysis.BranchCondition(graph, node) is not { } condition || !TestsFailure(condition, name))
            {
                continue;
            }

            foreach (var edge in graph.GetSuccessors(node))
            {
                if (edge.Kind == FlowEdgeKind.True && leaking[edge.Node] && Reaches(graph, edge.Node, returnNode))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a condition is true when a status variable reports failure: <c>v</c>, <c>v &lt; 0</c>, <c>v != 0</c>, under likely/unlikely.</summary>
    private static bool TestsFailure(SyntaxNode condition, string name)
    {
        var node = SyntaxHelpers.StripParentheses(condition);
        if (SyntaxHelpers.CalleeName(node) is "likely" or "unlikely" or "WARN_ON" or "WARN_ON_ONCE" && SyntaxHelpers.Arguments(node) is [var inner])
        {
            node = SyntaxHelpers.StripParentheses(inner);
        }

        if (node.Kind == SyntaxKind.IdentifierName)
        {
            return node.AsIdentifierName().Identifier.Text == name;
        }

        if (node.Kind != SyntaxKind.BinaryExpression)
        {
            return false;
        }

        var binary = node.AsBinaryExpression();
        return SyntaxHelpers.StripParentheses(binary.Left) is { Kind: SyntaxKind.IdentifierName } left && left.AsIdentifierName().Identifier.Text == name
            && SyntaxHelpers.IsZeroLiteral(binary.Right) && binary.Operator.Kind is SyntaxKind.LessThanToken or SyntaxKind.ExclamationEqualsToken;
    }

    private static bool Reaches(IFlowGraph graph, int from, int to)
    {
        var seen = new bool[graph.NodeCount];
        var work = new Stack<int>();
        work.Push(from);
        while (work.Count > 0)
        {
            int node = work.Pop();
            if (node == to)
            {
                return true;
            }

            if (seen[node])
            {
                continue;
            }

            seen[node] = true;
            foreach (var edge in graph.GetSuccessors(node))
            {
                work.Push(edge.Node);
            }
        }

        return false;
    }

    /// <summary>Whether some path from one node to another (both excluded) gets the reference again.</summary>
    private static bool GetBetween(IFlowGraph graph, List<RefEvent>[] events, int from, int to, string key)
    {
        var seen = new bool[graph.NodeCount];
        var work = new Stack<int>();
        foreach (var edge in graph.GetSuccessors(from))
        {
            work.Push(edge.Node);
        }

        while (work.Count > 0)
        {
            int node = work.Pop();
            if (node == to || seen[node])
            {
                continue;
            }

            seen[node] = true;
            if (events[node].Any(e => e.Kind == RefEventKind.Get && e.Key == key))
            {
                return true;
            }

            foreach (var edge in graph.GetSuccessors(node))
            {
                work.Push(edge.Node);
            }
        }

        return false;
    }

    /// <summary>pdom[n][m]: every path from n to the exit goes through m. Iterative, on bit sets.</summary>
    private static BitArray[] PostDominators(IFlowGraph graph)
    {
        int n = graph.NodeCount;
        var pdom = new BitArray[n];
        for (int i = 0; i < n; i++)
        {
            pdom[i] = new BitArray(n, true);
        }

        pdom[graph.Exit] = new BitArray(n) { [graph.Exit] = true };
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int node = 0; node < n; node++)
            {
                if (node == graph.Exit)
                {
                    continue;
                }

                var successors = graph.GetSuccessors(node);
                var next = successors.Length == 0 ? new BitArray(n) : new BitArray(pdom[successors[0].Node]);
                for (int s = 1; s < successors.Length; s++)
                {
                    next.And(pdom[successors[s].Node]);
                }

                next[node] = true;
                if (!Same(next, pdom[node]))
                {
                    pdom[node] = next;
                    changed = true;
                }
            }
        }

        return pdom;
    }

    private static bool Same(BitArray a, BitArray b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The references held: keys are reference names, notes the get that took them.</summary>
    private readonly struct References : IForwardAnalysis<KeyedFacts>
    {
        private readonly FileContext _file;
        private readonly RefcountSummaries _summaries;
        private readonly FunctionTypes _types;
        private readonly HashSet<string> _scopeFreed;

        public References(FileContext file, RefcountSummaries summaries, FunctionTypes types, HashSet<string> scopeFreed)
        {
            _file = file;
            _summaries = summaries;
            _types = types;
            _scopeFreed = scopeFreed;
        }

        public KeyedFacts Initial(IFlowGraph graph) => KeyedFacts.Empty;

        public KeyedFacts Transfer(IFlowGraph graph, int node, KeyedFacts input) => Run(graph, node, input, null);

        public KeyedFacts TransferEdge(IFlowGraph graph, int from, FlowEdge edge, KeyedFacts output)
        {
            if (edge.Kind is not (FlowEdgeKind.True or FlowEdgeKind.False) || LockAnalysis.BranchCondition(graph, from) is not { } condition)
            {
                return output;
            }

            var (test, positive) = Unwrap(condition);
            bool onTrue = edge.Kind == FlowEdgeKind.True;

            // A try-get that succeeded on this edge.
            if (SyntaxHelpers.CalleeName(test) is { } name && _file.Primitives.FindGet(name) is [var pair, ..] && pair.Success != SuccessTest.Always
                && SyntaxHelpers.Argument(test, pair.ObjectArgument) is { } argument)
            {
                bool succeededOnTrue = (pair.Success == SuccessTest.NonZero) == positive;
                string reference = RefcountSummaries.ObjectKey(argument);
                return succeededOnTrue == onTrue && IsTracked(reference) ? output.Add(new Fact(reference, _file.Locate(test), name)) : output;
            }

            // NULL and error-pointer tests: on an edge where the pointer may be NULL there is
            // no reference to follow (under || and &&, one operand's outcome is unclear).
            foreach (var key in MaybeNull(condition, onTrue, _file.Primitives))
            {
                foreach (var held in output.May.Keys)
                {
                    if (held == key || (IsCounterAddress(held) && BaseOf(held) == key))
                    {
                        output = output.Remove(held);
                    }
                }

                // The pointer is NULL on this edge: where it meets a path that took a reference
                // on it (if (p) get(p);), the pointer holds that reference if it is not NULL.
                if (IsTracked(key) && BaseOf(key) == key)
                {
                    output = output.Add(new Fact(NullMark + key, _file.Locate(condition), "NULL"));
                }
            }

            return output;
        }

        /// <summary>
        /// The pointers that may be NULL (or an error) when a condition has the given value: through
        /// !, parentheses, likely/unlikely, WARN_ON-style wrappers, assignments (the assigned name is
        /// tested) and both operands of || and &amp;&amp;. A get that returns its argument
        /// (<c>if (!get_device(dev)) return -ENODEV;</c>) returns NULL only for a NULL argument,
        /// which it took no reference on: its argument may be NULL where the call's value is.
        /// </summary>
        private static List<string> MaybeNull(SyntaxNode condition, bool value, PrimitiveTables tables)
        {
            var keys = new List<string>();
            Collect(condition, value, keys, tables);
            return keys;

            static void Collect(SyntaxNode node, bool value, List<string> keys, PrimitiveTables tables)
            {
                node = SyntaxHelpers.StripParentheses(node);
                if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
                {
                    Collect(node.AsPrefixUnary().Operand, !value, keys, tables);
                    return;
                }

                if (SyntaxHelpers.CalleeName(node) is "likely" or "unlikely" or "WARN_ON" or "WARN_ON_ONCE" or "WARN" or "WARN_ONCE"
                    && SyntaxHelpers.Arguments(node) is [var inner, ..])
                {
                    Collect(inner, value, keys, tables);
                    return;
                }

                if (node.Kind == SyntaxKind.AssignmentExpression && node.AsAssignmentExpression().Operator.Kind == SyntaxKind.EqualsToken)
                {
                    Collect(node.AsAssignmentExpression().Left, value, keys, tables);
                    return;
                }

                if (node.Kind == SyntaxKind.BinaryExpression && node.AsBinaryExpression().Operator.Kind is SyntaxKind.BarBarToken or SyntaxKind.AmpersandAmpersandToken)
                {
                    Collect(node.AsBinaryExpression().Left, value, keys, tables);
                    Collect(node.AsBinaryExpression().Right, value, keys, tables);
                    return;
                }

                if (GetReturningArgument(node, tables) is { } got)
                {
                    if (!value)
                    {
                        keys.Add(got);
                    }

                    return;
                }

                if (node.Kind == SyntaxKind.BinaryExpression && node.AsBinaryExpression() is var compare
                    && compare.Operator.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken
                    && (IsNull(compare.Right) ? compare.Left : IsNull(compare.Left) ? compare.Right : (SyntaxNode?)null) is { } other
                    && GetReturningArgument(SyntaxHelpers.StripParenthesesAndCasts(other), tables) is { } tested)
                {
                    if (value == (compare.Operator.Kind == SyntaxKind.EqualsEqualsToken))
                    {
                        keys.Add(tested);
                    }

                    return;
                }

                if (NullTest(node, true) is var (key, nullOnTrue) && nullOnTrue == value)
                {
                    keys.Add(key);
                }
            }
        }

        /// <summary>The key of the argument of a get that cannot fail and returns it (get_device(dev)), or null.</summary>
        private static string? GetReturningArgument(SyntaxNode node, PrimitiveTables tables) =>
            SyntaxHelpers.CalleeName(node) is { } getter && tables.FindGet(getter) is [{ Returns: false, Success: SuccessTest.Always } pair, ..]
                && SyntaxHelpers.Argument(node, pair.ObjectArgument) is { } argument
                ? RefcountSummaries.ObjectKey(argument)
                : null;

        public KeyedFacts Join(KeyedFacts left, KeyedFacts right) => KeyedFacts.Join(Correlate(left, right), Correlate(right, left));

        /// <summary>Marks a pointer known NULL on the path (where it holds nothing).</summary>
        internal const string NullMark = "null: ";

        /// <summary>Marks a reference of which more than one may be held (got twice, or taken over from a list).</summary>
        internal const string SeveralMark = "several: ";

        internal static bool IsMark(string key) => key.StartsWith(NullMark, StringComparison.Ordinal) || key.StartsWith(SeveralMark, StringComparison.Ordinal);

        /// <summary>
        /// The references another path holds surely on a pointer this path knows NULL are held
        /// here too, as far as a later test can tell: after <c>if (p) get(p);</c> the pointer, if
        /// not NULL, holds the reference, and the NULL test that follows (<c>if (!p) return;</c>)
        /// ends it on its NULL edge.
        /// </summary>
        private KeyedFacts Correlate(KeyedFacts self, KeyedFacts other)
        {
            var result = self;
            foreach (var (key, fact) in other.Must)
            {
                // Only a count raised on the pointer (get_task_struct(t)) is tied to its test; a
                // lookup's result (pci_get_device) is the pointer itself, NULL when it holds nothing.
                if (!IsMark(key) && !self.Must.ContainsKey(key) && self.Must.ContainsKey(NullMark + BaseOf(key))
                    && _file.Primitives.FindGet(fact.Note) is [{ Returns: false }, ..])
                {
                    result = result.Add(fact);
                }
            }

            return result;
        }

        public bool Same(KeyedFacts left, KeyedFacts right) => left.Equals(right);

        public KeyedFacts Run(IFlowGraph graph, int node, KeyedFacts input, Action<RefEvent>? record)
        {
            var state = input;
            var tables = _file.Primitives;
            bool branch = graph.GetKind(node) == FlowNodeKind.Branch;
            var removed = RemovedCode.Of(_file);
            foreach (var call in FlowSyntax.Calls(graph, node))
            {
                // Code the file shows the preprocessor removes (#ifndef of a macro it defines)
                // neither takes nor drops. (Code under #ifdef of a macro the file does not define
                // is kept: whether the tree defines it is known only over the whole tree.)
                if (SyntaxHelpers.CalleeName(call) is not { } name || (removed.IsRemoved(call.Span.Start, out _)))
                {
                    continue;
                }

                var arguments = SyntaxHelpers.Arguments(call);
                if (tables.FindGet(name) is [var pair, ..])
                {
                    string? key = pair.Returns ? ResultKey(call) : pair.ObjectArgument < arguments.Count ? RefcountSummaries.ObjectKey(arguments[pair.ObjectArgument]) : null;

                    // A reference taken on an object reached through a structure or an array
                    // belongs to that structure; only references named by the function's own
                    // variables are followed. A get whose result is stored in a structure
                    // (p->cred = get_cred(new)) hands its reference to that structure at once.
                    if (key is not null && IsTracked(key) && !StoredInStructure(call))
                    {
                        record?.Invoke(new RefEvent(RefEventKind.Get, key, call, name));
                        state = state.Remove(NullMark + BaseOf(key));
                        if (state.May.ContainsKey(key))
                        {
                            state = state.Add(new Fact(SeveralMark + key, _file.Locate(call), name), surely: false);
                        }

                        if (pair.Success == SuccessTest.Always)
                        {
                            state = state.Add(new Fact(key, _file.Locate(call), name));
                        }
                        else if (!branch)
                        {
                            state = state.Add(new Fact(key, _file.Locate(call), name), surely: false);
                        }
                    }

                    continue;
                }

                if (tables.FindPut(name).Count > 0 && arguments.Count > 0)
                {
                    string key = RefcountSummaries.ObjectKey(arguments[0]);
                    var solely = state.Must.TryGetValue(key, out var held) && !state.May.ContainsKey(SeveralMark + key) ? held : null;
                    record?.Invoke(new RefEvent(RefEventKind.Put, key, call, name, solely));
                    state = state.Remove(key);
                    continue;
                }

                // Queueing a work item embedded in an object hands the object's references to
                // the work, which drops them when it runs (the caller puts only when queueing failed).
                if (QueuedWorkArgument(name) is int work && work < arguments.Count)
                {
                    state = HandOver(state, BaseOf(RefcountSummaries.ObjectKey(arguments[work])), call, name, record);
                    continue;
                }

                if (StoredArgument(name) is int stored && stored < arguments.Count)
                {
                    state = HandOver(state, BaseOf(RefcountSummaries.ObjectKey(arguments[stored])), call, name, record);
                    continue;
                }

                if (tables.FindListOperation(name) is { Kind: ListOperationKind.Add } add && ListEntry.Of(add, call) is { } entry)
                {
                    state = HandOver(state, entry.Object, call, name, record);
                    continue;
                }

                // Unlinking an object takes over the reference the list held (the mirror of
                // linking handing one to it): the function may now hold two.
                if (tables.FindListOperation(name) is { Kind: ListOperationKind.Delete or ListOperationKind.DeleteInit } removal && ListEntry.Of(removal, call) is { } unlinked)
                {
                    // The link may be a member of a member (list_del(&tsk->thread.list)): the object is its base.
                    string unlinkedBase = BaseOf(unlinked.Object);
                    foreach (var key in state.May.Keys)
                    {
                        if (unlinkedBase.Length > 0 && !IsMark(key) && BaseOf(key) == unlinkedBase)
                        {
                            record?.Invoke(new RefEvent(RefEventKind.Get, key, call, name));
                            state = state.Add(new Fact(SeveralMark + key, _file.Locate(call), name), surely: false);
                        }
                    }

                    continue;
                }

                // A registration keeps what it is given (a device as a region's data, whose
                // release puts it): its arguments' references go with it.
                if (IsRegistration(name))
                {
                    foreach (var argument in arguments)
                    {
                        state = HandOver(state, RefcountSummaries.ObjectKey(argument), call, name, record);
                    }

                    continue;
                }

                for (int i = 0; i < arguments.Count; i++)
                {
                    string argument = RefcountSummaries.ObjectKey(arguments[i]);
                    if (_summaries.Consumes(name, i) || (IsCounterAddress(argument) && state.May.ContainsKey(argument) && !tables.IsPrimitive(name)))
                    {
                        // The counter itself handed to a function that is no primitive
                        // (destroy_async(&rq->ref_count): the kref's release function called
                        // directly): a callee given only the counter can do nothing but drop it.
                        state = HandOver(state, argument, call, name, record);
                    }
                }
            }

            foreach (var syntax in FlowSyntax.EvaluatedNodes(graph, node))
            {
                if (syntax.Kind == SyntaxKind.AssignmentExpression)
                {
                    var assignment = syntax.AsAssignmentExpression();
                    state = HandOver(state, RefcountSummaries.ObjectKey(assignment.Right), syntax, "=", record);
                    if (RefcountSummaries.TaggedPointer(assignment.Right) is var (pointer, bits))
                    {
                        state = HandOver(state, RefcountSummaries.ObjectKey(pointer), syntax, "=", record);
                        state = HandOver(state, RefcountSummaries.ObjectKey(bits), syntax, "=", record);
                    }

                    // The object that embeds the referenced one, stored where it outlives the
                    // function (wf->widget = to_widget(dev); file->private_data = wf): the
                    // structure keeps the reference, its release drops it.
                    if (EmbeddingOf(assignment.Right) is { } embedded && !IsTracked(RefcountSummaries.ObjectKey(assignment.Left)))
                    {
                        state = HandOver(state, embedded, syntax, "=", record);
                    }

                    // The variable now names another object (d = tmp after dput(d)): a later put
                    // drops that one, not the reference already dropped. Only double puts look
                    // at this event; the state follows gets alone.
                    string target = RefcountSummaries.ObjectKey(assignment.Left);
                    if (IsTracked(target))
                    {
                        record?.Invoke(new RefEvent(RefEventKind.Get, target, syntax, "="));
                        state = state.RemoveWhere(k => IsMark(k) && BaseOf(k[(k.IndexOf(' ') + 1)..]) == target);
                    }
                }
            }

            if (graph.GetKind(node) == FlowNodeKind.Return && graph.GetSyntax(node) is { Kind: SyntaxKind.ReturnStatement } ret && ret.AsReturnStatement().Expression is { } returned)
            {
                state = HandOver(state, RefcountSummaries.ObjectKey(returned), ret, "return", record);

                // Returning a struct pointer may hand on any reference the function holds: the
                // returned object can keep it (a device got for the region returned, a file
                // behind the socket returned). Which one is unclear, so all are taken as handed on.
                if (SyntaxHelpers.StripParenthesesAndCasts(returned) is { Kind: SyntaxKind.IdentifierName } variable
                    && _types.TypeOf(variable) is { IsPointer: true })
                {
                    foreach (var key in state.May.Keys.ToList())
                    {
                        record?.Invoke(new RefEvent(RefEventKind.HandOver, key, ret, "return"));
                        state = state.Remove(key);
                    }
                }
            }

            return state;
        }

        /// <summary>
        /// Hands the references on an object over: the object itself, or a counter inside it
        /// (returning <c>obj</c> hands over the reference taken with <c>refcount_inc(&amp;obj-&gt;refs)</c>).
        /// </summary>
        private static KeyedFacts HandOver(KeyedFacts state, string value, SyntaxNode where, string name, Action<RefEvent>? record)
        {
            foreach (var key in state.May.Keys)
            {
                if (key == value || BaseOf(key) == value)
                {
                    record?.Invoke(new RefEvent(RefEventKind.HandOver, key, where, name));
                    state = state.Remove(key);
                }
            }

            return state;
        }

        /// <summary>Whether a call's result is assigned to something other than a variable of the function (a field, an array slot).</summary>
        private bool StoredInStructure(SyntaxNode call)
        {
            var node = call;
            while (node.Parent is { } parent && parent.Kind is SyntaxKind.ParenthesizedExpression or SyntaxKind.CastExpression)
            {
                node = parent;
            }

            return node.Parent is { Kind: SyntaxKind.AssignmentExpression } a && a.AsAssignmentExpression().Right == node
                && !IsTracked(RefcountSummaries.ObjectKey(a.AsAssignmentExpression().Left));
        }

        /// <summary>
        /// The argument that a call stores where it outlives the function, handing its
        /// reference on: the dst an skb keeps (skb_dst_set), the new value swapped into a slot
        /// (cmpxchg, xchg), a pointer published for readers (rcu_assign_pointer).
        /// </summary>
        private static int? StoredArgument(string name) => name switch
        {
            "skb_dst_set" or "skb_dst_set_noref" or "xchg" or "rcu_assign_pointer" or "WRITE_ONCE" or "smp_store_release" => 1,
            "cmpxchg" or "try_cmpxchg" => 2,
            _ => null,
        };

        /// <summary>
        /// Whether a call registers something that keeps its arguments: a region, a device, a
        /// handler, or a managed action (devm_add_action_or_reset(dev, put_fn, np): the action
        /// drops the reference when the device goes, or at once if adding it failed).
        /// </summary>
        private static bool IsRegistration(string name) =>
            (name.Contains("register", StringComparison.Ordinal) && !name.Contains("unregister", StringComparison.Ordinal))
            || name.StartsWith("devm_add_action", StringComparison.Ordinal);

        /// <summary>For container_of(p, ...) and its to_*(p) wrappers, the key of p; otherwise null.</summary>
        private static string? EmbeddingOf(SyntaxNode value)
        {
            value = SyntaxHelpers.StripParenthesesAndCasts(value);
            return SyntaxHelpers.CalleeName(value) is { } name && (name is "container_of" or "container_of_const" || name.StartsWith("to_", StringComparison.Ordinal))
                && SyntaxHelpers.Arguments(value) is [var pointer, ..]
                ? RefcountSummaries.ObjectKey(pointer)
                : null;
        }

        /// <summary>The argument that names the work item for the calls that queue one.</summary>
        private static int? QueuedWorkArgument(string name) => name switch
        {
            "schedule_work" or "schedule_delayed_work" => 0,
            "queue_work" or "queue_delayed_work" or "mod_delayed_work" or "queue_rcu_work" or "kthread_queue_work" => 1,
            "queue_work_on" or "queue_delayed_work_on" or "mod_delayed_work_on" => 2,
            _ => null,
        };

        /// <summary>Whether a key is the address of a counter inside an object: "&amp; obj -&gt; refs".</summary>
        private static bool IsCounterAddress(string key) =>
            key.StartsWith("& ", StringComparison.Ordinal) && BaseOf(key).Length > 0 && key.IndexOf(' ', 2) > 0;

        /// <summary>The variable a reference key starts from: "t" for "t", "obj" for "&amp; obj -&gt; refs".</summary>
        internal static string BaseOf(string key)
        {
            var words = key.Split(' ');
            int i = words[0] == "&" && words.Length > 1 ? 1 : 0;
            return words.Length == i + 1 || (words.Length > i + 1 && words[i + 1] is "->" or ".") ? words[i] : string.Empty;
        }

        /// <summary>
        /// Whether a reference is the function's to drop: held in one of its own variables
        /// (<c>t</c>), or a counter embedded in an object one of them points to
        /// (<c>&amp;obj-&gt;refs</c>). A reference to an object reached through another
        /// (<c>dev-&gt;owner</c>) belongs to the object that holds the pointer.
        /// </summary>
        private bool IsTracked(string key)
        {
            string name = BaseOf(key);
            if (name.Length == 0 || !_types.IsLocal(name) || _scopeFreed.Contains(name))
            {
                // A variable declared __free(put) drops its reference when it goes out of scope.
                return false;
            }

            return key == name || key.StartsWith("& ", StringComparison.Ordinal);
        }

        /// <summary>Where a get that returns a reference puts it: the variable assigned or declared.</summary>
        private static string? ResultKey(SyntaxNode call)
        {
            var node = call;
            while (node.Parent is { } parent && parent.Kind is SyntaxKind.ParenthesizedExpression or SyntaxKind.CastExpression)
            {
                node = parent;
            }

            return node.Parent switch
            {
                { Kind: SyntaxKind.AssignmentExpression } a when a.AsAssignmentExpression().Right == node => RefcountSummaries.ObjectKey(a.AsAssignmentExpression().Left),
                { Kind: SyntaxKind.InitDeclarator } d => Declarators.DeclaredName(d.AsInitDeclarator().Declarator, throughFunctions: false),
                _ => null,
            };
        }

        /// <summary>The test under !, likely, unlikely and parentheses, and whether it is taken as is (true) or negated.</summary>
        private static (SyntaxNode Test, bool Positive) Unwrap(SyntaxNode condition)
        {
            bool positive = true;
            var node = condition;
            while (true)
            {
                node = SyntaxHelpers.StripParentheses(node);
                if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
                {
                    positive = !positive;
                    node = node.AsPrefixUnary().Operand;
                }
                else if (SyntaxHelpers.CalleeName(node) is "likely" or "unlikely" && SyntaxHelpers.Arguments(node) is [var inner])
                {
                    node = inner;
                }
                else
                {
                    return (node, positive);
                }
            }
        }

        /// <summary>The pointer a condition finds not NULL when true (<c>p</c>, <c>p != NULL</c>, <c>likely(p)</c>), or null.</summary>
        internal static string? NonNullTest(SyntaxNode condition)
        {
            var (test, positive) = Unwrap(condition);
            return SyntaxHelpers.CalleeName(test) is null && NullTest(test, positive) is (var key, false) ? key : null;
        }

        /// <summary>For p, p == NULL, p != NULL, IS_ERR(p), IS_ERR_OR_NULL(p) (possibly negated): the name, and whether the true edge is the NULL one.</summary>
        private static (string Key, bool NullOnTrue)? NullTest(SyntaxNode test, bool positive)
        {
            if (SyntaxHelpers.CalleeName(test) is "IS_ERR" or "IS_ERR_OR_NULL" && SyntaxHelpers.Arguments(test) is [var pointer])
            {
                return (RefcountSummaries.ObjectKey(pointer), positive);
            }

            if (test.Kind == SyntaxKind.BinaryExpression)
            {
                var binary = test.AsBinaryExpression();
                bool equals = binary.Operator.Kind == SyntaxKind.EqualsEqualsToken;
                if (!equals && binary.Operator.Kind != SyntaxKind.ExclamationEqualsToken)
                {
                    return null;
                }

                SyntaxNode? other = IsNull(binary.Right) ? binary.Left : IsNull(binary.Left) ? binary.Right : null;
                if (other is { } assigned && SyntaxHelpers.StripParenthesesAndCasts(assigned) is { Kind: SyntaxKind.AssignmentExpression } assignment)
                {
                    // (np = of_find_node_by_name(...)) == NULL tests the variable assigned.
                    other = assignment.AsAssignmentExpression().Left;
                }

                return other is { } o ? (RefcountSummaries.ObjectKey(o), equals == positive) : null;
            }

            if (test.Kind is SyntaxKind.IdentifierName or SyntaxKind.MemberAccess)
            {
                return (RefcountSummaries.ObjectKey(test), !positive);
            }

            return null;
        }

        private static bool IsNull(SyntaxNode node)
        {
            node = SyntaxHelpers.StripParenthesesAndCasts(node);
            return (node.Kind == SyntaxKind.IdentifierName && node.AsIdentifierName().Identifier.Text == "NULL") || SyntaxHelpers.IsZeroLiteral(node);
        }
    }
}
