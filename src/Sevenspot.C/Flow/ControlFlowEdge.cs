namespace Sevenspot.C.Flow;

/// <summary>What an edge of a <see cref="ControlFlowGraph"/> means, beyond "may run next".</summary>
[Flags]
public enum ControlFlowEdgeKind : byte
{
    Normal = 0,

    /// <summary>From a test to the node taken when it holds: "[then]", "[whiletrue]", "[fortrue]", "[dowhiletrue]".</summary>
    True = 1,

    /// <summary>From a test to the node taken when it fails: "[else]", "[fallthrough]", "[whilefall]", "[forfall]", "[foreachfall]", "[dowhilefall]", "[switchfall]".</summary>
    False = 2,

    /// <summary>Into or out of an <see cref="ControlFlowNodeKind.After"/> node. Structural, not a path the program can take: dataflow analyses skip these edges.</summary>
    After = 4,

    /// <summary>Closes a cycle: the target is on the depth-first path from [top] (successors visited in index order). Its target is a loop head.</summary>
    Back = 8,
}

/// <summary>An edge between two nodes of a graph, by node index.</summary>
public readonly record struct ControlFlowEdge(int From, int To, ControlFlowEdgeKind Kind)
{
    public bool IsBack => (Kind & ControlFlowEdgeKind.Back) != 0;

    /// <summary>Whether the program can take this edge (it is not an edge through an [after] node).</summary>
    public bool IsExecutable => (Kind & ControlFlowEdgeKind.After) == 0;
}

/// <summary>Something spatch refuses to build a graph for; Sevenspot builds one anyway and records what it did.</summary>
public enum ControlFlowProblemKind : byte
{
    /// <summary>A goto to a label the function does not define: the goto leaves the function as a return would (to [exit]).</summary>
    GotoWithoutLabel,

    /// <summary><c>goto *p;</c>: the goto may go to any label of the function (to [exit] when there is none).</summary>
    ComputedGoto,

    /// <summary>A label defined twice: gotos go to the first one.</summary>
    DuplicateLabel,

    /// <summary>A break outside any loop or switch, or a continue outside any loop: it leaves the function (to [exit]).</summary>
    JumpOutsideLoop,

    /// <summary>A case or default label outside any switch: it is treated as a plain label.</summary>
    CaseOutsideSwitch,

    /// <summary>A switch whose body is not a block: cases are dispatched from the switch header.</summary>
    SwitchWithoutBlock,

    /// <summary>Statements nested too deeply to follow: the statement stands as one plain node.</summary>
    TooDeep,
}

/// <summary>A construct the graph models by a documented fallback, because spatch would give up on it.</summary>
public readonly record struct ControlFlowProblem(ControlFlowProblemKind Kind, SyntaxNode Syntax);
