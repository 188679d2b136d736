using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>A handle to one token of a tree. Index -1 stands for a token the parser expected but did not find.</summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    internal SyntaxToken(SyntaxTree tree, int index)
    {
        Tree = tree;
        Index = index;
    }

    public SyntaxTree Tree { get; }

    public int Index { get; }

    public bool IsMissing => Index < 0;

    public SyntaxKind Kind => IsMissing ? SyntaxKind.None : Tree.Tokens[Index].Kind;

    public TokenFlags Flags => IsMissing ? TokenFlags.None : Tree.Tokens[Index].Flags;

    /// <summary>Interned name id for identifiers and keywords, 0 otherwise.</summary>
    public int NameId => IsMissing ? 0 : Tree.Tokens[Index].Name;

    public TextSpan Span => IsMissing ? default : TextSpan.FromBounds(Tree.Tokens[Index].Start, Tree.Tokens[Index].End);

    /// <summary>The token with its leading trivia (everything since the previous token of the tree).</summary>
    public TextSpan FullSpan => IsMissing ? default : TextSpan.FromBounds(FullStart, Tree.Tokens[Index].End);

    public TextSpan LeadingTriviaSpan => IsMissing ? default : TextSpan.FromBounds(FullStart, Tree.Tokens[Index].Start);

    private int FullStart
    {
        get
        {
            var tokens = Tree.Tokens;
            int i = Index - 1;
            while (i >= 0 && tokens[i].Kind == SyntaxKind.DisabledToken)
            {
                i--;
            }

            return i < 0 ? 0 : tokens[i].End;
        }
    }

    public string Text => IsMissing ? string.Empty : Tree.Text.ToString(Span);

    public ReadOnlySpan<byte> Bytes => IsMissing ? default : Tree.Text.Slice(Span);

    public LinePosition Position => Tree.Text.GetLinePosition(Span.Start);

    public SyntaxNode? Parent => IsMissing ? null : Tree.GetTokenParent(Index);

    public bool Equals(SyntaxToken other) => ReferenceEquals(Tree, other.Tree) && Index == other.Index;

    public override bool Equals(object? obj) => obj is SyntaxToken t && Equals(t);

    public override int GetHashCode() => HashCode.Combine(Tree, Index);

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);

    public override string ToString() => Text;
}
