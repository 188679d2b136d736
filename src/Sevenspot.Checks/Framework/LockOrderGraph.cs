namespace Sevenspot.Checks;

/// <summary>A lock class: a global lock ("rtnl_mutex"), or a struct type and field ("struct dev.lock").</summary>
public sealed record LockClassNode(string Name, string Kind);

/// <summary>One place where a lock of class To was taken while a lock of class From was held.</summary>
public sealed record LockAcquisition(string Function, SourceLocation Held, SourceLocation Taken, IReadOnlyList<CodeFlowStep> Chain);

/// <summary>"Held From, then took To", with the places that show it (the first is the one reports cite).</summary>
public sealed record LockOrderEdge(int From, int To, IReadOnlyList<LockAcquisition> Witnesses);

/// <summary>A cycle of the graph: Nodes[0] → Nodes[1] → … → Nodes[0].</summary>
public sealed record LockCycle(IReadOnlyList<int> Nodes);

/// <summary>
/// The static lock-order graph of a tree: nodes are lock classes, an edge A → B says some code
/// takes B while holding A. A cycle means two paths take the same locks in opposite orders.
/// </summary>
public sealed class LockOrderGraph
{
    public LockOrderGraph(IReadOnlyList<LockClassNode> nodes, IReadOnlyList<LockOrderEdge> edges, int maxCycles = 1000)
    {
        Nodes = nodes;
        Edges = edges;
        Cycles = LockCycleFinder.Find(nodes.Count, edges, maxCycles, out bool truncated);
        CyclesTruncated = truncated;
    }

    public IReadOnlyList<LockClassNode> Nodes { get; }

    public IReadOnlyList<LockOrderEdge> Edges { get; }

    /// <summary>The elementary cycles (self-loops excluded), each starting at its smallest node index, in a stable order.</summary>
    public IReadOnlyList<LockCycle> Cycles { get; }

    /// <summary>Whether there were more cycles than the limit; the list holds the first ones found.</summary>
    public bool CyclesTruncated { get; }

    public LockOrderEdge? FindEdge(int from, int to)
    {
        foreach (var edge in Edges)
        {
            if (edge.From == from && edge.To == to)
            {
                return edge;
            }
        }

        return null;
    }

    /// <summary>Whether the edge lies on some cycle.</summary>
    public bool IsOnCycle(int from, int to)
    {
        foreach (var cycle in Cycles)
        {
            var nodes = cycle.Nodes;
            for (int i = 0; i < nodes.Count; i++)
            {
                if (nodes[i] == from && nodes[(i + 1) % nodes.Count] == to)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
