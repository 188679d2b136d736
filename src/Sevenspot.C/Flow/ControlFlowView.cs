namespace Sevenspot.C.Flow;

/// <summary>
/// The one view of a function's <see cref="ControlFlowGraph"/> that both readers of control flow
/// take: the model checker reads its states (<see cref="StateNodes"/>: the graph folded the way
/// spatch prepares it), and dataflow analyses read it as an <see cref="IFlowGraph"/> (executable
/// edges only, every return straight to the one exit). Each folding is built on first use, so a
/// reader pays only for its own; a file session keeps one view per function.
/// </summary>
public sealed partial class ControlFlowView
{
    public ControlFlowView(ControlFlowGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
    }

    /// <summary>The view of a function definition's graph, built with <see cref="ControlFlowGraph.Build"/>.</summary>
    public static ControlFlowView Build(SyntaxNode functionDefinition) => new(ControlFlowGraph.Build(functionDefinition));

    public ControlFlowGraph Graph { get; }

    public override string ToString() => Graph.ToString();
}

/// <summary>Builds a function definition's <see cref="ControlFlowView"/>, the graph dataflow analyses read.</summary>
public sealed class ControlFlowViewProvider : IFlowGraphProvider
{
    public static readonly ControlFlowViewProvider Instance = new();

    public IFlowGraph? Build(SyntaxNode functionDefinition) =>
        functionDefinition.Kind == SyntaxKind.FunctionDefinition ? ControlFlowView.Build(functionDefinition) : null;

    /// <summary>The session's view of the function: the one the rule engine's model checker reads too.</summary>
    public IFlowGraph? Build(SourceSession session, SyntaxNode functionDefinition) =>
        functionDefinition.Kind == SyntaxKind.FunctionDefinition ? session.FlowView(functionDefinition) : null;
}
