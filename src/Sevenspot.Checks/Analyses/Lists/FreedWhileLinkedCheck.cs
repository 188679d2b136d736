using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// freed-while-linked: forward dataflow of the list links a function made (list_add and
/// relatives, lists.txt) and has not undone (list_del, list_del_init); a free (frees.txt) of an
/// object one of whose links is made on every path to it is reported. Assigning the object's
/// variable forgets its links.
/// </summary>
public sealed class FreedWhileLinkedCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.FreedWhileLinked;

    public override bool NeedsFlowGraphs => true;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        foreach (var function in file.Functions)
        {
            if (file.GetFlowGraph(function) is not { } graph || !MakesLinks(file.Primitives, function))
            {
                continue;
            }

            var analysis = new Links(file);
            var result = ForwardDataflow.Solve<KeyedFacts, Links>(graph, analysis);
            if (!result.Converged)
            {
                continue;
            }

            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (result.IsReached(node))
                {
                    analysis.Run(graph, node, result.In(node), (call, free, state) => Check(file, sink, call, free, state));
                }
            }
        }
    }

    private static bool MakesLinks(PrimitiveTables tables, SyntaxNode function)
    {
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name && tables.FindListOperation(name) is { Kind: ListOperationKind.Add or ListOperationKind.Move })
            {
                return true;
            }
        }

        return false;
    }

    private void Check(FileContext file, FindingSink sink, SyntaxNode call, FreeFunction free, KeyedFacts state)
    {
        if (SyntaxHelpers.Argument(call, free.ObjectArgument) is not { } argument)
        {
            return;
        }

        string obj = SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(argument));
        foreach (var (key, fact) in state.Must)
        {
            if (ListEntry.ObjectOfKey(key) != obj)
            {
                continue;
            }

            string member = key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..];
            string text = SyntaxHelpers.Text(SyntaxHelpers.StripParenthesesAndCasts(argument));
            string link = member.Length == 0 ? text : $"{text}->{member}";
            sink.Report(new Finding(
                Descriptor,
                file.Locate(call),
                $"{text} is freed by {free.Name}() while {link} is still on a list: {fact.Note}() at line {fact.Location.Start.Line} linked it, and nothing unlinks it on the way here",
                [new RelatedLocation(fact.Location, $"{link} linked here")]));
            return;
        }
    }

    /// <summary>The links made and not undone: keys are list entries, facts say where they were made.</summary>
    private readonly struct Links : IForwardAnalysis<KeyedFacts>
    {
        private readonly FileContext _file;

        public Links(FileContext file)
        {
            _file = file;
        }

        public KeyedFacts Initial(IFlowGraph graph) => KeyedFacts.Empty;

        public KeyedFacts Transfer(IFlowGraph graph, int node, KeyedFacts input) => Run(graph, node, input, null);

        public KeyedFacts TransferEdge(IFlowGraph graph, int from, FlowEdge edge, KeyedFacts output) => output;

        public KeyedFacts Join(KeyedFacts left, KeyedFacts right) => KeyedFacts.Join(left, right);

        public bool Same(KeyedFacts left, KeyedFacts right) => left.Equals(right);

        /// <summary>Applies a node's list operations and assignments, telling the visitor about each free with the state before it.</summary>
        public KeyedFacts Run(IFlowGraph graph, int node, KeyedFacts input, Action<SyntaxNode, FreeFunction, KeyedFacts>? onFree)
        {
            var state = input;
            var tables = _file.Primitives;
            foreach (var call in FlowSyntax.Calls(graph, node))
            {
                if (SyntaxHelpers.CalleeName(call) is not { } name)
                {
                    continue;
                }

                if (tables.FindFree(name) is { } free)
                {
                    onFree?.Invoke(call, free, state);
                    continue;
                }

                // Waiting for another thread (a completion, an event, a flush) may be waiting for
                // it to take the object off the list: what the function linked is no longer known.
                if (tables.FindSleeping(name) is { Reason: SleepReason.Waits })
                {
                    state = state.RemoveWhere(_ => true);
                    continue;
                }

                if (tables.FindListOperation(name) is not { } operation || ListEntry.Of(operation, call) is not { } entry)
                {
                    continue;
                }

                state = operation.Kind switch
                {
                    ListOperationKind.Add or ListOperationKind.Move => state.Add(new Fact(entry.Key, _file.Locate(call), name)),
                    ListOperationKind.Delete or ListOperationKind.DeleteInit => state.Remove(entry.Key),
                    _ => state,
                };
            }

            foreach (string assigned in ListEntry.AssignedKeys(FlowSyntax.EvaluatedNodes(graph, node)))
            {
                state = state.RemoveWhere(key => ListEntry.DiesWith(ListEntry.ObjectOfKey(key), assigned));
            }

            return state;
        }
    }
}
