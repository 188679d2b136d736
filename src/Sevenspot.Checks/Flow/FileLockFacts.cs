using Sevenspot.C;

namespace Sevenspot.Checks.Flow;

/// <summary>What the lock analyses of one file share: its file-scope names and its functions' lock annotations.</summary>
public sealed class FileLockFacts
{
    private FileLockFacts(FileContext file)
    {
        Scope = FileScope.Collect(file.Tree);
        Annotations = FunctionLockAnnotations.Collect(file.Tree, file.Primitives);
    }

    public FileScope Scope { get; }

    public IReadOnlyDictionary<string, FunctionLockAnnotations> Annotations { get; }

    private readonly Dictionary<int, (IFlowGraph Graph, LockModel Model, DataflowResult<LockState> Result)?> _analyses = [];

    public static FileLockFacts Of(FileContext file) => file.GetShared(f => new FileLockFacts(f));

    /// <summary>
    /// The lock analysis of a function, solved once and shared by every check of the run; null
    /// without a graph, or when the solver did not converge (checks then say nothing there).
    /// </summary>
    public static (IFlowGraph Graph, LockModel Model, DataflowResult<LockState> Result)? Analyze(FileContext file, SyntaxNode function)
    {
        var facts = Of(file);
        if (!facts._analyses.TryGetValue(function.Index, out var analysis))
        {
            analysis = null;
            if (file.GetFlowGraph(function) is { } graph)
            {
                var model = ModelFor(file, function);
                var result = LockAnalysis.Solve(graph, model);
                if (result.Converged)
                {
                    analysis = (graph, model, result);
                }
            }

            facts._analyses[function.Index] = analysis;
        }

        return analysis;
    }

    /// <summary>The lock model of one of the file's functions.</summary>
    public static LockModel ModelFor(FileContext file, SyntaxNode function)
    {
        var facts = Of(file);
        return new LockModel(file, function, facts.Scope, facts.Annotations);
    }
}
