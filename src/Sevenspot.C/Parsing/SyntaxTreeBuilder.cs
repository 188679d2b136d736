using System.Diagnostics;
using System.Runtime.CompilerServices;
using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// Builds the flat node arrays of a <see cref="SyntaxTree"/> bottom-up. Children are pushed on a
/// stack; finishing a node moves the children above a mark into the child array. Nodes are only
/// appended, so backtracking is a truncation back to a <see cref="Checkpoint"/>.
/// </summary>
internal sealed class SyntaxTreeBuilder
{
    // PERF: the node and child arrays are per-thread buffers reused from file to file; Build copies
    // out the exact counts. Growing fresh arrays by doubling for every file cost more than the parse.
    [ThreadStatic]
    private static NodeData[]? s_scratchNodes;

    [ThreadStatic]
    private static int[]? s_scratchChildren;

    // Buffers larger than these (24 MB and 16 MB) are not kept for the next file.
    private const int MaxKeptNodes = 1 << 20;
    private const int MaxKeptChildren = 1 << 22;

    private NodeData[] _nodes;
    private int _nodeCount;
    private int[] _children;
    private int _childCount;
    private int[] _stack = new int[256];
    private int _stackCount;

    public SyntaxTreeBuilder()
    {
        _nodes = s_scratchNodes ?? new NodeData[64 * 1024];
        _children = s_scratchChildren ?? new int[128 * 1024];
        s_scratchNodes = null; // owned by this builder until Build
        s_scratchChildren = null;
    }

    public readonly record struct Checkpoint(int Stack, int Nodes, int Children);

    public int Mark => _stackCount;

    public int NodeCount => _nodeCount;

    public Checkpoint Save() => new(_stackCount, _nodeCount, _childCount);

    public void Restore(Checkpoint c)
    {
        _stackCount = c.Stack;
        _nodeCount = c.Nodes;
        _childCount = c.Children;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushToken(int tokenIndex) => Push(tokenIndex);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushAbsent() => Push(ChildRef.Absent);

    /// <summary>The kind of the node most recently pushed at stack position i (for look-behind decisions).</summary>
    public SyntaxKind KindAt(int stackPosition)
    {
        int r = _stack[stackPosition];
        return ChildRef.IsNode(r) ? _nodes[ChildRef.NodeIndex(r)].Kind : SyntaxKind.None;
    }

    public int NodeIndexAt(int stackPosition) => ChildRef.IsNode(_stack[stackPosition]) ? ChildRef.NodeIndex(_stack[stackPosition]) : -1;

    /// <summary>The kind of a built node.</summary>
    public SyntaxKind NodeKind(int node) => _nodes[node].Kind;

    /// <summary>The node in slot i of a built node, or -1.</summary>
    public int NodeChild(int node, int slot)
    {
        int r = _children[_nodes[node].ChildStart + slot];
        return ChildRef.IsNode(r) ? ChildRef.NodeIndex(r) : -1;
    }

    /// <summary>Replace the kind of an already built node (same slot shape), e.g. an identifier reread as a typedef name.</summary>
    public void SetKind(int node, SyntaxKind kind) => _nodes[node].Kind = kind;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(int r)
    {
        if (_stackCount == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[_stackCount++] = r;
    }

    /// <summary>
    /// Wraps everything pushed since <paramref name="mark"/> into a node. <paramref name="nextToken"/>
    /// is the parser's position, which places an empty node.
    /// </summary>
    public void Finish(SyntaxKind kind, int mark, int nextToken, TokenData[] tokens, bool error = false)
    {
        int count = _stackCount - mark;
        Debug.Assert(count >= 0);
        Debug.Assert(SyntaxFacts.GetSlotCount(kind) < 0 || SyntaxFacts.GetSlotCount(kind) == count, $"{kind} has {count} children, expected {SyntaxFacts.GetSlotCount(kind)}");
        if (_childCount + count > _children.Length)
        {
            Array.Resize(ref _children, Math.Max(_children.Length * 2, _childCount + count));
        }

        int first = -1;
        int last = -1;
        var flags = error ? NodeFlags.ContainsErrors : NodeFlags.None;
        for (int i = 0; i < count; i++)
        {
            int r = _stack[mark + i];
            _children[_childCount + i] = r;
            if (r == ChildRef.Absent)
            {
                if (!SyntaxFacts.IsListKind(kind) && !SyntaxFacts.IsOptionalSlot(kind, i))
                {
                    flags |= NodeFlags.ContainsErrors; // a required token is missing
                }

                continue;
            }

            if (ChildRef.IsToken(r))
            {
                if (first < 0)
                {
                    first = r;
                }

                last = r;
                if ((tokens[r].Flags & TokenFlags.HasError) != 0)
                {
                    flags |= NodeFlags.ContainsErrors;
                }

                continue;
            }

            // The node being finished gets index _nodeCount. A restore that discards it also discards
            // its children, which were all built after it was begun, so the link never dangles.
            ref var child = ref _nodes[ChildRef.NodeIndex(r)];
            child.Parent = _nodeCount;
            flags |= child.Flags & NodeFlags.ContainsErrors;
            if (child.LastToken >= child.FirstToken)
            {
                if (first < 0)
                {
                    first = child.FirstToken;
                }

                last = child.LastToken;
            }
        }

        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        int index = _nodeCount++;
        ref var node = ref _nodes[index];
        node.Kind = kind;
        node.Flags = flags;
        node.Parent = -1;
        node.ChildStart = _childCount;
        node.ChildCount = count;
        if (first < 0)
        {
            node.FirstToken = nextToken;
            node.LastToken = nextToken - 1;
        }
        else
        {
            node.FirstToken = first;
            node.LastToken = last;
        }

        _childCount += count;
        _stackCount = mark;
        Push(ChildRef.FromNode(index));
    }

    /// <summary>Completes the tree: the single node left on the stack is the root (parents were set as nodes were finished).</summary>
    public SyntaxTree Build(LexedText lexed, List<Diagnostic> diagnostics)
    {
        Debug.Assert(_stackCount == 1 && ChildRef.IsNode(_stack[0]));
        int root = ChildRef.NodeIndex(_stack[0]);
        var nodes = GC.AllocateUninitializedArray<NodeData>(_nodeCount);
        _nodes.AsSpan(0, _nodeCount).CopyTo(nodes);
        var children = GC.AllocateUninitializedArray<int>(_childCount);
        _children.AsSpan(0, _childCount).CopyTo(children);
        if (_nodes.Length <= MaxKeptNodes)
        {
            s_scratchNodes = _nodes;
        }

        if (_children.Length <= MaxKeptChildren)
        {
            s_scratchChildren = _children;
        }

        return new SyntaxTree(lexed, nodes, _nodeCount, children, root, diagnostics);
    }
}
