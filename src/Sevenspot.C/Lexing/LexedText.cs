using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>The output of the lexer for one text: tokens (ending with EndOfFile), directives, names, diagnostics.</summary>
public sealed class LexedText
{
    internal LexedText(SourceText text, TokenData[] tokens, int count, NameTable names, List<Directive> directives, List<Diagnostic> diagnostics)
    {
        Text = text;
        Tokens = tokens;
        Count = count;
        Names = names;
        Directives = directives;
        Diagnostics = diagnostics;
    }

    public SourceText Text { get; }

    internal TokenData[] Tokens { get; }

    /// <summary>Number of tokens, the EndOfFile token included.</summary>
    public int Count { get; }

    public NameTable Names { get; }

    public IReadOnlyList<Directive> Directives { get; }

    public List<Diagnostic> Diagnostics { get; }

    public SyntaxKind KindAt(int index) => Tokens[index].Kind;

    public TextSpan SpanAt(int index) => TextSpan.FromBounds(Tokens[index].Start, Tokens[index].End);

    public string TextAt(int index) => Text.ToString(SpanAt(index));

    public TokenFlags FlagsAt(int index) => Tokens[index].Flags;
}
