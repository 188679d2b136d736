using System.Text;
using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// An immutable, full-fidelity syntax tree. Tokens come from the lexer's array; nodes and
/// their child lists are flat arrays; <see cref="SyntaxNode"/> and <see cref="SyntaxToken"/>
/// are small handles into them. Every byte of the file belongs to a token or to the trivia
/// before a token, so printing the tokens in tree order gives back the file.
/// </summary>
public sealed class SyntaxTree
{
    private int[]? _tokenParents;

    internal SyntaxTree(LexedText lexed, NodeData[] nodes, int nodeCount, int[] children, int root, List<Diagnostic> diagnostics)
    {
        Lexed = lexed;
        Nodes = nodes;
        NodeCount = nodeCount;
        Children = children;
        RootIndex = root;
        Diagnostics = diagnostics;
    }

    internal LexedText Lexed { get; }

    internal TokenData[] Tokens => Lexed.Tokens;

    internal NodeData[] Nodes { get; }

    internal int[] Children { get; }

    internal int RootIndex { get; }

    public int NodeCount { get; }

    public int TokenCount => Lexed.Count;

    /// <summary>The file's preprocessor directives, in source order.</summary>
    public IReadOnlyList<Directive> Directives => Lexed.Directives;

    public SourceText Text => Lexed.Text;

    public NameTable Names => Lexed.Names;

    public SyntaxNode Root => new(this, RootIndex);

    /// <summary>Lexer and parser diagnostics, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public SyntaxToken GetToken(int index) => new(this, index);

    /// <summary>
    /// Prints the tree by walking it: the result equals the source when the tree is sound. Every
    /// token must be in the tree once and in order; a token left out would otherwise be printed
    /// silently as part of the gap before the next one, so that is reported as a bug.
    /// </summary>
    public byte[] Print()
    {
        var output = new MemoryStream(Text.Length);
        int previousEnd = 0;
        int next = NextTreeToken(0);
        var source = Text.Bytes;
        foreach (var token in Root.DescendantTokensInTreeOrder())
        {
            if (token.Index != next)
            {
                throw new InvalidOperationException($"Token {next} is missing from the tree or out of order (found token {token.Index}).");
            }

            var data = Tokens[token.Index];
            output.Write(source[previousEnd..data.End]);
            previousEnd = data.End;
            next = NextTreeToken(next + 1);
        }

        if (next < TokenCount)
        {
            throw new InvalidOperationException($"Token {next} is missing from the tree.");
        }

        output.Write(source[previousEnd..]);
        return output.ToArray();
    }

    private int NextTreeToken(int index)
    {
        while (index < TokenCount && Tokens[index].Kind == SyntaxKind.DisabledToken)
        {
            index++;
        }

        return index;
    }

    /// <summary>The innermost node whose token range holds the token.</summary>
    public SyntaxNode? GetTokenParent(int tokenIndex)
    {
        _tokenParents ??= ComputeTokenParents();
        int parent = _tokenParents[tokenIndex];
        return parent < 0 ? null : new SyntaxNode(this, parent);
    }

    private int[] ComputeTokenParents()
    {
        var parents = new int[TokenCount];
        Array.Fill(parents, -1);
        for (int n = 0; n < NodeCount; n++)
        {
            ref var node = ref Nodes[n];
            for (int i = 0; i < node.ChildCount; i++)
            {
                int c = Children[node.ChildStart + i];
                if (ChildRef.IsToken(c))
                {
                    parents[c] = n;
                }
            }
        }

        return parents;
    }

    /// <summary>An indented dump of the tree, one node or token per line.</summary>
    public string Dump() => SyntaxDumper.Dump(Root);

    public override string ToString() => Encoding.UTF8.GetString(Print());
}
