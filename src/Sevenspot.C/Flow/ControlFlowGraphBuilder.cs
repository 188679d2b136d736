using System.Buffers;

namespace Sevenspot.C.Flow;

/// <summary>
/// Builds one <see cref="ControlFlowGraph"/>. The construction follows spatch's
/// <c>aux_statement</c>: each statement gets the node where control arrives (or none, for
/// unreachable code) and returns the node where control leaves it (or none, when every path
/// jumps away). A context travels down the tree with the enclosing loops and switches (targets
/// of break and continue), the enclosing blocks and if-else statements a jump must close on its
/// way out, the statement labels, and whether the code is in the then-branch of an if without else.
/// </summary>
internal sealed partial class ControlFlowGraphBuilder
{
    /// <summary>
    /// Deepest statement nesting followed. The parser stops at 256 levels of statements and
    /// expressions, so real trees stay below; the limit (and the stack probe) keep odd trees
    /// from overflowing the stack.
    /// </summary>
    private const int MaxDepth = 1000;

    private const int None = -1;

    private static readonly int[] s_noLabels = [];

    // PERF: the lists nodes and edges are gathered in are reused by the thread from function to function
    // (Finish copies them out); lists grown larger than this many items are not kept.
    private const int MaxKeptItems = 1 << 16;

    [ThreadStatic]
    private static List<ControlFlowNode>? s_scratchNodes;

    [ThreadStatic]
    private static List<ControlFlowEdge>? s_scratchEdges;

    private readonly SyntaxNode _function;
    private readonly List<ControlFlowNode> _nodes;
    private readonly List<ControlFlowEdge> _edges;
    private readonly List<ControlFlowProblem> _problems = [];

    // spatch's counters: statement labels start at 1 for the header; braces and case labels at 1.
    private int _labelCounter = 1;
    private int _braceCounter;
    private int _caseCounter;
    private int _depth;

    private int _exit;
    private int _errorExit;

    // Label name id -> label node; label statement -> its node (created before the walk, so forward gotos find them).
    private Dictionary<int, int>? _labelsByName;
    private Dictionary<int, int>? _labelNodes;

    // A case, default or label with no statement of its own, followed by a sibling: spatch's grammar
    // reads the sibling as its statement ("case 1: case 2: f();" nests), which shows in the labels.
    private Dictionary<int, SyntaxNode>? _adoptedStatements;

    public ControlFlowGraphBuilder(SyntaxNode function)
    {
        _function = function;
        _nodes = s_scratchNodes ?? [];
        _edges = s_scratchEdges ?? [];
        s_scratchNodes = null; // owned by this builder until Finish
        s_scratchEdges = null;
    }

    /// <summary>How a block is reached, which decides its labels and whether it gets [after] nodes.</summary>
    private enum BlockRole : byte
    {
        Statement,
        FunctionBody,
        SwitchBody,
    }

    public ControlFlowGraph Build()
    {
        int top = AddNode(ControlFlowNodeKind.Top, _function, s_noLabels);
        int[] headerLabels = [_labelCounter];
        int header = AddNode(ControlFlowNodeKind.FunctionHeader, _function, headerLabels);
        int entry = AddNode(ControlFlowNodeKind.Entry, _function, s_noLabels);
        _exit = AddNode(ControlFlowNodeKind.Exit, _function, s_noLabels);
        _errorExit = AddNode(ControlFlowNodeKind.ErrorExit, _function, s_noLabels);
        AddEdge(top, header);
        AddEdge(header, entry);

        var body = _function.AsFunctionDefinition().Body;
        CreateLabelNodes(body);
        InitializeDirectives(body);
        var context = new Context(headerLabels, null, null, false, BlockRole.FunctionBody, null);
        int last = BuildStatement(entry, context, body);
        AddEdge(last, _exit);
        return Finish([top, header, entry, _exit, _errorExit]);
    }

    /// <summary>What a statement needs to know about where it sits.</summary>
    private readonly record struct Context(int[] Labels, BraceScope? Braces, JumpScope? Jumps, bool UnderIfThen, BlockRole Role, SwitchSetup? Switch);

    /// <summary>
    /// A construct that a jump leaving it must close: a block ("}n"), an if-else ("[endif]") or an
    /// #if group ("[endif]"). A persistent stack: inner scopes point to outer ones.
    /// </summary>
    private sealed class BraceScope(BraceScope? parent, ControlFlowNodeKind closeKind, SyntaxNode syntax, int[] labels, int afterSource)
    {
        public BraceScope? Parent { get; } = parent;

        public int Depth { get; } = parent is null ? 1 : parent.Depth + 1;

        public ControlFlowNodeKind CloseKind { get; } = closeKind;

        public SyntaxNode Syntax { get; } = syntax;

        public int[] Labels { get; } = labels;

        /// <summary>The node the scope's [after] nodes hang from ("{n" or "if"), or None for scopes without them.</summary>
        public int AfterSource { get; } = afterSource;

        public int BraceLevel { get; init; }

        public Directive? Directive { get; init; }

        /// <summary>Copies of the closing node are spatch "fake" nodes (blocks and #if groups, not if-else).</summary>
        public bool CopiesAreFake { get; init; }

        /// <summary>[after] nodes made for jumps; deleted when the scope turns out to end normally.</summary>
        public List<int>? JumpAfters { get; set; }
    }

    /// <summary>An enclosing loop or switch: where continue and break go. A persistent stack.</summary>
    private sealed class JumpScope(JumpScope? parent, bool isSwitch, int start, int end, BraceScope? braces, int[] labels)
    {
        public JumpScope? Parent { get; } = parent;

        public bool IsSwitch { get; } = isSwitch;

        /// <summary>For a loop, where continue goes; for a switch, the body's "{n", which dispatches to the cases.</summary>
        public int Start { get; } = start;

        /// <summary>Where break goes.</summary>
        public int End { get; } = end;

        /// <summary>The scopes open where the loop or switch starts: a jump to it closes the ones opened since.</summary>
        public BraceScope? Braces { get; } = braces;

        public int[] Labels { get; } = labels;

        /// <summary>Whether some break goes to <see cref="End"/>.</summary>
        public bool IsBrokenOutOf { get; set; }
    }

    /// <summary>What a switch hands to its body block, which finishes setting the switch up once its "{n" exists.</summary>
    private sealed class SwitchSetup(SyntaxNode syntax, int header, int end, bool hasDefault, BraceScope? braces, int[] labels)
    {
        public SyntaxNode Syntax { get; } = syntax;

        public int Header { get; } = header;

        public int End { get; } = end;

        public bool HasDefault { get; } = hasDefault;

        public BraceScope? Braces { get; } = braces;

        public int[] Labels { get; } = labels;

        /// <summary>The scope break and case labels use, once the body has made it.</summary>
        public JumpScope? Scope { get; set; }
    }

    private int AddNode(ControlFlowNodeKind kind, SyntaxNode? syntax, int[] labels)
    {
        int index = _nodes.Count;
        _nodes.Add(new ControlFlowNode(index, kind, syntax, labels));
        return index;
    }

    private ControlFlowNode NodeAt(int index) => _nodes[index];

    private void AddEdge(int from, int to, ControlFlowEdgeKind kind = ControlFlowEdgeKind.Normal)
    {
        if (from != None && to != None)
        {
            _edges.Add(new ControlFlowEdge(from, to, kind));
        }
    }

    private void DeleteNode(int index) => _nodes[index].Flags |= ControlFlowNodeFlags.Deleted;

    private void AddProblem(ControlFlowProblemKind kind, SyntaxNode syntax) => _problems.Add(new ControlFlowProblem(kind, syntax));

    private static int[] Append(int[] labels, int label)
    {
        var result = new int[labels.Length + 1];
        labels.CopyTo(result, 0);
        result[^1] = label;
        return result;
    }

    /// <summary>
    /// A jump leaves <paramref name="count"/> scopes, innermost first: it passes through a copy of
    /// each one's closing node, and each such scope gets an [after] node for the copy.
    /// Returns the last copy (or <paramref name="from"/> when no scope is left).
    /// </summary>
    private int CloseScopes(int from, BraceScope? scopes, int count, AfterKind afterKind)
    {
        int current = from;
        for (var scope = scopes; scope is not null && count > 0; scope = scope.Parent, count--)
        {
            int copy = AddNode(scope.CloseKind, scope.Syntax, scope.Labels);
            var node = NodeAt(copy);
            node.BraceLevel = scope.BraceLevel;
            node.Directive = scope.Directive;
            node.Flags |= ControlFlowNodeFlags.Duplicate | (scope.CopiesAreFake ? ControlFlowNodeFlags.Fake : 0);
            AddAfter(scope, afterKind, copy);
            AddEdge(current, copy);
            current = copy;
        }

        return current;
    }

    /// <summary>The [after] node of a scope: from its "{n" or "if" to one of its closing nodes.</summary>
    private void AddAfter(BraceScope scope, AfterKind kind, int closing)
    {
        if (scope.AfterSource == None)
        {
            return;
        }

        int after = AddNode(ControlFlowNodeKind.After, scope.Syntax, scope.Labels);
        NodeAt(after).AfterKind = kind;
        AddEdge(scope.AfterSource, after, ControlFlowEdgeKind.After);
        AddEdge(after, closing, ControlFlowEdgeKind.After);
        if (kind != AfterKind.Normal)
        {
            (scope.JumpAfters ??= []).Add(after);
        }
    }

    /// <summary>The scope ends normally after all: its [after] nodes for jumps give way to the normal one.</summary>
    private void DropJumpAfters(BraceScope scope)
    {
        if (scope.JumpAfters is { } afters)
        {
            foreach (int after in afters)
            {
                DeleteNode(after);
            }

            scope.JumpAfters = null;
        }
    }

    private static int Depth(BraceScope? scope) => scope?.Depth ?? 0;

    /// <summary>Numbers the kept nodes densely, merges duplicate edges, indexes edges both ways and finds back edges.</summary>
    private ControlFlowGraph Finish(int[] anchors)
    {
        // Drop deleted nodes ([after] nodes of jumps from scopes that end normally after all).
        // PERF: the arrays only Finish reads are rented.
        var newIndex = ArrayPool<int>.Shared.Rent(_nodes.Count);
        int n = 0;
        foreach (var node in _nodes)
        {
            newIndex[node.Index] = node.IsDeleted ? None : n++;
        }

        var nodes = new ControlFlowNode[n];
        foreach (var node in _nodes)
        {
            if (!node.IsDeleted)
            {
                node.Index = newIndex[node.Index];
                nodes[node.Index] = node;
            }
        }

        // PERF: counting sorts by source then by target instead of comparison sorts; buckets are tiny.
        var outStart = new int[n + 1];
        foreach (var edge in _edges)
        {
            if (newIndex[edge.From] != None && newIndex[edge.To] != None)
            {
                outStart[newIndex[edge.From] + 1]++;
            }
        }

        for (int i = 0; i < n; i++)
        {
            outStart[i + 1] += outStart[i];
        }

        var outEdges = new ControlFlowEdge[outStart[n]];
        var fill = ArrayPool<int>.Shared.Rent(n);
        outStart.AsSpan(0, n).CopyTo(fill);
        foreach (var edge in _edges)
        {
            int from = newIndex[edge.From];
            int to = newIndex[edge.To];
            if (from != None && to != None)
            {
                outEdges[fill[from]++] = new ControlFlowEdge(from, to, edge.Kind);
            }
        }

        int count = SortAndMergeBuckets(outEdges, outStart, n);
        if (count < outEdges.Length)
        {
            Array.Resize(ref outEdges, count);
        }

        MarkBackEdges(nodes, outEdges, outStart);

        var inStart = new int[n + 1];
        foreach (var edge in outEdges)
        {
            inStart[edge.To + 1]++;
        }

        for (int i = 0; i < n; i++)
        {
            inStart[i + 1] += inStart[i];
        }

        // Walking the edges by source keeps each target's bucket ordered by source.
        var inEdges = new ControlFlowEdge[outEdges.Length];
        inStart.AsSpan(0, n).CopyTo(fill);
        foreach (var edge in outEdges)
        {
            inEdges[fill[edge.To]++] = edge;
        }

        for (int i = 0; i < anchors.Length; i++)
        {
            anchors[i] = newIndex[anchors[i]];
        }

        ArrayPool<int>.Shared.Return(fill);
        ArrayPool<int>.Shared.Return(newIndex);
        Release();
        return new ControlFlowGraph(_function, nodes, outEdges, outStart, inEdges, inStart, _problems, anchors);
    }

    /// <summary>Gives the thread back the lists of nodes and edges, emptied, for the next function.</summary>
    private void Release()
    {
        if (_nodes.Capacity <= MaxKeptItems && _edges.Capacity <= MaxKeptItems)
        {
            _nodes.Clear();
            _edges.Clear();
            s_scratchNodes = _nodes;
            s_scratchEdges = _edges;
        }
    }

    /// <summary>Sorts each node's edges by target and merges repeated edges; compacts the array and the bucket starts. Returns the edge count.</summary>
    private static int SortAndMergeBuckets(ControlFlowEdge[] edges, int[] start, int n)
    {
        int write = 0;
        for (int node = 0; node < n; node++)
        {
            int begin = start[node];
            int end = start[node + 1];
            start[node] = write;
            for (int i = begin; i < end; i++)
            {
                var edge = edges[i];
                int j = write;
                while (j > start[node] && edges[j - 1].To > edge.To)
                {
                    j--;
                }

                if (j > start[node] && edges[j - 1].To == edge.To)
                {
                    edges[j - 1] = edge with { Kind = edges[j - 1].Kind | edge.Kind };
                    continue;
                }

                Array.Copy(edges, j, edges, j + 1, write - j);
                edges[j] = edge;
                write++;
            }
        }

        start[n] = write;
        return write;
    }

    /// <summary>
    /// Depth-first search from [top], successors in index order, as spatch's loop annotation does:
    /// an edge to a node on the current path is a back edge. Nodes no path from [top] reaches are
    /// searched afterwards, so loops in dead code have back edges too.
    /// </summary>
    private static void MarkBackEdges(ControlFlowNode[] nodes, ControlFlowEdge[] edges, int[] start)
    {
        const byte Unseen = 0, OnPath = 1, Done = 2;
        int n = nodes.Length;
        var state = ArrayPool<byte>.Shared.Rent(n);
        state.AsSpan(0, n).Clear();

        // The path: node, and the position of the next edge to follow from it.
        var pathNodes = ArrayPool<int>.Shared.Rent(n);
        var pathNext = ArrayPool<int>.Shared.Rent(n);
        for (int root = 0; root < n; root++)
        {
            if (state[root] != Unseen)
            {
                continue;
            }

            int depth = 0;
            state[root] = OnPath;
            pathNodes[0] = root;
            pathNext[0] = start[root];
            while (depth >= 0)
            {
                int node = pathNodes[depth];
                int next = pathNext[depth];
                if (next == start[node + 1])
                {
                    state[node] = Done;
                    depth--;
                    continue;
                }

                pathNext[depth] = next + 1;
                int target = edges[next].To;
                if (state[target] == OnPath)
                {
                    edges[next] = edges[next] with { Kind = edges[next].Kind | ControlFlowEdgeKind.Back };
                    nodes[target].BackEdgeCount++;
                }
                else if (state[target] == Unseen)
                {
                    state[target] = OnPath;
                    depth++;
                    pathNodes[depth] = target;
                    pathNext[depth] = start[target];
                }
            }
        }

        ArrayPool<byte>.Shared.Return(state);
        ArrayPool<int>.Shared.Return(pathNodes);
        ArrayPool<int>.Shared.Return(pathNext);
    }
}
