using System.Text;
using Sevenspot.Text;
using Sevenspot.C;

namespace Sevenspot.Smpl;

internal static partial class PatternLexer
{
    private enum CommentPlace : byte
    {
        /// <summary>Alone on its line(s): an added line of its own.</summary>
        OwnLine,

        /// <summary>After code on its line: it follows the last token before it.</summary>
        AfterToken,

        /// <summary>Before code on its line, with none before it: it precedes the first token after it.</summary>
        BeforeToken,
    }

    /// <summary>A comment on an added line, and the text it adds (a "//" comment with the blanks written before it).</summary>
    private readonly record struct AddedComment(int Start, int End, string Text, CommentPlace Place);

    /// <summary>
    /// The comments of the added lines, which spatch keeps in the added code: a comment alone on its
    /// line(s) is a line of its own, indented as the code, the later lines of a block comment as
    /// written (without their mark); one after code on its line follows that code, one before code
    /// precedes it. Comments on context and removed lines belong to no added code.
    /// </summary>
    private static List<AddedComment> FindAddedComments(LexedText lexed, List<Line> lines, byte[] bytes)
    {
        var result = new List<AddedComment>();
        if (lines.Count == 0)
        {
            return result;
        }

        var tokens = lexed.Tokens;
        for (int i = 0; i < lexed.Count; i++)
        {
            int p = i == 0 ? lines[0].Start : tokens[i - 1].End;
            int gapEnd = Math.Min(tokens[i].Start, bytes.Length);
            int lastEnd = p; // where the code or comment before the next comment ends
            while (p + 1 < gapEnd)
            {
                int end;
                if (bytes[p] == (byte)'/' && bytes[p + 1] == (byte)'*')
                {
                    int close = IndexOf(bytes, "*/"u8, p + 2, gapEnd);
                    end = close < 0 ? gapEnd : close + 2;
                }
                else if (bytes[p] == (byte)'/' && bytes[p + 1] == (byte)'/')
                {
                    int newline = Array.IndexOf(bytes, (byte)'\n', p, gapEnd - p);
                    end = newline < 0 ? gapEnd : newline;
                    while (end > p && bytes[end - 1] is (byte)'\r' or (byte)' ' or (byte)'\t')
                    {
                        end--;
                    }
                }
                else
                {
                    p++;
                    continue;
                }

                int lineIndex = LineOf(lines, p);
                if (lines[lineIndex].Mark is TokenMark.Plus or TokenMark.PlusPlus && !InsideDirective(lexed, p))
                {
                    bool codeBefore = i > 0 && tokens[i - 1].Kind != SyntaxKind.EndOfFileToken && LineOf(lines, tokens[i - 1].Start) == lineIndex;
                    bool codeAfter = tokens[i].Kind != SyntaxKind.EndOfFileToken && LineOf(lines, tokens[i].Start) == LineOf(lines, end - 1);
                    var place = codeBefore ? CommentPlace.AfterToken : codeAfter ? CommentPlace.BeforeToken : CommentPlace.OwnLine;
                    bool lineComment = bytes[p + 1] == (byte)'/';
                    if (place == CommentPlace.OwnLine && result.Count > 0 && result[^1] is { Place: CommentPlace.OwnLine } previous
                        && LineOf(lines, previous.End - 1) == lineIndex)
                    {
                        // Several comments on one line: one line, as written.
                        result[^1] = previous with { End = end, Text = CommentText(lines, bytes, previous.Start, end) };
                    }
                    else
                    {
                        int from = place == CommentPlace.AfterToken && lineComment ? lastEnd : p;
                        result.Add(new AddedComment(p, end, CommentText(lines, bytes, from, end), place));
                    }
                }

                lastEnd = end;
                p = end;
            }
        }

        return result;
    }

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, each later line without its mark (as spatch prints a block comment).</summary>
    private static string CommentText(List<Line> lines, byte[] bytes, int start, int end)
    {
        var text = new StringBuilder();
        int l = LineOf(lines, start);
        int p = start;
        while (true)
        {
            int lineEnd = Math.Min(lines[l].End, end);
            int trimmed = lineEnd;
            while (trimmed > p && bytes[trimmed - 1] == (byte)'\r')
            {
                trimmed--;
            }

            text.Append(Encoding.UTF8.GetString(bytes, p, trimmed - p));
            if (lineEnd >= end || l + 1 >= lines.Count)
            {
                break;
            }

            text.Append('\n');
            l++;
            p = lines[l].Mark is TokenMark.Plus or TokenMark.PlusPlus ? lines[l].CodeStart : lines[l].Start;
        }

        return text.ToString();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int start, int end)
    {
        int at = bytes.AsSpan(start, Math.Max(0, end - start)).IndexOf(value);
        return at < 0 ? -1 : start + at;
    }

    /// <summary>Whether an offset lies within one of the comments.</summary>
    private static bool InsideComment(List<AddedComment> comments, int offset)
    {
        foreach (var c in comments)
        {
            if (c.Start <= offset && offset < c.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An added comment alone on its line(s) is placed beside the code next to it in the code left
    /// after the removal (context and + lines): the token just before it or just after it. When
    /// neither is C code, because removed lines, "...", a nest or a disjunction's delimiters stand
    /// there, spatch refuses the rule ("- old(E);" then "+ // c" alone); so is it refused here, at
    /// the comment.
    /// </summary>
    private static bool ReportUnattachedComments(SourceText file, LexedText lexed, List<Line> lines, List<RawToken> raw, List<Diagnostic> diagnostics)
    {
        // A directive on a context line is kept code too, though no token of the pattern.
        var keptDirectives = new List<int>();
        foreach (var d in lexed.Directives)
        {
            if (lines.Count > 0 && lines[LineOf(lines, d.Start)].Mark is TokenMark.Context or TokenMark.Star)
            {
                keptDirectives.Add(d.Start);
            }
        }

        for (int k = 0; k < raw.Count; k++)
        {
            if (!raw[k].IsComment || raw[k].Mark is not (TokenMark.Plus or TokenMark.PlusPlus))
            {
                continue;
            }

            if (AttachesTo(raw, keptDirectives, k, -1) || AttachesTo(raw, keptDirectives, k, 1))
            {
                continue;
            }

            var comment = raw[k].Data;
            diagnostics.Add(new Diagnostic(DiagnosticId.SmplSyntaxError, file, TextSpan.FromBounds(comment.Start, comment.Start + 1),
                "nothing to attach pragma to: this added comment has no code beside it once the removed lines are gone; add or keep code next to it"));
            return true;
        }

        return false;
    }

    /// <summary>Whether the first entry from <paramref name="k"/> in <paramref name="step"/>'s direction that stays in the plus code is C code an added comment can go beside.</summary>
    private static bool AttachesTo(List<RawToken> raw, List<int> keptDirectives, int k, int step)
    {
        int j = k + step;
        for (; j >= 0 && j < raw.Count; j += step)
        {
            var entry = raw[j];
            if (entry.RawLine is not null)
            {
                if (entry.IsComment || entry.RawLine.Length == 0)
                {
                    continue; // the same run of added comment lines
                }

                return true; // an added directive
            }

            if (entry.Mark != TokenMark.Minus)
            {
                break;
            }
        }

        int from = raw[k].Data.Start;
        int to = j >= 0 && j < raw.Count ? raw[j].Data.Start : step < 0 ? -1 : int.MaxValue;
        foreach (int directive in keptDirectives)
        {
            if (step < 0 ? directive > to && directive < from : directive > from && directive < to)
            {
                return true;
            }
        }

        return j >= 0 && j < raw.Count && raw[j].Anchor;
    }

    /// <summary>The comments beside code, each hung on the token it goes after or before.</summary>
    private static void AttachComments(List<RawToken> raw, List<AddedComment> comments)
    {
        foreach (var c in comments)
        {
            if (c.Place == CommentPlace.OwnLine)
            {
                continue;
            }

            int at = -1;
            for (int k = 0; k < raw.Count; k++)
            {
                if (raw[k].RawLine is not null)
                {
                    continue;
                }

                if (c.Place == CommentPlace.AfterToken && raw[k].Data.Start < c.Start)
                {
                    at = k;
                }
                else if (c.Place == CommentPlace.BeforeToken && raw[k].Data.Start >= c.End)
                {
                    at = k;
                    break;
                }
            }

            if (at < 0)
            {
                continue;
            }

            var token = raw[at];
            (token.Comments ??= []).Add((c.Place == CommentPlace.AfterToken, c.Text));
            raw[at] = token;
        }
    }
}
