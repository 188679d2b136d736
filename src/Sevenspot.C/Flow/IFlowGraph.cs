namespace Sevenspot.C.Flow;

/// <summary>What a node of an <see cref="IFlowGraph"/> does, as far as dataflow analyses care.</summary>
public enum FlowNodeKind : byte
{
    /// <summary>The function's entry: the state there is the function's initial state.</summary>
    Entry,

    /// <summary>The function's single exit: returns and the end of the body lead here.</summary>
    Exit,

    /// <summary>Evaluates <see cref="IFlowGraph.GetSyntax"/> (a statement, a declaration) and goes on.</summary>
    Statement,

    /// <summary>Evaluates a test and branches: its out-edges are marked True and False.</summary>
    Branch,

    /// <summary>Evaluates the returned expression, if any; its successor is the exit.</summary>
    Return,

    /// <summary>The head of an iterator macro loop (list_for_each_entry, for_each_process); its syntax is the macro call.</summary>
    IteratorHead,

    /// <summary>Anything else (joins, labels, braces): no effect of its own.</summary>
    Other,
}

/// <summary>Why control may go along an edge.</summary>
public enum FlowEdgeKind : byte
{
    Normal,

    /// <summary>Taken when the branch's test holds.</summary>
    True,

    /// <summary>Taken when the branch's test fails.</summary>
    False,

    /// <summary>
    /// Out of a switch's test (a Statement node) to what follows the switch, taken when no case
    /// label matches: only a switch without <c>default</c> has it. The switch's other out-edges,
    /// its dispatches to the case labels, are Normal.
    /// </summary>
    NoCase,
}

/// <summary>An edge to (for successors) or from (for predecessors) a node.</summary>
public readonly record struct FlowEdge(int Node, FlowEdgeKind Kind);

/// <summary>
/// The control-flow graph of one function as dataflow analyses (the kernel checks) see it: nodes
/// numbered 0..NodeCount-1 with one entry and one exit, executable edges only (no structural
/// edges), and for each node the syntax it evaluates. It is deliberately small, so that any graph —
/// a function's <see cref="ControlFlowView"/>, or a graph written by hand in a test — can stand behind it.
/// </summary>
public interface IFlowGraph
{
    int NodeCount { get; }

    int Entry { get; }

    int Exit { get; }

    /// <summary>The function definition the graph belongs to.</summary>
    SyntaxNode Function { get; }

    FlowNodeKind GetKind(int node);

    /// <summary>
    /// The syntax the node evaluates, or null: the statement for a Statement node, the test
    /// expression for a Branch, the returned expression (or the return statement) for Return,
    /// the macro call's argument list holder (the IteratorStatement) for IteratorHead. Never a
    /// statement that holds other statements: effects of nested statements belong to their own nodes.
    /// </summary>
    SyntaxNode? GetSyntax(int node);

    ReadOnlySpan<FlowEdge> GetSuccessors(int node);

    ReadOnlySpan<FlowEdge> GetPredecessors(int node);
}

/// <summary>Builds the control-flow graph of a function definition; returns null when it cannot.</summary>
public interface IFlowGraphProvider
{
    IFlowGraph? Build(SyntaxNode functionDefinition);

    /// <summary>The graph of a function of a file session: a provider that builds the session's own view reuses it.</summary>
    IFlowGraph? Build(SourceSession session, SyntaxNode functionDefinition) => Build(functionDefinition);
}
