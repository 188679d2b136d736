using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// double-list-removal: forward dataflow of the elements a function has removed with list_del
/// (or TAILQ_REMOVE, LIST_REMOVE). A removal of an element already removed on every path is
/// reported. list_del_init, re-adding the element, or assigning its variable clear what is known.
/// A removal after the lock the element was found under was dropped is not reported: whether
/// another remover can run meanwhile (the same work item, a flush that first stops the
/// producer, a release that needs the last reference) is not known.
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

            var analysis = new Removals(file);
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
    }

    /// <summary>Elements removed (by entry key).</summary>
    private sealed record RemovalState(KeyedFacts Removed)
    {
        public static RemovalState Join(RemovalState a, RemovalState b) => new(KeyedFacts.Join(a.Removed, b.Removed));

        public bool Same(RemovalState other) => Removed.Equals(other.Removed);

        public RemovalState Forget(string objectKey) => this with { Removed = Removed.RemoveWhere(k => ListEntry.ObjectOfKey(k) == objectKey) };
    }

    private readonly struct Removals : IForwardAnalysis<RemovalState>
    {
        private readonly FileContext _file;

        public Removals(FileContext file)
        {
            _file = file;
        }

        public RemovalState Initial(IFlowGraph graph) => new(KeyedFacts.Empty);

        public RemovalState Transfer(IFlowGraph graph, int node, RemovalState input) => Run(graph, node, input, null);

        public RemovalState TransferEdge(IFlowGraph graph, int from, FlowEdge edge, RemovalState output) => output;

        public RemovalState Join(RemovalState left, RemovalState right) => RemovalState.Join(left, right);

        public bool Same(RemovalState left, RemovalState right) => left.Same(right);

        public RemovalState Run(IFlowGraph graph, int node, RemovalState input, Action<SyntaxNode, ListEntry, RemovalState>? onRemove)
        {
            var state = input;
            var tables = _file.Primitives;
            foreach (var call in FlowSyntax.Calls(graph, node))
            {
                if (SyntaxHelpers.CalleeName(call) is not { } name || tables.FindListOperation(name) is not { } operation
                    || operation.Kind == ListOperationKind.Get || ListEntry.Of(operation, call) is not { } entry)
                {
                    continue;
                }

                switch (operation.Kind)
                {
                    case ListOperationKind.Delete:
                        onRemove?.Invoke(call, entry, state);
                        state = state with { Removed = state.Removed.Add(new Fact(entry.Key, _file.Locate(call), name)) };
                        break;
                    default:
                        state = state with { Removed = state.Removed.Remove(entry.Key) };
                        break;
                }
            }

            foreach (var syntax in FlowSyntax.EvaluatedNodes(graph, node))
            {
                if (Assignment(syntax) is not var (target, _))
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
            }

            if (graph.GetKind(node) == FlowNodeKind.IteratorHead && graph.GetSyntax(node) is { Kind: SyntaxKind.IteratorStatement } loop
                && tables.FindListOperation(loop.AsIteratorStatement().Name.Text) is { Kind: ListOperationKind.Get } iterator
                && SyntaxHelpers.Argument(loop, iterator.EntryArgument) is { } position)
            {
                state = state.Forget(SyntaxHelpers.Key(position));
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
    }
}
