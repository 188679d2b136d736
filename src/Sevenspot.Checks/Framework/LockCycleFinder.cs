namespace Sevenspot.Checks;

/// <summary>
/// Elementary cycles of a directed graph by Johnson's algorithm ("Finding all the elementary
/// circuits of a directed graph", 1975): for each start node s in index order, search the
/// strongly connected component of s within the nodes ≥ s, blocking nodes that cannot reach s
/// yet. Successors are visited in index order, so the result is the same on every run.
/// </summary>
internal static class LockCycleFinder
{
    public static List<LockCycle> Find(int nodeCount, IReadOnlyList<LockOrderEdge> edges, int maxCycles, out bool truncated)
    {
        var successors = new List<int>[nodeCount];
        for (int i = 0; i < nodeCount; i++)
        {
            successors[i] = [];
        }

        foreach (var edge in edges)
        {
            if (edge.From != edge.To && !successors[edge.From].Contains(edge.To))
            {
                successors[edge.From].Add(edge.To);
            }
        }

        foreach (var list in successors)
        {
            list.Sort();
        }

        var cycles = new List<LockCycle>();
        truncated = false;
        var blocked = new bool[nodeCount];
        var blockedBy = new HashSet<int>[nodeCount];
        for (int i = 0; i < nodeCount; i++)
        {
            blockedBy[i] = [];
        }

        // Most lock classes lie on no cycle: only nodes of a non-trivial strongly connected
        // component of the whole graph start a search, and the search stays inside it.
        int[] scc = StronglyConnectedComponents(successors, out int[] sccSize);
        var stack = new List<int>();
        for (int start = 0; start < nodeCount && !truncated; start++)
        {
            if (sccSize[scc[start]] < 2)
            {
                continue;
            }

            var component = ComponentOf(start, successors, scc);
            if (component.Count < 2)
            {
                continue;
            }

            foreach (int v in component)
            {
                blocked[v] = false;
                blockedBy[v].Clear();
            }

            Circuit(start, start, component, successors, blocked, blockedBy, stack, cycles, maxCycles, ref truncated);
        }

        return cycles;
    }

    // PERF: recursion depth is bounded by the size of one strongly connected component of lock
    // classes, which stays small in practice; the search runs on the workers' large stacks.
    private static bool Circuit(int v, int start, HashSet<int> component, List<int>[] successors, bool[] blocked, HashSet<int>[] blockedBy, List<int> stack, List<LockCycle> cycles, int maxCycles, ref bool truncated)
    {
        bool found = false;
        stack.Add(v);
        blocked[v] = true;
        foreach (int w in successors[v])
        {
            if (truncated || !component.Contains(w))
            {
                continue;
            }

            if (w == start)
            {
                if (cycles.Count >= maxCycles)
                {
                    truncated = true;
                    break;
                }

                cycles.Add(new LockCycle([.. stack]));
                found = true;
            }
            else if (!blocked[w] && Circuit(w, start, component, successors, blocked, blockedBy, stack, cycles, maxCycles, ref truncated))
            {
                found = true;
            }
        }

        if (found)
        {
            Unblock(v, blocked, blockedBy);
        }
        else
        {
            foreach (int w in successors[v])
            {
                if (component.Contains(w))
                {
                    blockedBy[w].Add(v);
                }
            }
        }

        stack.RemoveAt(stack.Count - 1);
        return found;
    }

    private static void Unblock(int u, bool[] blocked, HashSet<int>[] blockedBy)
    {
        var work = new Stack<int>();
        work.Push(u);
        while (work.Count > 0)
        {
            int x = work.Pop();
            if (!blocked[x])
            {
                continue;
            }

            blocked[x] = false;
            foreach (int w in blockedBy[x])
            {
                work.Push(w);
            }

            blockedBy[x].Clear();
        }
    }

    /// <summary>The nodes ≥ start that lie on a cycle through start: reachable from it and reaching it, within nodes ≥ start.</summary>
    private static HashSet<int> ComponentOf(int start, List<int>[] successors, int[] scc)
    {
        int id = scc[start];
        var forward = Reach(start, w => w >= start && scc[w] == id, v => successors[v]);
        var predecessors = new Dictionary<int, List<int>>();
        foreach (int v in forward)
        {
            foreach (int w in successors[v])
            {
                if (forward.Contains(w))
                {
                    if (!predecessors.TryGetValue(w, out var list))
                    {
                        predecessors[w] = list = [];
                    }

                    list.Add(v);
                }
            }
        }

        var backward = Reach(start, forward.Contains, v => predecessors.TryGetValue(v, out var list) ? list : []);
        forward.IntersectWith(backward);
        return forward;
    }

    private static HashSet<int> Reach(int from, Func<int, bool> allowed, Func<int, List<int>> next)
    {
        var seen = new HashSet<int> { from };
        var work = new Stack<int>();
        work.Push(from);
        while (work.Count > 0)
        {
            int v = work.Pop();
            foreach (int w in next(v))
            {
                if (allowed(w) && seen.Add(w))
                {
                    work.Push(w);
                }
            }
        }

        return seen;
    }

    /// <summary>Tarjan's algorithm without recursion: the component id of each node, and the size of each component.</summary>
    private static int[] StronglyConnectedComponents(List<int>[] successors, out int[] sizes)
    {
        int n = successors.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        var component = new int[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var sizeList = new List<int>();
        int counter = 0;
        var frames = new Stack<(int Node, int Next)>();
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            frames.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (frames.Count > 0)
            {
                var (v, next) = frames.Pop();
                if (next < successors[v].Count)
                {
                    frames.Push((v, next + 1));
                    int w = successors[v][next];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        frames.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int size = 0;
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = sizeList.Count;
                        size++;
                    }
                    while (w != v);
                    sizeList.Add(size);
                }

                if (frames.Count > 0)
                {
                    int parent = frames.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        sizes = [.. sizeList];
        return component;
    }
}
