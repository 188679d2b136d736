using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// double-list-removal: forward dataflow, with the locks held, of the elements a function has
/// removed with list_del (or TAILQ_REMOVE, LIST_REMOVE) and of the elements it found on a list
/// under a lock. A removal of an element already removed on every path is reported.
/// list_del_init, re-adding the element, or assigning its variable clear what is known.
/// After the lock an element was found under is dropped, the element is stale; a test of it made
/// with a lock held again is a re-check on one branch and a sign of another remover on the
/// other: when another function of the file removes the same link under a condition on a field of
/// the element (<see cref="ListRemovers"/>: it tests the field, or stores it, with the removal), a
/// removal on the branch where this function's test of that field shows the other remover's
/// condition is reported; on the branch where it shows the element still linked, and without
/// any test, nothing is (whether the other remover can run meanwhile is not known).
/// </summary>
public sealed class DoubleListRemovalCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.DoubleListRemoval;

    public override bool NeedsFlowGraphs => true;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        foreach (var function in file.Functions)
        {
            if (file.GetFlowGraph(function) is not { } graph || !Removes(file.Primitives, function))
            {
                continue;
            }

            var analysis = new Removals(file, FileLockFacts.ModelFor(file, function), ListRemovers.Of(file), FunctionCensus.NameOf(function));
            var result = ForwardDataflow.Solve<RemovalState, Removals>(graph, analysis);
            if (!result.Converged)
            {
                continue;
            }

            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (result.IsReached(node))
                {
                    analysis.Run(graph, node, result.In(node), (call, entry, state) => Check(file, sink, call, entry, state));
                }
            }
        }
    }

    private static bool Removes(PrimitiveTables tables, SyntaxNode function)
    {
        int removals = 0;
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name && tables.FindListOperation(name) is { Kind: ListOperationKind.Delete })
            {
                removals++;
            }
        }

        // One removal can only be stale; it takes a lock for that, which the lock tables show.
        return removals > 0;
    }

    private void Check(FileContext file, FindingSink sink, SyntaxNode call, ListEntry entry, RemovalState state)
    {
        string name = SyntaxHelpers.CalleeName(call)!;
        string text = entry.Member.Length == 0 ? entry.Object : $"{entry.Object.Replace(" ", string.Empty, StringComparison.Ordinal)}->{entry.Member}";
        if (state.Removed.Must.TryGetValue(entry.Key, out var first))
        {
            sink.Report(new Finding(
                Descriptor,
                file.Locate(call),
                $"{text} removed twice: {first.Note}() at line {first.Location.Start.Line} already removed it on every path here, and removing it again corrupts the list (list_del_init may be repeated)",
                [new RelatedLocation(first.Location, $"{text} first removed here")]));
            return;
        }

        // The element's test under the retaken lock showed another remover's condition on this
        // branch (Shown: "e|field|state"), and another function removes this link under it.
        foreach (var (key, shown) in state.Shown.Must)
        {
            string[] parts = key.Split('|');
            if (parts[0] != entry.Object || !state.Stale.Must.ContainsKey(entry.Object) || state.Removed.May.ContainsKey(entry.Key)
                || ListRemovers.Of(file).Other(entry.Member, parts[1], parts[2], shown.Note) is not { } other)
            {
                continue;
            }

            sink.Report(new Finding(
                Descriptor,
                file.Locate(call),
                $"{text} removed by {name}() on the branch where the test at line {shown.Location.Start.Line} shows that {other.Function}() has removed it (it removes {entry.Member} when {parts[1]} is {parts[2]}, line {other.Location.Start.Line}); the lock it was found under was dropped since, so it is removed twice",
                [new RelatedLocation(shown.Location, "test showing the other removal"), new RelatedLocation(other.Location, $"{other.Function}() removes it here")]));
            return;
        }
    }

    /// <summary>
    /// Locks held; elements removed (by entry key); elements found under a lock (by object, note:
    /// the lock key); elements whose lock was dropped since; what tests of stale elements showed
    /// ("e|field|zero" or "e|field|nonzero", note: the function).
    /// </summary>
    private sealed record RemovalState(LockState Locks, KeyedFacts Removed, KeyedFacts Found, KeyedFacts Stale, KeyedFacts Shown)
    {
        public static RemovalState Join(RemovalState a, RemovalState b) =>
            new(LockState.Join(a.Locks, b.Locks), KeyedFacts.Join(a.Removed, b.Removed), KeyedFacts.Join(a.Found, b.Found), KeyedFacts.Join(a.Stale, b.Stale), KeyedFacts.Join(a.Shown, b.Shown));

        public bool Same(RemovalState other) =>
            Locks.Equals(other.Locks) && Removed.Equals(other.Removed) && Found.Equals(other.Found) && Stale.Equals(other.Stale) && Shown.Equals(other.Shown);

        public RemovalState Forget(string objectKey) => this with
        {
            Removed = Removed.RemoveWhere(k => ListEntry.ObjectOfKey(k) == objectKey),
            Found = Found.Remove(objectKey),
            Stale = Stale.Remove(objectKey),
            Shown = Shown.RemoveWhere(k => ListEntry.ObjectOfKey(k) == objectKey),
        };
    }

    private readonly struct Removals : IForwardAnalysis<RemovalState>
    {
        private readonly FileContext _file;
        private readonly LockModel _model;
        private readonly LockAnalysis _locks;
        private readonly ListRemovers _removers;
        private readonly string _function;

        public Removals(FileContext file, LockModel model, ListRemovers removers, string function)
        {
            _file = file;
            _model = model;
            _locks = new LockAnalysis(model);
            _removers = removers;
            _function = function;
        }

        public RemovalState Initial(IFlowGraph graph) => new(_model.InitialState(), KeyedFacts.Empty, KeyedFacts.Empty, KeyedFacts.Empty, KeyedFacts.Empty);

        public RemovalState Transfer(IFlowGraph graph, int node, RemovalState input) => Run(graph, node, input, null);

        /// <summary>
        /// A test of a stale element with a lock held: on the branch where it shows a field in the
        /// state another remover leaves it in, that is noted; on the other branch, and for any other
        /// test of the element (list_empty, hlist_unhashed, its owner), the element is re-checked.
        /// </summary>
        public RemovalState TransferEdge(IFlowGraph graph, int from, FlowEdge edge, RemovalState output)
        {
            var state = output with { Locks = _locks.TransferEdge(graph, from, edge, output.Locks) };
            if (edge.Kind == FlowEdgeKind.Normal || graph.GetKind(from) != FlowNodeKind.Branch || state.Locks.Must.Count == 0
                || state.Stale.May.Count == 0 || LockAnalysis.BranchCondition(graph, from) is not { } condition)
            {
                return state;
            }

            foreach (var (obj, _) in state.Stale.May)
            {
                if (!SyntaxHelpers.Identifiers(condition).Contains(obj))
                {
                    continue;
                }

                // A test that changes the field itself (its own atomic_dec_and_test()) is this
                // function's removal condition, not a sign of another remover.
                if (!ListRemovers.Modifies(condition) && ListRemovers.FieldTest(condition, obj) is var (field, whenTrue, whenFalse)
                    && (edge.Kind == FlowEdgeKind.True ? whenTrue : whenFalse) is { } shown
                    && _removers.Removes(field, shown, _function))
                {
                    state = state with { Shown = state.Shown.Add(new Fact($"{obj}|{field}|{shown}", _file.Locate(condition), _function)) };
                    continue;
                }

                state = state with { Stale = state.Stale.Remove(obj) };
            }

            return state;
        }

        public RemovalState Join(RemovalState left, RemovalState right) => RemovalState.Join(left, right);

        public bool Same(RemovalState left, RemovalState right) => left.Same(right);

        public RemovalState Run(IFlowGraph graph, int node, RemovalState input, Action<SyntaxNode, ListEntry, RemovalState>? onRemove)
        {
            var state = input;
            var tables = _file.Primitives;
            bool branch = graph.GetKind(node) == FlowNodeKind.Branch;
            foreach (var call in FlowSyntax.Calls(graph, node))
            {
                if (_model.Classify(call) is { IsAcquire: false } release)
                {
                    foreach (var (obj, found) in state.Found.Must)
                    {
                        if (found.Note == release.Key)
                        {
                            state = state with { Stale = state.Stale.Add(new Fact(obj, _file.Locate(call), SyntaxHelpers.Text(call))) };
                        }
                    }
                }

                state = state with { Locks = _model.Apply(state.Locks, call, branch) };
                if (SyntaxHelpers.CalleeName(call) is not { } name || tables.FindListOperation(name) is not { } operation
                    || operation.Kind == ListOperationKind.Get || ListEntry.Of(operation, call) is not { } entry)
                {
                    continue;
                }

                switch (operation.Kind)
                {
                    case ListOperationKind.Delete:
                        onRemove?.Invoke(call, entry, state);
                        state = state with
                        {
                            Removed = state.Removed.Add(new Fact(entry.Key, _file.Locate(call), name)),
                            Found = state.Found.Remove(entry.Object),
                            Stale = state.Stale.Remove(entry.Object),
                        };
                        break;
                    default:
                        state = state with { Removed = state.Removed.Remove(entry.Key), Stale = state.Stale.Remove(entry.Object) };
                        break;
                }
            }

            foreach (var syntax in FlowSyntax.EvaluatedNodes(graph, node))
            {
                if (Assignment(syntax) is not var (target, value))
                {
                    continue;
                }

                state = state.Forget(target);
                foreach (var (obj, _) in state.Removed.May)
                {
                    if (ListEntry.DiesWith(ListEntry.ObjectOfKey(obj), target))
                    {
                        state = state.Forget(ListEntry.ObjectOfKey(obj));
                    }
                }

                if (value is { } v && FindsOnList(tables, v) && state.Locks.Must.Count > 0)
                {
                    state = state with { Found = state.Found.Add(new Fact(target, _file.Locate(syntax), Innermost(state.Locks).Key)) };
                }
            }

            if (graph.GetKind(node) == FlowNodeKind.IteratorHead && graph.GetSyntax(node) is { Kind: SyntaxKind.IteratorStatement } loop
                && tables.FindListOperation(loop.AsIteratorStatement().Name.Text) is { Kind: ListOperationKind.Get } iterator
                && SyntaxHelpers.Argument(loop, iterator.EntryArgument) is { } position)
            {
                string target = SyntaxHelpers.Key(position);
                state = state.Forget(target);
                if (state.Locks.Must.Count > 0)
                {
                    state = state with { Found = state.Found.Add(new Fact(target, _file.Locate(position), Innermost(state.Locks).Key)) };
                }
            }

            return state;
        }

        private static (string Target, SyntaxNode? Value)? Assignment(SyntaxNode node)
        {
            if (node.Kind == SyntaxKind.AssignmentExpression)
            {
                var assignment = node.AsAssignmentExpression();
                return (SyntaxHelpers.Key(assignment.Left), assignment.Operator.Kind == SyntaxKind.EqualsToken ? assignment.Right : null);
            }

            // p++, --p: the variable moves to another element.
            if (node.Kind == SyntaxKind.PostfixUnary && node.AsPostfixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken)
            {
                return (SyntaxHelpers.Key(node.AsPostfixUnary().Operand), null);
            }

            if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken)
            {
                return (SyntaxHelpers.Key(node.AsPrefixUnary().Operand), null);
            }

            if (node.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(node.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
            {
                return (name, node.AsInitDeclarator().Initializer);
            }

            return null;
        }

        private static bool FindsOnList(PrimitiveTables tables, SyntaxNode value) =>
            SyntaxHelpers.CalleeName(SyntaxHelpers.StripParenthesesAndCasts(value)) is { } name && tables.FindListOperation(name) is { Kind: ListOperationKind.Get };

        private static HeldLock Innermost(LockState locks) => locks.Must.MaxBy(h => h.Location.Span.Start)!;
    }
}
