namespace Sevenspot.Checks.Flow;

/// <summary>
/// Which nodes every path from the entry to the exit goes through: the dominators of the exit.
/// A call at such a node happens whenever the function returns; a call anywhere else depends
/// on a test (of an argument, a field, a count) that the function's callers may never meet.
/// </summary>
public static class Dominators
{
    /// <summary>For each node, whether it lies on every path from the entry to the exit; all false when the exit is not reached.</summary>
    public static bool[] OnEveryPath(IFlowGraph graph)
    {
        int n = graph.NodeCount;
        var result = new bool[n];
        int[] order = ForwardDataflow.ReversePostorder(graph);
        var rank = new int[n];
        Array.Fill(rank, -1);
        int reached = 0;
        var visited = Reachable(graph);
        for (int i = 0; i < order.Length; i++)
        {
            if (visited[order[i]])
            {
                rank[order[i]] = reached++;
            }
        }

        if (rank[graph.Exit] < 0)
        {
            return result;
        }

        // Cooper, Harvey and Kennedy's iterative algorithm over the reverse postorder.
        var idom = new int[n];
        Array.Fill(idom, -1);
        idom[graph.Entry] = graph.Entry;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (int node in order)
            {
                if (node == graph.Entry || rank[node] < 0)
                {
                    continue;
                }

                int dominator = -1;
                foreach (var edge in graph.GetPredecessors(node))
                {
                    int p = edge.Node;
                    if (rank[p] < 0 || idom[p] < 0)
                    {
                        continue;
                    }

                    dominator = dominator < 0 ? p : Intersect(idom, rank, p, dominator);
                }

                if (dominator >= 0 && idom[node] != dominator)
                {
                    idom[node] = dominator;
                    changed = true;
                }
            }
        }

        for (int node = graph.Exit; ; node = idom[node])
        {
            result[node] = true;
            if (node == graph.Entry || idom[node] < 0)
            {
                break;
            }
        }

        return result;
    }

    private static int Intersect(int[] idom, int[] rank, int a, int b)
    {
        while (a != b)
        {
            while (rank[a] > rank[b])
            {
                a = idom[a];
            }

            while (rank[b] > rank[a])
            {
                b = idom[b];
            }
        }

        return a;
    }

    private static bool[] Reachable(IFlowGraph graph)
    {
        var seen = new bool[graph.NodeCount];
        var stack = new Stack<int>();
        stack.Push(graph.Entry);
        seen[graph.Entry] = true;
        while (stack.Count > 0)
        {
            foreach (var edge in graph.GetSuccessors(stack.Pop()))
            {
                if (!seen[edge.Node])
                {
                    seen[edge.Node] = true;
                    stack.Push(edge.Node);
                }
            }
        }

        return seen;
    }
}
