using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// A range of a source file as findings report it. <see cref="Start"/> and <see cref="End"/>
/// have 1-based lines and 0-based byte columns, as spatch prints them; the character columns
/// count Unicode code points instead (SARIF's unicodeCodePoints), and equal the byte columns on
/// ASCII lines. <see cref="Snippet"/> is the text of the first line, and <see cref="Text"/> the
/// text of the range itself (both cut at a few hundred characters), for pages that show code.
/// </summary>
public sealed record SourceLocation(
    string Path,
    TextSpan Span,
    LinePosition Start,
    LinePosition End,
    int StartCharacter,
    int EndCharacter,
    string Snippet,
    string Text)
{
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
}
