using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// A range of a source file as findings report it. <see cref="Start"/> and <see cref="End"/>
/// have 1-based lines and 0-based byte columns, as spatch prints them; the character columns
/// count Unicode code points instead (SARIF's unicodeCodePoints), and equal the byte columns on
/// ASCII lines. <see cref="Snippet"/> is the text of the first line, and <see cref="Text"/> the
/// text of the range itself (both cut at a few hundred characters), for pages that show code.
/// </summary>
/// <remarks>
/// MEMORY: tree checks keep one location per call or acquisition of every function of the tree
/// until the run ends (a whole kernel keeps millions). The common one, without code text and on
/// ASCII lines of at most 4,095 columns, stores its lines and columns in one packed word beside
/// the span: 48 bytes against 72 with every field of its own. Any other location keeps its
/// positions and texts in a <see cref="Details"/> record; the properties read the same either way.
/// </remarks>
public sealed record SourceLocation
{
    private const int ColumnBits = 12;
    private const int MaxPackedColumn = (1 << ColumnBits) - 1;
    private const int MaxPackedLines = 0xFF;

    private readonly int _start;
    private readonly int _length;
    private readonly int _line;

    // Start column (12 bits), end column (12 bits), end line minus start line (8 bits); unused with _details.
    private readonly uint _packed;
    private readonly Details? _details;

    public SourceLocation(string path, TextSpan span, LinePosition start, LinePosition end, int startCharacter, int endCharacter, string snippet, string text)
    {
        Path = path;
        _start = span.Start;
        _length = span.Length;
        int lines = end.Line - start.Line;
        if (snippet.Length == 0 && text.Length == 0
            && startCharacter == start.Column && endCharacter == end.Column
            && (uint)start.Column <= MaxPackedColumn && (uint)end.Column <= MaxPackedColumn && (uint)lines <= MaxPackedLines)
        {
            _line = start.Line;
            _packed = (uint)start.Column | ((uint)end.Column << ColumnBits) | ((uint)lines << (2 * ColumnBits));
        }
        else
        {
            _details = new Details(start, end, startCharacter, endCharacter, snippet, text);
        }
    }

    public string Path { get; }

    public TextSpan Span => new(_start, _length);

    public LinePosition Start => _details?.Start ?? new LinePosition(_line, (int)(_packed & MaxPackedColumn));

    public LinePosition End => _details?.End ?? new LinePosition(_line + (int)(_packed >> (2 * ColumnBits)), (int)((_packed >> ColumnBits) & MaxPackedColumn));

    public int StartCharacter => _details?.StartCharacter ?? (int)(_packed & MaxPackedColumn);

    public int EndCharacter => _details?.EndCharacter ?? (int)((_packed >> ColumnBits) & MaxPackedColumn);

    public string Snippet => _details?.Snippet ?? string.Empty;

    public string Text => _details?.Text ?? string.Empty;

    private const int MaxSnippet = 240;
    private const int MaxText = 400;

    /// <summary>
    /// The location of a span. Without <paramref name="withText"/>, <see cref="Snippet"/> and
    /// <see cref="Text"/> stay empty: the compact form tree checks keep in their facts, whose text
    /// <see cref="CheckRunner"/> fills in for the locations that end up in findings.
    /// </summary>
    public static SourceLocation From(SourceText text, TextSpan span, bool withText = true)
    {
        int start = Math.Clamp(span.Start, 0, text.Length);
        int end = Math.Clamp(span.End, start, text.Length);
        var startPosition = text.GetLinePosition(start);
        var endPosition = text.GetLinePosition(end);
        if (!withText)
        {
            return new SourceLocation(text.Path, TextSpan.FromBounds(start, end), startPosition, endPosition, CodePointColumn(text, startPosition.Line, start), CodePointColumn(text, endPosition.Line, end), string.Empty, string.Empty);
        }

        string line = text.GetLineText(startPosition.Line);
        if (line.Length > MaxSnippet)
        {
            line = line[..MaxSnippet];
        }

        var range = TextSpan.FromBounds(start, end);
        string content = text.ToString(range.Length > MaxText ? new TextSpan(start, MaxText) : range);
        return new SourceLocation(
            text.Path,
            range,
            startPosition,
            endPosition,
            CodePointColumn(text, startPosition.Line, start),
            CodePointColumn(text, endPosition.Line, end),
            line,
            content);
    }

    /// <summary>Whether the code text was left out (<see cref="From"/> without text).</summary>
    public bool IsCompact => Snippet.Length == 0 && Text.Length == 0 && Span.Length > 0;

    /// <summary>The same location with its code text, taken from the file's text.</summary>
    public SourceLocation WithText(SourceText text) => text.Path == Path && Span.End <= text.Length ? From(text, Span) : this;

    /// <summary>Code points between the start of the line and the offset: UTF-8 continuation bytes do not count.</summary>
    private static int CodePointColumn(SourceText text, int line, int offset)
    {
        int lineStart = text.GetLineStart(line);
        int column = 0;
        var bytes = text.Bytes;
        for (int i = lineStart; i < offset; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return column;
    }

    /// <summary>"path:line:column".</summary>
    public override string ToString() => $"{Path}:{Start.Line}:{Start.Column}";

    /// <summary>What a location that does not pack keeps: positions that do not fit, code points apart from bytes, or code text.</summary>
    private sealed record Details(LinePosition Start, LinePosition End, int StartCharacter, int EndCharacter, string Snippet, string Text);
}
