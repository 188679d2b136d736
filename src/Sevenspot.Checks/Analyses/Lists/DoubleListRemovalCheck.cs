using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// double-list-removal: forward dataflow, with the locks held, of the elements a function has
/// removed with list_del (or TAILQ_REMOVE, LIST_REMOVE) and of the elements it found on a list
/// under a lock. A removal of an element already removed on every path is reported; so is a
/// removal of an element found under a lock that was dropped since (and maybe taken again),
/// with no re-check of membership (list_empty, hlist_unhashed) in between. list_del_init,
/// re-adding the element, or assigning its variable clear what is known.
/// </summary>
public sealed class DoubleListRemovalCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.DoubleListRemoval;

    public override bool NeedsFlowGraphs => true;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        Dictionary<string, List<SyntaxNode>>? unlinkers = null;
        foreach (var function in file.Functions)
        {
            if (file.GetFlowGraph(function) is not { } graph || !Removes(file.Primitives, function))
            {
                continue;
            }

            var analysis = new Removals(file, FileLockFacts.ModelFor(file, function));
            var result = ForwardDataflow.Solve<RemovalState, Removals>(graph, analysis);
            if (!result.Converged)
            {
                continue;
            }

            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (result.IsReached(node))
                {
                    analysis.Run(graph, node, result.In(node), (call, entry, state) => Check(file, sink, call, entry, state, function, unlinkers ??= Unlinkers(file)));
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

    /// <summary>The functions of the file that unlink an element by each link member (list_del(&amp;x->node), list_move(&amp;x->node, ...)).</summary>
    private static Dictionary<string, List<SyntaxNode>> Unlinkers(FileContext file)
    {
        var unlinkers = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
            {
                if (SyntaxHelpers.CalleeName(call) is not { } name
                    || file.Primitives.FindListOperation(name) is not { Kind: ListOperationKind.Delete or ListOperationKind.DeleteInit or ListOperationKind.Move } operation
                    || ListEntry.Of(operation, call) is not { Member.Length: > 0 } entry)
                {
                    continue;
                }

                if (!unlinkers.TryGetValue(entry.Member, out var functions))
                {
                    unlinkers[entry.Member] = functions = [];
                }

                if (!functions.Contains(function))
                {
                    functions.Add(function);
                }
            }
        }

        return unlinkers;
    }

    private void Check(FileContext file, FindingSink sink, SyntaxNode call, ListEntry entry, RemovalState state, SyntaxNode function, Dictionary<string, List<SyntaxNode>> unlinkers)
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

        // A stale element is removed twice only when someone else may remove it meanwhile: another
        // function of the file unlinks elements by the same link. A list only this function takes
        // elements off (a tasklet's backlog, one interrupt path) may be left unlocked on purpose.
        if (state.Stale.Must.TryGetValue(entry.Object, out var stale) && !state.Removed.May.ContainsKey(entry.Key)
            && unlinkers.TryGetValue(entry.Member, out var others) && others.Exists(f => f != function))
        {
            sink.Report(new Finding(
                Descriptor,
                file.Locate(call),
                $"{text} removed by {name}() after the lock it was found under was dropped ({stale.Note}, line {stale.Location.Start.Line}) with no check that it is still on the list; another thread may have removed it meanwhile",
                [new RelatedLocation(stale.Location, "lock dropped here")]));
        }
    }

    /// <summary>Locks held; elements removed (by entry key); elements found under a lock (by object, note: the lock key); elements whose lock was dropped since.</summary>
    private sealed record RemovalState(LockState Locks, KeyedFacts Removed, KeyedFacts Found, KeyedFacts Stale)
    {
        public static RemovalState Join(RemovalState a, RemovalState b) =>
            new(LockState.Join(a.Locks, b.Locks), KeyedFacts.Join(a.Removed, b.Removed), KeyedFacts.Join(a.Found, b.Found), KeyedFacts.Join(a.Stale, b.Stale));

        public bool Same(RemovalState other) =>
            Locks.Equals(other.Locks) && Removed.Equals(other.Removed) && Found.Equals(other.Found) && Stale.Equals(other.Stale);

        public RemovalState Forget(string objectKey) => this with
        {
            Removed = Removed.RemoveWhere(k => ListEntry.ObjectOfKey(k) == objectKey),
            Found = Found.Remove(objectKey),
            Stale = Stale.Remove(objectKey),
        };
    }

    private readonly struct Removals : IForwardAnalysis<RemovalState>
    {
        private readonly FileContext _file;
        private readonly LockModel _model;
        private readonly LockAnalysis _locks;

        public Removals(FileContext file, LockModel model)
        {
            _file = file;
            _model = model;
            _locks = new LockAnalysis(model);
        }

        public RemovalState Initial(IFlowGraph graph) => new(_model.InitialState(), KeyedFacts.Empty, KeyedFacts.Empty, KeyedFacts.Empty);

        public RemovalState Transfer(IFlowGraph graph, int node, RemovalState input) => Run(graph, node, input, null);

        public RemovalState TransferEdge(IFlowGraph graph, int from, FlowEdge edge, RemovalState output) =>
            output with { Locks = _locks.TransferEdge(graph, from, edge, output.Locks) };

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

            // A test of the element made with a lock held again (if (irq->vcpu == vcpu)) is taken
            // for a re-check of what happened to it while the lock was dropped.
            if (branch && state.Locks.Must.Count > 0 && state.Stale.May.Count > 0)
            {
                foreach (var syntax in FlowSyntax.EvaluatedNodes(graph, node))
                {
                    if (syntax.Kind == SyntaxKind.IdentifierName && state.Stale.May.ContainsKey(SyntaxHelpers.Key(syntax)))
                    {
                        state = state with { Stale = state.Stale.Remove(SyntaxHelpers.Key(syntax)) };
                    }
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
