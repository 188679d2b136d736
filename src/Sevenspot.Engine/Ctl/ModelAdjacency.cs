namespace Sevenspot.Engine.Ctl;

/// <summary>
/// A model's edges as the checker walks them: successors and predecessors in flat arrays (a set of
/// edges per state, as in Coccinelle's graphs), and its loop nodes. A model whose graph does not change
/// between checks (a function checked for every rule and environment) builds it once and hands it to
/// each check through <see cref="IModel{TPred, TValue}.Adjacency"/>.
/// </summary>
public sealed class ModelAdjacency
{
    private ModelAdjacency(int stateCount, int[] successorStart, int[] successors, int[] predecessorStart, int[] predecessors, bool[] isLoopNode, bool anyLoopNode)
    {
        StateCount = stateCount;
        SuccessorStart = successorStart;
        Successors = successors;
        PredecessorStart = predecessorStart;
        Predecessors = predecessors;
        IsLoopNode = isLoopNode;
        AnyLoopNode = anyLoopNode;
    }

    public int StateCount { get; }

    internal int[] SuccessorStart { get; }

    internal int[] Successors { get; }

    internal int[] PredecessorStart { get; }

    internal int[] Predecessors { get; }

    internal bool[] IsLoopNode { get; }

    internal bool AnyLoopNode { get; }

    private StateSet? _allStates;
    private TripleSet? _allTop;

    /// <summary>Every state, made on first use and then shared by every check on this adjacency.</summary>
    internal StateSet AllStates => _allStates ??= StateSet.FromSorted(AllStateNumbers(), StateCount);

    /// <summary>True at every state: a plain triple per state, shared like <see cref="AllStates"/>.</summary>
    internal TripleSet AllTop => _allTop ??= TripleSet.Plain(AllStates.Members);

    private int[] AllStateNumbers()
    {
        var all = new int[StateCount];
        for (int s = 0; s < all.Length; s++)
        {
            all[s] = s;
        }

        return all;
    }

    /// <summary>Reads the model's edges and loop nodes; an edge to a state outside the model is an error.</summary>
    public static ModelAdjacency Build<TPred, TValue>(IModel<TPred, TValue> model)
    {
        int n = model.StateCount;
        if (n < 0)
        {
            throw new ArgumentException("The model has a negative number of states.", nameof(model));
        }

        var (successorStart, successors) = Edges(model, forward: true);
        var (predecessorStart, predecessors) = Edges(model, forward: false);
        var isLoopNode = new bool[n];
        bool any = false;
        for (int s = 0; s < n; s++)
        {
            isLoopNode[s] = model.IsLoopNode(s);
            any |= isLoopNode[s];
        }

        return new ModelAdjacency(n, successorStart, successors, predecessorStart, predecessors, isLoopNode, any);
    }

    private static (int[] Start, int[] Targets) Edges<TPred, TValue>(IModel<TPred, TValue> model, bool forward)
    {
        int n = model.StateCount;
        var start = new int[n + 1];
        int edges = 0;
        for (int s = 0; s < n; s++)
        {
            edges += (forward ? model.Successors(s) : model.Predecessors(s)).Length;
        }

        var targets = new List<int>(edges);
        for (int s = 0; s < n; s++)
        {
            start[s] = targets.Count;
            var neighbours = forward ? model.Successors(s) : model.Predecessors(s);
            foreach (int t in neighbours)
            {
                if ((uint)t >= (uint)n)
                {
                    throw new ArgumentException($"State {s} has an edge to state {t}, outside 0..{n - 1}.", nameof(model));
                }

                // A set of edges, as in Coccinelle's graphs: a repeated edge would be conjoined with itself in AX.
                bool duplicate = false;
                for (int i = start[s]; i < targets.Count; i++)
                {
                    if (targets[i] == t)
                    {
                        duplicate = true;
                        break;
                    }
                }

                if (!duplicate)
                {
                    targets.Add(t);
                }
            }
        }

        start[n] = targets.Count;
        return (start, [.. targets]);
    }
}
