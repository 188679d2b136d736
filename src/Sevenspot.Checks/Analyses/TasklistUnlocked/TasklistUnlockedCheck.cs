using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>A walk over the task list, and whether RCU or tasklist_lock is held there on some path.</summary>
public sealed record TaskWalk(string Macro, SourceLocation Location, bool MayBeProtected);

/// <summary>A call, and whether RCU or tasklist_lock is held on every path to it.</summary>
public sealed record ProtectedCall(string Callee, SourceLocation Location, bool Protected);

public sealed record TasklistFunction(string Name, string Path, bool IsStatic, IReadOnlyList<TaskWalk> Walks, IReadOnlyList<ProtectedCall> Calls);

public sealed record TasklistFacts(IReadOnlyList<TasklistFunction> Functions);

/// <summary>
/// tasklist-unlocked. Per file: each walk over the task list (task-iterators.txt) where no path
/// holds rcu_read_lock (or its _bh/_sched forms) or tasklist_lock, and each call with whether
/// every path to it holds one. Over the tree: a function is protected by its callers when it has
/// known callers and every call of it is protected, or made from a protected function (to a
/// fixed point). Walks in functions that are not are reported.
/// </summary>
public sealed class TasklistUnlockedCheck : TreeCheck<TasklistFacts>
{
    public override CheckDescriptor Descriptor => CheckDescriptors.TasklistUnlocked;

    public override bool NeedsFlowGraphs => true;

    internal static bool Protects(HeldLock held) =>
        held.Kind == LockKind.Rcu || held.Class == "tasklist_lock" || held.Key == "tasklist_lock";

    protected override TasklistFacts? CollectFacts(FileContext file)
    {
        var functions = new List<TasklistFunction>();
        foreach (var function in file.Functions)
        {
            if (FileLockFacts.Analyze(file, function) is not var (graph, model, result))
            {
                continue;
            }

            var walks = new List<TaskWalk>();
            var calls = new List<ProtectedCall>();
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (!result.IsReached(node))
                {
                    continue;
                }

                if (graph.GetKind(node) == FlowNodeKind.IteratorHead && graph.GetSyntax(node) is { Kind: SyntaxKind.IteratorStatement } loop
                    && file.Primitives.FindTaskIterator(loop.AsIteratorStatement().Name.Text) is { } iterator)
                {
                    var state = result.In(node);
                    if (!state.MustHold(Protects))
                    {
                        walks.Add(new TaskWalk(iterator.Name, file.LocateCompact(loop.AsIteratorStatement().Name), state.MayHold(Protects)));
                    }
                }

                LockAnalysis.Replay(model, graph, node, result.In(node), (call, state) =>
                {
                    if (SyntaxHelpers.CalleeName(call) is { } callee && model.Classify(call) is null)
                    {
                        calls.Add(new ProtectedCall(callee, file.LocateCompact(call), state.MustHold(Protects)));
                    }
                });
            }

            if (walks.Count == 0 && calls.Count == 0)
            {
                continue;
            }

            walks.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
            functions.Add(new TasklistFunction(FunctionCensus.NameOf(function), file.Path, SleepInAtomicCheck.IsStatic(function), walks, calls));
        }

        return functions.Count == 0 ? null : new TasklistFacts(functions);
    }

    protected override void Analyze(IReadOnlyList<TasklistFacts> facts, TreeContext tree, FindingSink sink)
    {
        var functions = facts.SelectMany(f => f.Functions).ToList();
        var index = new FunctionIndex<TasklistFunction>(functions, f => f.Name, f => f.Path, f => f.IsStatic);
        var callers = new Dictionary<TasklistFunction, List<(TasklistFunction Caller, ProtectedCall Call)>>(ReferenceEqualityComparer.Instance);
        foreach (var function in functions)
        {
            foreach (var call in function.Calls)
            {
                foreach (var target in index.Resolve(call.Callee, function.Path))
                {
                    if (!callers.TryGetValue(target, out var list))
                    {
                        callers[target] = list = [];
                    }

                    list.Add((function, call));
                }
            }
        }

        var protectedByCallers = new HashSet<TasklistFunction>(ReferenceEqualityComparer.Instance);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var function in functions)
            {
                if (protectedByCallers.Contains(function) || !callers.TryGetValue(function, out var list))
                {
                    continue;
                }

                if (list.All(c => c.Call.Protected || protectedByCallers.Contains(c.Caller)))
                {
                    protectedByCallers.Add(function);
                    changed = true;
                }
            }
        }

        foreach (var function in functions)
        {
            if (protectedByCallers.Contains(function))
            {
                continue;
            }

            foreach (var walk in function.Walks)
            {
                if (!walk.MayBeProtected)
                {
                    sink.Report(new Finding(
                        Descriptor,
                        walk.Location,
                        $"{walk.Macro}() walks the task list with neither rcu_read_lock() nor tasklist_lock held; tasks may be freed under the walk"));
                }
            }
        }
    }
}
