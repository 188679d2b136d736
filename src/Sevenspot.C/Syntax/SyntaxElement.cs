using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>A child of a node: a node or a token.</summary>
public readonly struct SyntaxElement : IEquatable<SyntaxElement>
{
    internal SyntaxElement(SyntaxTree tree, int reference)
    {
        Tree = tree;
        Reference = reference;
    }

    public SyntaxTree Tree { get; }

    internal int Reference { get; }

    public bool IsNode => ChildRef.IsNode(Reference);

    public bool IsToken => ChildRef.IsToken(Reference);

    public SyntaxKind Kind => IsNode ? AsNode().Kind : AsToken().Kind;

    public SyntaxNode AsNode() => new(Tree, ChildRef.NodeIndex(Reference));

    public SyntaxToken AsToken() => new(Tree, Reference);

    public TextSpan Span => IsNode ? AsNode().Span : AsToken().Span;

    public bool Equals(SyntaxElement other) => ReferenceEquals(Tree, other.Tree) && Reference == other.Reference;

    public override bool Equals(object? obj) => obj is SyntaxElement e && Equals(e);

    public override int GetHashCode() => HashCode.Combine(Tree, Reference);

    public static bool operator ==(SyntaxElement left, SyntaxElement right) => left.Equals(right);

    public static bool operator !=(SyntaxElement left, SyntaxElement right) => !left.Equals(right);

    public override string ToString() => IsNode ? AsNode().ToString() : AsToken().ToString();
}
