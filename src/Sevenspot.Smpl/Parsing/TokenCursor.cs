using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Reads the C tokens of one region of a .cocci file (a rule header or a metavariable section).
/// The region is lexed from a copy of the file in which everything else is blanked, so token
/// offsets are offsets in the .cocci file and errors point at the right line and column.
/// </summary>
internal sealed class TokenCursor
{
    private readonly LexedText _lexed;
    private int _pos;

    public TokenCursor(SourceText file, TextSpan region)
    {
        File = file;
        _lexed = Lexer.Lex(new SourceText(file.Path, BlankOutside(file, region)));
    }

    public SourceText File { get; }

    public Diagnostic? Error { get; private set; }

    public bool AtEnd => Kind == SyntaxKind.EndOfFileToken;

    public SyntaxKind Kind => _lexed.KindAt(_pos);

    public string Text => _lexed.TextAt(_pos);

    public int Position => _pos;

    public TextSpan Span => _lexed.SpanAt(_pos);

    public SyntaxKind PeekKind(int offset = 1) => _pos + offset < _lexed.Count ? _lexed.KindAt(_pos + offset) : SyntaxKind.EndOfFileToken;

    public string PeekText(int offset = 1) => _pos + offset < _lexed.Count ? _lexed.TextAt(_pos + offset) : string.Empty;

    /// <summary>Whether the token at offset directly follows the previous one (no space), e.g. "=~".</summary>
    public bool Adjacent(int offset) => _pos + offset < _lexed.Count && _pos + offset > 0 && _lexed.SpanAt(_pos + offset).Start == _lexed.SpanAt(_pos + offset - 1).End;

    public string Next()
    {
        string text = Text;
        if (!AtEnd)
        {
            _pos++;
        }

        return text;
    }

    public bool IsWord(string word) => (Kind == SyntaxKind.IdentifierToken || SyntaxFacts.GetText(Kind) is not null) && Text == word;

    public bool TryWord(string word)
    {
        if (IsWord(word))
        {
            _pos++;
            return true;
        }

        return false;
    }

    public bool TryKind(SyntaxKind kind)
    {
        if (Kind == kind)
        {
            _pos++;
            return true;
        }

        return false;
    }

    /// <summary>Records the first error (at the current token) and returns false, for "return Fail(...)".</summary>
    public bool Fail(DiagnosticId id, params object[] args)
    {
        Error ??= new Diagnostic(id, File, AtEnd ? new TextSpan(Math.Max(0, Span.Start), 0) : Span, args);
        return false;
    }

    public bool Expect(SyntaxKind kind)
    {
        if (TryKind(kind))
        {
            return true;
        }

        return Fail(DiagnosticId.SmplSyntaxError, $"expected '{SyntaxFacts.GetText(kind)}' but found {Describe()}");
    }

    public string Describe() => AtEnd ? "end of section" : $"'{Text}'";

    /// <summary>The raw text from the start of token <paramref name="from"/> to the end of the token before the cursor.</summary>
    public string TextFrom(int from)
    {
        if (from >= _pos)
        {
            return string.Empty;
        }

        return File.ToString(TextSpan.FromBounds(_lexed.SpanAt(from).Start, _lexed.SpanAt(_pos - 1).End));
    }

    internal static byte[] BlankOutside(SourceText file, TextSpan region)
    {
        var bytes = file.Bytes.ToArray();
        for (int i = 0; i < bytes.Length; i++)
        {
            if ((i < region.Start || i >= region.End) && bytes[i] != (byte)'\n')
            {
                bytes[i] = (byte)' ';
            }
        }

        return bytes;
    }
}
