using System.Text;

namespace Sevenspot.Engine;

/// <summary>
/// Lays out a transformed stretch of the file as spatch does: the stream of file pieces (tokens,
/// blanks, comments, each kept or removed) with the added code in its places goes through a fixed
/// series of passes. Removed tokens take the blanks and comments between them along, and a line
/// they leave empty disappears; a branch that gets braces has its brace moved up to the "if" line;
/// added lines and kept lines whose nesting changed are indented like the code around them; spaces
/// at the edges of added code are fixed; long added lines are broken after a comma.
/// </summary>
internal static partial class Unparser
{
    /// <summary>
    /// The text of the stream once every pass has run; <paramref name="outerDepth"/> is the nesting
    /// of code wrapped around the text, which does not count for the layout.
    /// </summary>
    public static string Run(List<Piece> pieces, int outerDepth = 0)
    {
        AroundRemovedFields(pieces);
        var lineAfterBrace = RemovedBracesEndingALine(pieces);
        var xs = ParenThenBrace(pieces);
        xs = DropLine(xs);
        xs = AdjustAroundMinus(xs);
        xs.RemoveAll(p => p.Kind == PieceKind.Fake);
        xs = AdjustAfterBrace(xs);
        xs = AdjustBeforeBrace(xs);
        CleanupConditionals(xs);
        var (indented, tabbingUnit) = AdjustIndentation(xs, outerDepth);
        xs = AdjustEatSpace(indented);
        xs = AdjustBeforeSemicolon(xs);
        xs = AdjustAfterParen(xs);
        xs = ParenToSpace(xs);
        xs = DropEndComma(xs);
        xs = DropSpaceAtEndOfLine(xs);
        KeepLineAfterRemovedBraces(xs, lineAfterBrace);
        xs.RemoveAll(IsRemoved);
        xs = AddSpace(xs);
        xs = DropStrayCommas(xs);
        xs = AddNewlines(xs, tabbingUnit);
        BlankAddedLines(xs);
        var sb = new StringBuilder();
        foreach (var p in xs)
        {
            if (p.RecordsColumn)
            {
                // The column of the piece, in tabs of 8 and blanks when its line is indented with tabs.
                // Only the current line is read: the output so far is not copied.
                int lineStart = sb.Length;
                while (lineStart > 0 && sb[lineStart - 1] != '\n')
                {
                    lineStart--;
                }

                int column = 0;
                for (int c = lineStart; c < sb.Length; c++)
                {
                    column = sb[c] == '\t' ? (column / 8 + 1) * 8 : column + 1;
                }

                bool tabs = lineStart < sb.Length && sb[lineStart] == '\t';
                p.IndentationText = tabs ? new string('\t', column / 8) + new string(' ', column % 8) : new string(' ', column);
            }

            if (p.Hint == PieceHint.DirectiveLine)
            {
                // spatch's printer breaks the line, indents to the code's column, then prints the directive on a line of its own.
                sb.Append('\n').Append(p.Anchor?.IndentationText ?? string.Empty).Append('\n').Append(p.Text).Append('\n');
                continue;
            }

            sb.Append(p.Text);
            if (p.Hint == PieceHint.SpaceOrNewline)
            {
                sb.Append(p.HintSpace);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// An added line break followed by another line break makes a blank line: it holds no indentation.
    /// (After an added conditional directive in place of removed code, spatch keeps the indentation alone there.)
    /// </summary>
    private static void BlankAddedLines(List<Piece> xs)
    {
        for (int i = 0; i + 1 < xs.Count; i++)
        {
            var x = xs[i];
            if (!x.IsAdded || x.Text.Length < 2 || x.Text[0] != '\n' || !x.Text.AsSpan(1).TrimStart(" \t").IsEmpty
                || xs[i + 1].Text.Length == 0 || xs[i + 1].Text[0] != '\n' || !(xs[i + 1].IsAdded || xs[i + 1].Kind == PieceKind.Newline))
            {
                continue;
            }

            if (i > 0 && xs[i - 1].IsAdded && xs[i - 1].Text.StartsWith('#'))
            {
                continue;
            }

            x.Text = "\n";
        }
    }

    // ---- Classification of pieces (spatch's token2 predicates) ----

    /// <summary>A piece of the file other than a fake place.</summary>
    private static bool IsFilePiece(Piece p) => p.Kind is PieceKind.Token or PieceKind.Space or PieceKind.Newline or PieceKind.Comment or PieceKind.Directive or PieceKind.Opaque;

    private static bool IsRemoved(Piece p) => IsFilePiece(p) && p.Minus;

    private static bool IsSpace(Piece p) => p.Kind == PieceKind.Space;

    private static bool IsNewline(Piece p) => p.Kind == PieceKind.Newline;

    private static bool IsComment(Piece p) => p.Kind == PieceKind.Comment;

    private static bool IsNewlineOrComment(Piece p) => p.Kind is PieceKind.Newline or PieceKind.Comment;

    private static bool IsWhitespace(Piece p) => p.Kind is PieceKind.Space or PieceKind.Newline or PieceKind.Comment;

    private static bool IsNonCommentWhitespace(Piece p) => p.Kind is PieceKind.Space or PieceKind.Newline;

    private static bool IsWhitespaceOrFake(Piece p) => IsWhitespace(p) || p.Kind == PieceKind.Fake;

    private static bool IsAddedSpace(Piece p) => p.Kind == PieceKind.AddedCode && p.Text == " ";

    private static bool IsAddedWhitespace(Piece p) => p.Kind is PieceKind.AddedCode or PieceKind.Added && p.Text is " " or "\n";

    private static bool IsContextNewline(Piece p) => p.Kind == PieceKind.Newline && !p.Minus;

    /// <summary>File text that a removal may take along: blanks, comments, directives.</summary>
    private static bool IsMinusable(Piece p) => p.Kind is PieceKind.Space or PieceKind.Newline or PieceKind.Comment or PieceKind.Directive;

    private static bool IsMinusableNoDirective(Piece p) => p.Kind is PieceKind.Space or PieceKind.Newline or PieceKind.Comment;

    private static bool IsAnyAdded(Piece p) => p.Kind is PieceKind.Added or PieceKind.AddedCode or PieceKind.Comma or PieceKind.Indent or PieceKind.Unindent or PieceKind.UnindentToColumn0 or PieceKind.EatSpace;

    /// <summary>Added text (not the layout markers).</summary>
    private static bool IsPlus(Piece p) => p.Kind is PieceKind.Added or PieceKind.AddedCode or PieceKind.Comma;

    private static bool IsMinusOrFake(Piece p) => IsRemoved(p) || (p.Kind == PieceKind.Fake && p.Minus);

    /// <summary>Whether a piece can be part of a stretch of removed code: anything but a kept token.</summary>
    private static bool IsNotContext(Piece p) => !(IsFilePiece(p) && !p.Minus && !IsMinusable(p));

    private static bool IsSafeCommentOrSpace(Piece p) => p.Kind == PieceKind.Space || (p.Kind == PieceKind.Comment && !p.Text.StartsWith("//", StringComparison.Ordinal));

    private static bool IsContext(Piece p) => IsFilePiece(p) && !p.Minus;

    private static bool IsContextToken(Piece p, string text) => p.Kind == PieceKind.Token && !p.Minus && p.Text == text;

    private static void SetMinus(Piece p, Piece like)
    {
        if (IsFilePiece(p) && !p.Minus)
        {
            p.Minus = true;
            p.Match = like.Match;
            p.Adjacency = like.Adjacency;
        }
    }

    private static bool CommonAdjacency(Piece a, Piece b) =>
        a.Adjacency == AllMinus || b.Adjacency == AllMinus || (a.Adjacency == b.Adjacency && a.Match == b.Match && a.Match >= 0);

    /// <summary>Adjacency of removed pieces that go with any other removal.</summary>
    internal const int AllMinus = -2;
}
