namespace Sevenspot.C.Flow;

/// <summary>
/// The control-flow graph of one function body, shaped like the graphs spatch builds
/// (<c>parsing_c/control_flow_c_build.ml</c> in Coccinelle 1.1.1) so that SmPL rules model-check
/// over it the way they do in spatch, and usable by dataflow analyses (skip
/// <see cref="ControlFlowEdgeKind.After"/> edges, which are structural).
/// </summary>
/// <remarks>
/// Every node is kept, including code no path reaches (after a return, a goto or a break);
/// such nodes have no predecessors. Statement expressions (<c>({ ... })</c>) are not expanded:
/// the statement that holds one is a single node, as in spatch. Nodes are numbered densely in
/// the order they are built, which follows spatch's order (spatch's own numbers have gaps where
/// it deleted nodes).
/// </remarks>
public sealed class ControlFlowGraph
{
    private readonly ControlFlowNode[] _nodes;
    private readonly ControlFlowEdge[] _outEdges;
    private readonly int[] _outStart;
    private readonly ControlFlowEdge[] _inEdges;
    private readonly int[] _inStart;

    internal ControlFlowGraph(SyntaxNode function, ControlFlowNode[] nodes, ControlFlowEdge[] outEdges, int[] outStart, ControlFlowEdge[] inEdges, int[] inStart, List<ControlFlowProblem> problems, int[] anchors)
    {
        Function = function;
        _nodes = nodes;
        _outEdges = outEdges;
        _outStart = outStart;
        _inEdges = inEdges;
        _inStart = inStart;
        Problems = problems;
        Top = nodes[anchors[0]];
        Header = nodes[anchors[1]];
        Entry = nodes[anchors[2]];
        Exit = nodes[anchors[3]];
        ErrorExit = nodes[anchors[4]];
        foreach (var node in nodes)
        {
            node.Attach(this);
        }
    }

    /// <summary>The function definition the graph was built from.</summary>
    public SyntaxNode Function { get; }

    public string FunctionName => FunctionCensus.NameOf(Function);

    /// <summary>All nodes, by <see cref="ControlFlowNode.Index"/>.</summary>
    public IReadOnlyList<ControlFlowNode> Nodes => _nodes;

    /// <summary>All edges, ordered by source then target; each (source, target) pair occurs once.</summary>
    public ReadOnlySpan<ControlFlowEdge> Edges => _outEdges;

    /// <summary>"[top]", the node every path starts from.</summary>
    public ControlFlowNode Top { get; }

    /// <summary>"function f", the header node.</summary>
    public ControlFlowNode Header { get; }

    /// <summary>"[enter]", the node before the body.</summary>
    public ControlFlowNode Entry { get; }

    /// <summary>"[exit]", where the function ends normally.</summary>
    public ControlFlowNode Exit { get; }

    /// <summary>"[errorexit]", where returns from the then-branch of an if without else end. It may have no predecessors.</summary>
    public ControlFlowNode ErrorExit { get; }

    /// <summary>Constructs spatch would refuse to build a graph for, and how they were modelled. The matcher may skip such functions to behave as spatch.</summary>
    public IReadOnlyList<ControlFlowProblem> Problems { get; }

    /// <summary>The edges leaving a node, ordered by target.</summary>
    public ReadOnlySpan<ControlFlowEdge> GetSuccessors(int node) => _outEdges.AsSpan(_outStart[node], _outStart[node + 1] - _outStart[node]);

    /// <summary>The edges entering a node, ordered by source.</summary>
    public ReadOnlySpan<ControlFlowEdge> GetPredecessors(int node) => _inEdges.AsSpan(_inStart[node], _inStart[node + 1] - _inStart[node]);

    /// <summary>The nodes that stand for a syntax node (a statement has one; an if has its header, [then], [endif], ...).</summary>
    public List<ControlFlowNode> GetNodes(SyntaxNode syntax)
    {
        var result = new List<ControlFlowNode>();
        foreach (var node in _nodes)
        {
            if (node.Syntax == syntax)
            {
                result.Add(node);
            }
        }

        return result;
    }

    /// <summary>Builds the graph of a function definition. Never throws on bad code: odd constructs are recorded in <see cref="Problems"/>.</summary>
    public static ControlFlowGraph Build(SyntaxNode functionDefinition)
    {
        if (functionDefinition.Kind != SyntaxKind.FunctionDefinition)
        {
            throw new ArgumentException($"Expected a function definition, got {functionDefinition.Kind}.", nameof(functionDefinition));
        }

        return new ControlFlowGraphBuilder(functionDefinition).Build();
    }

    /// <summary>The graphs of every function definition of a file, in file order.</summary>
    public static List<ControlFlowGraph> BuildAll(SyntaxTree tree)
    {
        var graphs = new List<ControlFlowGraph>();
        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.Kind == SyntaxKind.FunctionDefinition)
            {
                graphs.Add(Build(item));
            }
        }

        return graphs;
    }

    /// <summary>
    /// The graph in Graphviz DOT, with node labels as spatch's --control-flow-to-file writes them:
    /// text, statement labels, one '*' per back edge into the node, and the node number.
    /// </summary>
    public string ToDot(string graphName = "misc") => ControlFlowText.ToDot(this, graphName);

    public override string ToString() => $"{FunctionName}: {_nodes.Length} nodes, {_outEdges.Length} edges";
}
