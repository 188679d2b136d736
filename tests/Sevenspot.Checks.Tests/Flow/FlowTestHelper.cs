using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Tests.Flow;

/// <summary>Parses a snippet and gives the lock state before each call of one function, on the C front end's control-flow graph.</summary>
internal static class FlowTestHelper
{
    public static FileContext Parse(string code)
    {
        var tree = Parser.Parse(code, "test.c");
        Assert.False(tree.Root.ContainsErrors, "the snippet does not parse");
        return new FileContext(tree, PrimitiveTables.Builtin, ControlFlowViewProvider.Instance);
    }

    public static SyntaxNode Function(FileContext file, string name) =>
        file.Functions.Single(f => FunctionCensus.NameOf(f) == name);

    /// <summary>"callee#n" (n-th call of that callee, from 1) → the lock state before the call.</summary>
    public static Dictionary<string, LockState> StatesBeforeCalls(string code, string function)
    {
        var file = Parse(code);
        var definition = Function(file, function);
        var graph = file.GetFlowGraph(definition)!;
        var model = FileLockFacts.ModelFor(file, definition);
        var result = LockAnalysis.Solve(graph, model);
        Assert.True(result.Converged);
        var states = new Dictionary<string, LockState>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var calls = new List<(int Position, string Name, LockState State)>();
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (!result.IsReached(node))
            {
                continue;
            }

            LockAnalysis.Replay(model, graph, node, result.In(node), (call, state) =>
                calls.Add((call.Span.Start, SyntaxHelpers.CalleeName(call) ?? "?", state)));
        }

        foreach (var (_, name, state) in calls.OrderBy(c => c.Position))
        {
            int n = seen[name] = seen.GetValueOrDefault(name) + 1;
            states[$"{name}#{n}"] = state;
        }

        return states;
    }

    public static string Keys(IReadOnlyList<HeldLock> locks) => string.Join(", ", locks.Select(h => h.Key));
}
