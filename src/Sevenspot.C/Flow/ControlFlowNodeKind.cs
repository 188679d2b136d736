namespace Sevenspot.C.Flow;

/// <summary>
/// What a node of a <see cref="ControlFlowGraph"/> stands for. The kinds and the way they are
/// wired follow the graphs spatch builds (Coccinelle's <c>Control_flow_c.node2</c>), because
/// the matcher evaluates SmPL formulas over exactly these shapes. The text in quotes is the
/// node's label in DOT output, as spatch prints it.
/// </summary>
public enum ControlFlowNodeKind : byte
{
    /// <summary>"[top]": the first node of every graph; its only successor is the function header.</summary>
    Top,

    /// <summary>"function f": the function's header (specifiers, declarator, parameters).</summary>
    FunctionHeader,

    /// <summary>"[enter]": between the header and the body's opening brace. The matcher removes it before model checking, as spatch does.</summary>
    Entry,

    /// <summary>"[exit]": where the function ends normally: falling off the end, or a return that is not in an escaping then-branch.</summary>
    Exit,

    /// <summary>"[errorexit]": where a return inside the then-branch of an if without else ends (spatch's error-exit heuristic).</summary>
    ErrorExit,

    /// <summary>"{n": an opening brace; <see cref="ControlFlowNode.BraceLevel"/> is n, numbered from 1 per function in source order.</summary>
    BlockOpen,

    /// <summary>
    /// "}n": a closing brace. A jump out of a block (return, goto, break, continue) passes through a
    /// copy of the "}n" of every block it leaves (<see cref="ControlFlowNode.IsDuplicate"/>), so a
    /// block may have several closing nodes, or only copies when it never ends normally.
    /// </summary>
    BlockClose,

    /// <summary>
    /// A statement without control flow of its own: expression statement, declaration, empty
    /// statement, asm, macro statement, or an error statement the parser could not read.
    /// <see cref="ControlFlowNode.Syntax"/> is the statement (for an <see cref="ControlFlowNode.IsImplicit"/>
    /// node, the label that ends its block and stands for spatch's inserted empty statement).
    /// </summary>
    Statement,

    /// <summary>"if": the test of an if statement.</summary>
    IfHeader,

    /// <summary>"[then]": start of the then-branch (true edge). <see cref="ControlFlowNode.Escapes"/> when the branch never reaches the end of the if.</summary>
    Then,

    /// <summary>"[else]": the false edge of an if with an else.</summary>
    Else,

    /// <summary>"else": the else keyword, after "[else]" and before the else-branch.</summary>
    ElseKeyword,

    /// <summary>
    /// "[fallthrough]" (false edge of an if without else, or the empty branch of an #if without
    /// #else), "[switchfall]" (switch without default: no case taken), "[dowhilefall]" (leaving a do-while).
    /// </summary>
    FallThrough,

    /// <summary>"[whilefall]", "[forfall]", "[foreachfall]": leaving a while, for or iterator loop because its test failed.</summary>
    LoopFallThrough,

    /// <summary>"[whiletrue]", "[fortrue]", "[dowhiletrue]": entering (or repeating) a loop body.</summary>
    InLoop,

    /// <summary>"[endif]": where the branches of an if meet again.</summary>
    EndIf,

    /// <summary>"[endwhile]", "[endfor]", "[endforeach]", "[enddowhile]": the node after a loop; break goes here.</summary>
    EndLoop,

    /// <summary>"[endswitch]": the node after a switch; break goes here.</summary>
    EndSwitch,

    /// <summary>
    /// "[after]": a structural successor of an if, do-while, switch or nested block that exists even
    /// when every branch jumps away, so the matcher's After atom can see "the code after this
    /// statement". Its edges are marked <see cref="ControlFlowEdgeKind.After"/>: they are not execution
    /// paths. <see cref="ControlFlowNode.AfterKind"/> says which jump made a copy of it ("[ret after]", ...).
    /// </summary>
    After,

    /// <summary>"while": the test of a while loop; the loop's back edge comes here.</summary>
    WhileHeader,

    /// <summary>"do": the start of a do-while body; the back edge from "[dowhiletrue]" comes here.</summary>
    DoHeader,

    /// <summary>"whiletail": the test of a do-while (the <c>while (e);</c> part); continue goes here.</summary>
    DoWhileTail,

    /// <summary>"for": the header of a for loop (initializer, test and increment together).</summary>
    ForHeader,

    /// <summary>"foreach": the header of an iterator macro used as a loop, <c>list_for_each_entry(pos, head, member) stmt</c>.</summary>
    IteratorHeader,

    /// <summary>"switch": the switch test.</summary>
    SwitchHeader,

    /// <summary>
    /// "[casenode] n": the dispatch from the switch body's opening brace to one case or default
    /// label (n counts labels per function). The matcher removes these before model checking, as spatch does.
    /// </summary>
    CaseNode,

    /// <summary>"case:": a case label (or a GNU case range).</summary>
    Case,

    /// <summary>"case default:": the default label.</summary>
    Default,

    /// <summary>"name:": a goto label.</summary>
    Label,

    /// <summary>"goto name:": a goto; its successor chain ends at the label.</summary>
    Goto,

    /// <summary>"break; [labels]": the labels in brackets are those of the loop or switch it leaves.</summary>
    Break,

    /// <summary>"continue; [labels]": the labels in brackets are those of the loop it repeats.</summary>
    Continue,

    /// <summary>"return" or "return ...".</summary>
    Return,

    /// <summary>"[ifdef]": an #if, #ifdef or #ifndef between statements of a block; its branches are alternatives.</summary>
    IfdefHeader,

    /// <summary>"[elseif]": an #elif or #else between statements of a block.</summary>
    IfdefElse,

    /// <summary>"[endif]": the #endif that closes an <see cref="IfdefHeader"/>.</summary>
    IfdefEndif,
}

/// <summary>Which jump made an <see cref="ControlFlowNodeKind.After"/> node.</summary>
public enum AfterKind : byte
{
    /// <summary>"[after]": the statement can end normally.</summary>
    Normal,

    /// <summary>"[ret after]": a copy made for a return that leaves the statement.</summary>
    Return,

    /// <summary>"[goto after]".</summary>
    Goto,

    /// <summary>"[break after]": a break out of a loop.</summary>
    Break,

    /// <summary>"[cont after]".</summary>
    Continue,

    /// <summary>"[swbreak after]": a break out of a switch.</summary>
    SwitchBreak,
}
