using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// A walk over the task list where no protection is held on every path, its protections, and
/// whether one is held on some path; or (<see cref="Asserted"/> set) a walk protected only by
/// what the function says its callers hold (<c>lockdep_assert_held</c>, <c>__must_hold</c>):
/// then each caller must hold it.
/// </summary>
public sealed record TaskWalk(string Macro, SourceLocation Location, IReadOnlyList<string> Needs, bool MayBeProtected, string? Asserted = null);

/// <summary>
/// A call (the first of its callee with these protections), and the task-list protections
/// ("rcu", "tasklist_lock", "field:siglock") held on every path to it. Where it is: the call's
/// span and its start's line and column, kept as numbers (a tree has millions of calls, and
/// few are ever reported: <see cref="TasklistUnlockedCheck"/> makes their locations).
/// </summary>
public readonly record struct ProtectedCall(string Callee, IReadOnlyList<string> Held, int Start, int Length, int Line, int Column);

public sealed record TasklistFunction(string Name, string Path, bool IsStatic, IReadOnlyList<TaskWalk> Walks, IReadOnlyList<ProtectedCall> Calls);

/// <summary>The walks and calls of one file's functions, and the functions it hands to code that stops the machine (as <see cref="TasklistUnlockedCheck.StoppedCallbacks"/> finds them).</summary>
public sealed record TasklistFacts(IReadOnlyList<TasklistFunction> Functions, IReadOnlyList<string> StoppedCallbacks, string Path);

/// <summary>
/// tasklist-unlocked. Per file: each walk over the task list (task-iterators.txt) where none of
/// its protections (RCU, tasklist_lock, for a thread group's list its siglock) is held on every
/// path, and each call with the protections held on every path to it. Over the tree: the
/// protections a function inherits are those every known call of it holds, itself or through
/// its own callers (a least fixed point). A walk with no protection held on any path and none
/// inherited is reported.
/// </summary>
public sealed class TasklistUnlockedCheck : TreeCheck<TasklistFacts>
{
    public override CheckDescriptor Descriptor => CheckDescriptors.TasklistUnlocked;

    public override bool NeedsFlowGraphs => true;

    protected override TasklistFacts? CollectFacts(FileContext file)
    {
        var protections = file.Primitives.TaskIterators.SelectMany(i => i.Needs).Distinct().Order(StringComparer.Ordinal).ToList();
        var functions = new List<TasklistFunction>();
        foreach (var function in file.Functions)
        {
            if (FileLockFacts.Analyze(file, function) is not var (graph, model, result))
            {
                continue;
            }

            var walks = new List<TaskWalk>();
            var calls = new List<ProtectedCall>();
            var seen = new HashSet<(string, string)>();
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
                    var where = file.LocateCompact(loop.AsIteratorStatement().Name);
                    if (!state.MustHold(iterator.IsProtectedBy))
                    {
                        walks.Add(new TaskWalk(iterator.Name, where, iterator.Needs, state.MayHold(iterator.IsProtectedBy)));
                    }
                    else if (!state.MustHold(h => iterator.IsProtectedBy(h) && !IsCallersLock(h)))
                    {
                        // Protected only by an assertion that the caller holds the lock: the
                        // callers are where the protection is taken, or missing.
                        var asserted = state.Must.First(h => iterator.IsProtectedBy(h) && IsCallersLock(h));
                        string what = asserted.Text[LockModel.AnnotatedByCaller.Length..^1];
                        string says = what == asserted.Key ? $"the annotation that its caller holds {what}" : $"{what}({asserted.Key})";
                        walks.Add(new TaskWalk(iterator.Name, where, iterator.Needs, true, $"{says}, line {asserted.Location.Start.Line}"));
                    }
                }

                LockAnalysis.Replay(model, graph, node, result.In(node), (call, state) =>
                {
                    if (SyntaxHelpers.CalleeName(call) is { } callee && model.Classify(call) is null)
                    {
                        var held = protections.Where(p => state.MustHold(h => TaskIterator.Satisfies(p, h))).ToArray();
                        if (seen.Add((callee, string.Join(",", held))))
                        {
                            // One call per callee and protections: the inherited protections are an intersection over calls.
                            var at = file.Text.GetLinePosition(call.Span.Start);
                            calls.Add(new ProtectedCall(file.Name(callee), held.Length == 0 ? [] : held, call.Span.Start, call.Span.Length, at.Line, at.Column));
                        }
                    }
                });
            }

            if (walks.Count == 0 && calls.Count == 0)
            {
                continue;
            }

            walks.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
            functions.Add(new TasklistFunction(file.Name(FunctionCensus.NameOf(function)), file.Path, SleepInAtomicCheck.IsStatic(function), walks.ToArray(), calls.ToArray()));
        }

        var stopped = StoppedCallbacks(file.Tree.Root);
        return functions.Count == 0 && stopped.Count == 0 ? null : new TasklistFacts(functions, stopped, file.Path);
    }

    /// <summary>A lock held because the function says its caller holds it (an assertion or annotation), not one it took.</summary>
    private static bool IsCallersLock(HeldLock held) => held.Text.StartsWith(LockModel.AnnotatedByCaller, StringComparison.Ordinal);

    /// <summary>What a function inherits when it runs with every other CPU stopped: no task can exit under a walk.</summary>
    private const string MachineStopped = "machine stopped";

    /// <summary>
    /// Functions that run with every other CPU stopped and interrupts off: the callbacks given to
    /// stop_machine() and stop_machine_cpuslocked(), and the kernel debugger's commands (the
    /// <c>.func</c> of a <c>kdbtab_t</c>), which run from the debug trap after kdb has rounded
    /// up the other CPUs.
    /// </summary>
    internal static List<string> StoppedCallbacks(SyntaxNode root)
    {
        var names = new List<string>();
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(node) is "stop_machine" or "stop_machine_cpuslocked"
                && SyntaxHelpers.Argument(node, 0) is { } callback && SyntaxHelpers.StripParenthesesAndCasts(callback) is { Kind: SyntaxKind.IdentifierName } named)
            {
                names.Add(named.AsIdentifierName().Identifier.Text);
            }
            else if (node.Kind == SyntaxKind.DesignatedInitializer && IsKdbCommand(node) is { } command)
            {
                names.Add(command);
            }
        }

        return names;
    }

    private static string? IsKdbCommand(SyntaxNode initializer)
    {
        var designated = initializer.AsDesignatedInitializer();
        if (SyntaxHelpers.Text(designated.DesignatorList) != ".func" || SyntaxHelpers.StripParentheses(designated.Value) is not { Kind: SyntaxKind.IdentifierName } value)
        {
            return null;
        }

        for (var node = initializer.Parent; node is { } n; node = n.Parent)
        {
            if (n.Kind == SyntaxKind.Declaration)
            {
                foreach (var token in n.DescendantTokens())
                {
                    if (token.Text == "kdbtab_t")
                    {
                        return value.AsIdentifierName().Identifier.Text;
                    }

                    if (token.Kind == SyntaxKind.EqualsToken)
                    {
                        break;
                    }
                }

                return null;
            }
        }

        return null;
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

        // inherited[f]: the protections every known call of f holds, itself or through its caller's
        // own inheritance. Starting from nothing and growing, recursion inherits nothing.
        var inherited = new Dictionary<TasklistFunction, HashSet<string>>(ReferenceEqualityComparer.Instance);
        foreach (var function in functions)
        {
            inherited[function] = new HashSet<string>(StringComparer.Ordinal);
        }

        var seeds = new HashSet<TasklistFunction>(ReferenceEqualityComparer.Instance);
        foreach (var file in facts)
        {
            foreach (string name in file.StoppedCallbacks)
            {
                foreach (var target in index.Resolve(name, file.Path))
                {
                    seeds.Add(target);
                    inherited[target].Add(MachineStopped);
                }
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var function in functions)
            {
                if (!callers.TryGetValue(function, out var list))
                {
                    continue;
                }

                HashSet<string>? common = null;
                foreach (var (caller, call) in list)
                {
                    var held = new HashSet<string>(call.Held, StringComparer.Ordinal);
                    held.UnionWith(inherited[caller]);
                    if (common is null)
                    {
                        common = held;
                    }
                    else
                    {
                        common.IntersectWith(held);
                    }
                }

                if (common is not null && seeds.Contains(function))
                {
                    common.Add(MachineStopped);
                }

                if (common is not null && !common.SetEquals(inherited[function]))
                {
                    inherited[function] = common;
                    changed = true;
                }
            }
        }

        foreach (var function in functions)
        {
            foreach (var walk in function.Walks)
            {
                if (walk.Asserted is { } asserted)
                {
                    ReportUnprotectedCallers(function, walk, asserted, callers, inherited, sink);
                    continue;
                }

                if (!walk.MayBeProtected && !walk.Needs.Any(inherited[function].Contains) && !inherited[function].Contains(MachineStopped))
                {
                    sink.Report(new Finding(
                        Descriptor,
                        walk.Location,
                        $"{walk.Macro}() walks the task list with none of its protections held ({Describe(walk.Needs)}); tasks may be freed under the walk"));
                }
            }
        }
    }

    /// <summary>
    /// A walk protected by what its function asserts the caller holds: each known call made with
    /// none of the walk's protections held (by the caller, or inherited from the caller's own
    /// callers) is where the walk runs unprotected, and is reported there.
    /// </summary>
    private void ReportUnprotectedCallers(
        TasklistFunction function,
        TaskWalk walk,
        string asserted,
        Dictionary<TasklistFunction, List<(TasklistFunction Caller, ProtectedCall Call)>> callers,
        Dictionary<TasklistFunction, HashSet<string>> inherited,
        FindingSink sink)
    {
        if (!callers.TryGetValue(function, out var list))
        {
            return;
        }

        foreach (var (caller, call) in list)
        {
            var held = inherited[caller];
            if (ReferenceEquals(caller, function) || held.Contains(MachineStopped) || walk.Needs.Any(need => call.Held.Contains(need) || held.Contains(need)))
            {
                continue;
            }

            // A compact location: the run fills in its text (and columns) from the file.
            var span = new TextSpan(call.Start, call.Length);
            var location = new SourceLocation(caller.Path, span, new LinePosition(call.Line, call.Column), new LinePosition(call.Line, call.Column + call.Length), call.Column, call.Column + call.Length, string.Empty, string.Empty);
            sink.Report(new Finding(
                Descriptor,
                location,
                $"{function.Name}() walks the task list ({walk.Macro}(), line {walk.Location.Start.Line}) under {asserted}, but this call holds none of its protections ({Describe(walk.Needs)}); tasks may be freed under the walk"));
        }
    }

    private static string Describe(IReadOnlyList<string> needs) => string.Join(", ", needs.Select(n => n switch
    {
        "rcu" => "rcu_read_lock()",
        _ when n.StartsWith("field:", StringComparison.Ordinal) => "->" + n["field:".Length..],
        _ => n,
    }));
}
