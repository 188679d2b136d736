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

    /// <summary>
    /// The text as <see cref="Lexer.Lex(SourceText, IReadOnlyList{TextSpan}, NameTable?)"/> lexes it with
    /// the given ranges skipped, made from this lexing without reading the text again. Each range
    /// (sorted) must run from the end of a directive to the start of the next one, as the branches of an
    /// #if group do: the tokens, directives and diagnostics inside are dropped, and the tokens after a
    /// range keep their flags (a directive precedes them either way). The names only the dropped
    /// tokens spelled stay in the table, unused.
    /// </summary>
    internal LexedText Without(IReadOnlyList<TextSpan> ranges)
    {
        var tokens = GC.AllocateUninitializedArray<TokenData>(Count);
        var directives = new List<Directive>(Directives.Count);
        var source = Tokens;
        int kept = 0;
        int r = 0;
        int d = 0;
        for (int i = 0; i < Count; i++)
        {
            int start = source[i].Start;
            while (r < ranges.Count && ranges[r].End <= start)
            {
                r++;
            }

            // Directives before this token: kept unless inside a range, pointing at the next kept token.
            for (; d < Directives.Count && Directives[d].TokenIndex <= i; d++)
            {
                var directive = Directives[d];
                if (!InRanges(ranges, directive.Start))
                {
                    directives.Add(directive with { TokenIndex = kept });
                }
            }

            if (r < ranges.Count && start >= ranges[r].Start && start < ranges[r].End && source[i].Kind != SyntaxKind.EndOfFileToken)
            {
                continue;
            }

            tokens[kept++] = source[i];
        }

        for (; d < Directives.Count; d++)
        {
            if (!InRanges(ranges, Directives[d].Start))
            {
                directives.Add(Directives[d] with { TokenIndex = kept });
            }
        }

        var diagnostics = new List<Diagnostic>(Diagnostics.Count);
        foreach (var diagnostic in Diagnostics)
        {
            if (!InRanges(ranges, diagnostic.Span.Start))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return new LexedText(Text, tokens[..kept], kept, Names, directives, diagnostics);
    }

    private static bool InRanges(IReadOnlyList<TextSpan> ranges, int offset)
    {
        foreach (var range in ranges)
        {
            if (offset >= range.Start && offset < range.End)
            {
                return true;
            }
        }

        return false;
    }

    public SyntaxKind KindAt(int index) => Tokens[index].Kind;

    public TextSpan SpanAt(int index) => TextSpan.FromBounds(Tokens[index].Start, Tokens[index].End);

    public string TextAt(int index) => Text.ToString(SpanAt(index));

    public TokenFlags FlagsAt(int index) => Tokens[index].Flags;
}
