namespace Sevenspot.Checks.Flow;

/// <summary>
/// A forward dataflow problem over an <see cref="IFlowGraph"/>: the state at entry, what a node
/// does to the state, what taking an edge tells (a trylock that succeeded on its true edge), and
/// how states meet where paths join. Implemented by structs, so the solver is specialised per
/// analysis.
/// </summary>
public interface IForwardAnalysis<TState>
{
    TState Initial(IFlowGraph graph);

    /// <summary>The state after the node, given the state before it.</summary>
    TState Transfer(IFlowGraph graph, int node, TState input);

    /// <summary>The state along an edge out of a node, given the state after the node.</summary>
    TState TransferEdge(IFlowGraph graph, int from, FlowEdge edge, TState output);

    TState Join(TState left, TState right);

    bool Same(TState left, TState right);
}

/// <summary>The states a solved analysis found before and after each reachable node.</summary>
public sealed class DataflowResult<TState>
{
    private readonly TState[] _in;
    private readonly TState[] _out;
    private readonly bool[] _reached;

    internal DataflowResult(TState[] input, TState[] output, bool[] reached, bool converged)
    {
        _in = input;
        _out = output;
        _reached = reached;
        Converged = converged;
    }

    /// <summary>False when the solver stopped at its visit limit; then the states are not trustworthy and checks say nothing.</summary>
    public bool Converged { get; }

    public bool IsReached(int node) => _reached[node];

    public TState In(int node) => _in[node];

    public TState Out(int node) => _out[node];
}

/// <summary>A worklist solver: nodes in reverse postorder, revisited until no state changes.</summary>
public static class ForwardDataflow
{
    /// <summary>Visits allowed per node before the solver gives up (lattices of finite height converge far sooner).</summary>
    public const int VisitsPerNode = 64;

    public static DataflowResult<TState> Solve<TState, TAnalysis>(IFlowGraph graph, TAnalysis analysis)
        where TAnalysis : struct, IForwardAnalysis<TState>
    {
        int n = graph.NodeCount;
        var input = new TState[n];
        var output = new TState[n];
        var reached = new bool[n];
        var order = ReversePostorder(graph);
        var rank = new int[n];
        for (int i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        var queued = new bool[n];
        var work = new PriorityQueue<int, int>();
        input[graph.Entry] = analysis.Initial(graph);
        reached[graph.Entry] = true;
        work.Enqueue(graph.Entry, rank[graph.Entry]);
        queued[graph.Entry] = true;
        long budget = (long)VisitsPerNode * Math.Max(1, n);
        bool converged = true;
        while (work.TryDequeue(out int node, out _))
        {
            queued[node] = false;
            if (--budget < 0)
            {
                converged = false;
                break;
            }

            output[node] = analysis.Transfer(graph, node, input[node]);
            foreach (var edge in graph.GetSuccessors(node))
            {
                var along = analysis.TransferEdge(graph, node, edge, output[node]);
                int next = edge.Node;
                TState merged;
                if (!reached[next])
                {
                    merged = along;
                    reached[next] = true;
                }
                else
                {
                    merged = analysis.Join(input[next], along);
                    if (analysis.Same(merged, input[next]))
                    {
                        continue;
                    }
                }

                input[next] = merged;
                if (!queued[next])
                {
                    queued[next] = true;
                    work.Enqueue(next, rank[next]);
                }
            }
        }

        return new DataflowResult<TState>(input, output, reached, converged);
    }

    /// <summary>Nodes reachable from the entry in reverse postorder (successors in edge order); unreachable nodes last.</summary>
    public static int[] ReversePostorder(IFlowGraph graph)
    {
        int n = graph.NodeCount;
        var visited = new bool[n];
        var post = new List<int>(n);
        var stack = new Stack<(int Node, int Next)>();
        stack.Push((graph.Entry, 0));
        visited[graph.Entry] = true;
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var successors = graph.GetSuccessors(node);
            if (next < successors.Length)
            {
                stack.Push((node, next + 1));
                int child = successors[next].Node;
                if (!visited[child])
                {
                    visited[child] = true;
                    stack.Push((child, 0));
                }

                continue;
            }

            post.Add(node);
        }

        post.Reverse();
        for (int i = 0; i < n; i++)
        {
            if (!visited[i])
            {
                post.Add(i);
            }
        }

        return [.. post];
    }
}
