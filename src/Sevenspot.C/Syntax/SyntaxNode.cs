using System.Runtime.CompilerServices;
using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>A handle to one node of a tree.</summary>
public readonly struct SyntaxNode : IEquatable<SyntaxNode>
{
    internal SyntaxNode(SyntaxTree tree, int index)
    {
        Tree = tree;
        Index = index;
    }

    public SyntaxTree Tree { get; }

    /// <summary>Index of the node in its tree (stable for the tree's lifetime).</summary>
    public int Index { get; }

    private ref NodeData Data => ref Tree.Nodes[Index];

    public SyntaxKind Kind => Data.Kind;

    public bool ContainsErrors => (Data.Flags & NodeFlags.ContainsErrors) != 0;

    public SyntaxNode? Parent => Data.Parent < 0 ? null : new SyntaxNode(Tree, Data.Parent);

    public int ChildCount => Data.ChildCount;

    /// <summary>The i-th child (slot i for fixed-shape nodes); may be absent for optional slots.</summary>
    public SyntaxElement? GetSlot(int i)
    {
        int r = Tree.Children[Data.ChildStart + i];
        return r == ChildRef.Absent ? null : new SyntaxElement(Tree, r);
    }

    public SyntaxNode? GetNodeSlot(int i)
    {
        int r = Tree.Children[Data.ChildStart + i];
        return ChildRef.IsNode(r) ? new SyntaxNode(Tree, ChildRef.NodeIndex(r)) : null;
    }

    public SyntaxToken? GetTokenSlot(int i)
    {
        int r = Tree.Children[Data.ChildStart + i];
        return ChildRef.IsToken(r) ? new SyntaxToken(Tree, r) : null;
    }

    /// <summary>Whether slot i holds something.</summary>
    public bool HasSlot(int i) => Tree.Children[Data.ChildStart + i] != ChildRef.Absent;

    public int FirstTokenIndex => Data.FirstToken;

    public int LastTokenIndex => Data.LastToken;

    public bool IsEmpty => Data.LastToken < Data.FirstToken;

    public SyntaxToken FirstToken => new(Tree, Data.FirstToken);

    public SyntaxToken LastToken => new(Tree, Data.LastToken);

    /// <summary>From the start of the first token to the end of the last one (no surrounding trivia).</summary>
    public TextSpan Span
    {
        get
        {
            var tokens = Tree.Tokens;
            ref var d = ref Data;
            int start = tokens[d.FirstToken].Start;
            return d.LastToken < d.FirstToken ? new TextSpan(start, 0) : TextSpan.FromBounds(start, tokens[d.LastToken].End);
        }
    }

    /// <summary>The span with the leading trivia of the first token.</summary>
    public TextSpan FullSpan
    {
        get
        {
            var span = Span;
            return IsEmpty ? span : TextSpan.FromBounds(FirstToken.FullSpan.Start, span.End);
        }
    }

    public LinePosition Position => Tree.Text.GetLinePosition(Span.Start);

    public ChildEnumerable Children => new(this);

    public IEnumerable<SyntaxNode> ChildNodes()
    {
        var tree = Tree;
        int start = Data.ChildStart;
        int count = Data.ChildCount;
        for (int i = 0; i < count; i++)
        {
            int r = tree.Children[start + i];
            if (ChildRef.IsNode(r))
            {
                yield return new SyntaxNode(tree, ChildRef.NodeIndex(r));
            }
        }
    }

    /// <summary>This node and all nodes below it, in pre-order, without recursion.</summary>
    public NodeWalk DescendantNodesAndSelf() => new(Tree, Index);

    /// <summary>The tokens of this node, taken by walking the tree (used by the round-trip printer).</summary>
    public IEnumerable<SyntaxToken> DescendantTokensInTreeOrder()
    {
        var tree = Tree;
        var stack = new Stack<int>();
        stack.Push(ChildRef.FromNode(Index));
        while (stack.Count > 0)
        {
            int r = stack.Pop();
            if (ChildRef.IsToken(r))
            {
                yield return new SyntaxToken(tree, r);
                continue;
            }

            ref var d = ref tree.Nodes[ChildRef.NodeIndex(r)];
            for (int i = d.ChildCount - 1; i >= 0; i--)
            {
                int c = tree.Children[d.ChildStart + i];
                if (c != ChildRef.Absent)
                {
                    stack.Push(c);
                }
            }
        }
    }

    /// <summary>The tokens of this node in order (a contiguous range of the token array).</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var tree = Tree;
        for (int i = Data.FirstToken; i <= Data.LastToken; i++)
        {
            if (tree.Tokens[i].Kind != SyntaxKind.DisabledToken)
            {
                yield return new SyntaxToken(tree, i);
            }
        }
    }

    /// <summary>The nearest ancestor (or this node) of the given kind.</summary>
    public SyntaxNode? FirstAncestorOrSelf(SyntaxKind kind)
    {
        for (SyntaxNode? n = this; n is { } node; n = node.Parent)
        {
            if (node.Kind == kind)
            {
                return node;
            }
        }

        return null;
    }

    public bool Equals(SyntaxNode other) => ReferenceEquals(Tree, other.Tree) && Index == other.Index;

    public override bool Equals(object? obj) => obj is SyntaxNode n && Equals(n);

    public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Tree), Index);

    public static bool operator ==(SyntaxNode left, SyntaxNode right) => left.Equals(right);

    public static bool operator !=(SyntaxNode left, SyntaxNode right) => !left.Equals(right);

    /// <summary>The source text of the node, without leading trivia.</summary>
    public override string ToString() => Tree.Text.ToString(Span);

    public string ToFullString() => Tree.Text.ToString(FullSpan);

    /// <summary>Enumerates the children (nodes and tokens, absent slots skipped) without allocating.</summary>
    public readonly struct ChildEnumerable(SyntaxNode node)
    {
        public ChildEnumerator GetEnumerator() => new(node);
    }

    public struct ChildEnumerator
    {
        private readonly SyntaxTree _tree;
        private readonly int _end;
        private int _position;

        internal ChildEnumerator(SyntaxNode node)
        {
            _tree = node.Tree;
            ref var d = ref node.Tree.Nodes[node.Index];
            _position = d.ChildStart - 1;
            _end = d.ChildStart + d.ChildCount;
        }

        public readonly SyntaxElement Current => new(_tree, _tree.Children[_position]);

        public bool MoveNext()
        {
            while (++_position < _end)
            {
                if (_tree.Children[_position] != ChildRef.Absent)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
