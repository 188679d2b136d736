using Sevenspot.C;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// The locks held at each point of a function: forward dataflow over <see cref="LockState"/>,
/// with conditional acquires taken on the edge where they succeeded.
/// </summary>
public readonly struct LockAnalysis : IForwardAnalysis<LockState>
{
    private readonly LockModel _model;

    public LockAnalysis(LockModel model)
    {
        _model = model;
    }

    public static DataflowResult<LockState> Solve(IFlowGraph graph, LockModel model) =>
        ForwardDataflow.Solve<LockState, LockAnalysis>(graph, new LockAnalysis(model));

    public LockState Initial(IFlowGraph graph) => _model.InitialState();

    public LockState Transfer(IFlowGraph graph, int node, LockState input)
    {
        bool branch = graph.GetKind(node) == FlowNodeKind.Branch;
        var state = _model.LeaveScopes(input, graph, node);
        foreach (var call in LockModel.LockCalls(graph, node))
        {
            state = _model.Apply(state, call, branch);
        }

        return state;
    }

    public LockState TransferEdge(IFlowGraph graph, int from, FlowEdge edge, LockState output)
    {
        if (edge.Kind == FlowEdgeKind.Normal || graph.GetKind(from) != FlowNodeKind.Branch || BranchCondition(graph, from) is not { } condition)
        {
            return output;
        }

        if (_model.ConditionalAcquire(condition, out bool holdsOnTrue) is { } op && (edge.Kind == FlowEdgeKind.True) == holdsOnTrue)
        {
            return output.Acquire(_model.Held(op));
        }

        return output;
    }

    public LockState Join(LockState left, LockState right) => LockState.Join(left, right);

    public bool Same(LockState left, LockState right) => left.Equals(right);

    /// <summary>
    /// Replays a node's calls from the state before it (after the guards whose scope the node
    /// leaves are released), telling the visitor the state before each call.
    /// </summary>
    public static LockState Replay(LockModel model, IFlowGraph graph, int node, LockState input, Action<SyntaxNode, LockState> visit)
    {
        bool branch = graph.GetKind(node) == FlowNodeKind.Branch;
        var state = model.LeaveScopes(input, graph, node);
        foreach (var call in LockModel.LockCalls(graph, node))
        {
            visit(call, state);
            state = model.Apply(state, call, branch);
        }

        return state;
    }

    /// <summary>
    /// The lock state at a position inside a node: the state before the node, after the node's
    /// calls that start before the position.
    /// </summary>
    public static LockState StateAt(LockModel model, IFlowGraph graph, int node, LockState input, int position)
    {
        var state = input;
        bool done = false;
        Replay(model, graph, node, input, (call, before) =>
        {
            if (done)
            {
                return;
            }

            if (call.Span.Start > position)
            {
                state = before;
                done = true;
                return;
            }

            state = model.Apply(before, call, graph.GetKind(node) == FlowNodeKind.Branch);
        });
        return state;
    }

    /// <summary>The test of a branch node: the condition of its if, while, do or switch, or its syntax when that is the test.</summary>
    public static SyntaxNode? BranchCondition(IFlowGraph graph, int node) => graph.GetSyntax(node) is not { } syntax ? null : syntax.Kind switch
    {
        SyntaxKind.IfStatement => syntax.AsIfStatement().Condition,
        SyntaxKind.WhileStatement => syntax.AsWhileStatement().Condition,
        SyntaxKind.DoStatement => syntax.AsDoStatement().Condition,
        SyntaxKind.ForStatement => syntax.AsForStatement().Condition,
        SyntaxKind.SwitchStatement => null,
        _ => syntax,
    };
}
