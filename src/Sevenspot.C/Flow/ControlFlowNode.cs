namespace Sevenspot.C.Flow;

[Flags]
internal enum ControlFlowNodeFlags : byte
{
    None = 0,
    Duplicate = 1,
    Escapes = 2,
    Implicit = 4,
    Fake = 8,
    Deleted = 16,
}

/// <summary>One node of a <see cref="ControlFlowGraph"/>.</summary>
public sealed class ControlFlowNode
{
    private static readonly int[] s_noLabels = [];

    private ControlFlowGraph? _graph;

    internal ControlFlowNode(int index, ControlFlowNodeKind kind, SyntaxNode? syntax, int[] labels)
    {
        Index = index;
        Kind = kind;
        Syntax = syntax;
        LabelArray = labels;
    }

    /// <summary>The graph that holds the node.</summary>
    public ControlFlowGraph Graph => _graph ?? throw new InvalidOperationException("The node is not part of a graph yet.");

    /// <summary>Position of the node in <see cref="ControlFlowGraph.Nodes"/>; nodes are numbered in the order they are built.</summary>
    public int Index { get; internal set; }

    public ControlFlowNodeKind Kind { get; }

    /// <summary>
    /// The syntax the node stands for: the statement for statement-like nodes; the if, loop, switch
    /// or block for their helper nodes ([then], [endwhile], [after], "}n", ...); the case or default
    /// label for "[casenode]"; the block that holds the directive for #if nodes; the function
    /// definition for [top], the header, [enter], [exit] and [errorexit].
    /// </summary>
    public SyntaxNode? Syntax { get; }

    /// <summary>For "{n" and "}n", the brace number n (1 for the function body); otherwise 0.</summary>
    public int BraceLevel { get; internal set; }

    /// <summary>For "[casenode] n", n: the rank of the case or default label in the function.</summary>
    public int CaseNumber { get; internal set; }

    /// <summary>For [after] nodes, the jump that made it.</summary>
    public AfterKind AfterKind { get; internal set; }

    /// <summary>For the #if nodes, the directive.</summary>
    public Directive? Directive { get; internal set; }

    /// <summary>
    /// The statement path of the node, as spatch numbers it: one number per enclosing statement,
    /// outermost first, counted per function ([1] for the header, [1,2,k] for the body's k-th
    /// statement, ...). The matcher's Label and PrefixLabel atoms compare these; "is inside
    /// statement S" is "starts with the labels of S".
    /// </summary>
    public ReadOnlySpan<int> Labels => LabelArray;

    /// <summary>For break and continue, the <see cref="Labels"/> of the loop or switch they leave; empty otherwise.</summary>
    public ReadOnlySpan<int> JumpTargetLabels => JumpTargetLabelArray ?? s_noLabels;

    /// <summary>A copy of a closing node ("}n", "[endif]") made for a jump that leaves the block or if.</summary>
    public bool IsDuplicate => (Flags & ControlFlowNodeFlags.Duplicate) != 0;

    /// <summary>spatch's "fake" node: a copy of "}n" or of an #if's "[endif]" (copies of an if's "[endif]" are not fake).</summary>
    public bool IsFake => (Flags & ControlFlowNodeFlags.Fake) != 0;

    /// <summary>For [then], whether the then-branch never reaches the end of the if (the matcher's EscTrueBranch).</summary>
    public bool Escapes => (Flags & ControlFlowNodeFlags.Escapes) != 0;

    /// <summary>An empty statement spatch inserts after a label that ends a block (<c>out: }</c>); <see cref="Syntax"/> is the label.</summary>
    public bool IsImplicit => (Flags & ControlFlowNodeFlags.Implicit) != 0;

    /// <summary>Number of back edges into the node; a loop head has at least one.</summary>
    public int BackEdgeCount { get; internal set; }

    public bool IsLoopHead => BackEdgeCount > 0;

    public ReadOnlySpan<ControlFlowEdge> Successors => Graph.GetSuccessors(Index);

    public ReadOnlySpan<ControlFlowEdge> Predecessors => Graph.GetPredecessors(Index);

    /// <summary>The node's text as spatch prints it in DOT files, without labels: "if", "foo(...)", "[endwhile]", "}2".</summary>
    public string Description => ControlFlowText.Describe(this);

    internal int[] LabelArray { get; set; }

    internal int[]? JumpTargetLabelArray { get; set; }

    internal ControlFlowNodeFlags Flags { get; set; }

    internal bool IsDeleted => (Flags & ControlFlowNodeFlags.Deleted) != 0;

    internal void Attach(ControlFlowGraph graph) => _graph = graph;

    public override string ToString() => $"{Index}: {Description}{ControlFlowText.FormatLabels(Labels)}";
}
