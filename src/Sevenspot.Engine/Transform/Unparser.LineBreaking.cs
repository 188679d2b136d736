namespace Sevenspot.Engine;

/// <summary>
/// Breaks added lines that grow too long: in the outermost call of a line, the space after the
/// last comma that still fits becomes a line break indented to the call's open parenthesis.
/// </summary>
internal static partial class Unparser
{
    /// <summary>The width an added line may reach before it is broken.</summary>
    internal const int MaxWidth = 78;

    private sealed class SpaceCell
    {
        public SpaceCell(int start, Piece comma)
        {
            Start = start;
            Comma = comma;
        }

        public int Start { get; }

        public Piece Comma { get; }
    }

    private readonly record struct Box(int Count, string? Indent);

    private static (int Count, bool SawNewline) StringLength(string s, int count)
    {
        bool nl = false;
        foreach (char c in s)
        {
            switch (c)
            {
                case '\t':
                    count += 8;
                    break;
                case '\n':
                    count = 0;
                    nl = true;
                    break;
                default:
                    count++;
                    break;
            }
        }

        return (count, nl);
    }

    private static int SimpleLength(string s, int count) => StringLength(s, count).Count;

    private static string CreateIndent(int n, string? tabbingUnit)
    {
        string tu = string.IsNullOrEmpty(tabbingUnit) ? "\t" : tabbingUnit;
        int tlen = SimpleLength(tu, 0);
        var sb = new System.Text.StringBuilder();
        int seen = 0;
        while (tlen > 0 && seen + tlen <= n)
        {
            sb.Append(tu);
            seen += tlen;
        }

        sb.Append(' ', Math.Max(0, n - seen));
        return sb.ToString();
    }

    private static bool IsLineBreakPiece(Piece p)
    {
        if (p.Kind == PieceKind.Comment)
        {
            return false;
        }

        int nl = p.Text.IndexOf('\n', StringComparison.Ordinal);
        if (nl < 0)
        {
            return false;
        }

        // A backslash-newline is not a line break of the code.
        int k = nl - 1;
        while (k >= 0 && p.Text[k] is ' ' or '\t')
        {
            k--;
        }

        return !(k >= 0 && p.Text[k] == '\\');
    }

    private static List<Piece> AddNewlines(List<Piece> toks, string? tabbingUnit)
    {
        var stack = new List<Box>();
        SpaceCell? spaceCell = null;
        int count = 0;
        bool seenAdded = false, seenEquals = false;
        var result = new List<Piece>(toks.Count);

        static bool IsAddedText(Piece p) => p.Kind is PieceKind.Added or PieceKind.AddedCode;

        int UpdatePreviousSpace(int c, string s)
        {
            c += s.Length;
            if (stack.Count == 1 && spaceCell is { } cell && c > MaxWidth)
            {
                var (indent, tu) = stack[0];
                cell.Comma.HintSpace = "\n" + (tu ?? CreateIndent(indent, tabbingUnit));
                return c - cell.Start + indent;
            }

            return c;
        }

        bool Ender(int next) =>
            next < toks.Count && ((toks[next].Kind == PieceKind.Added && toks[next].Hint == PieceHint.EndBox) || toks[next].Text is ")" or "}");

        // A line break: the indentation it brings, possibly replaced by the box's.
        Piece GetIndent(Piece newline, int next, ref bool seenCocci, out int newCount)
        {
            var (indentCount, indentString) = stack[0];
            string text = newline.Text;
            int last = text.LastIndexOf('\n');
            string newIndent = last >= 0 ? text[(last + 1)..] : text;
            string before = last >= 0 ? text[..last] : string.Empty;
            int newIndentCount = SimpleLength(newIndent, 0);
            if (newIndentCount == 0)
            {
                newCount = indentCount;
                seenCocci = false;
                return newline;
            }

            if (seenCocci && !Ender(next))
            {
                if (indentString is { } s)
                {
                    newCount = indentCount;
                    seenCocci = newIndentCount != indentCount;
                    return new Piece(PieceKind.AddedCode, before + "\n" + s);
                }

                if (newIndentCount >= indentCount)
                {
                    stack[0] = new Box(newIndentCount, newIndent);
                    newCount = newIndentCount;
                    seenCocci = false;
                    return newline;
                }

                string created = CreateIndent(indentCount, tabbingUnit);
                stack[0] = new Box(indentCount, created);
                newCount = indentCount;
                seenCocci = true;
                return new Piece(PieceKind.AddedCode, before + "\n" + created);
            }

            stack[0] = new Box(newIndentCount, newIndent);
            newCount = newIndentCount;
            seenCocci = false;
            return newline;
        }

        void StartBox(string s)
        {
            int inside = s.Length + count;
            stack.Insert(0, new Box(s == "(" ? inside : 0, null));
            count = inside;
        }

        void EndBox(string s)
        {
            if (stack.Count == 1)
            {
                count = seenAdded ? UpdatePreviousSpace(count, s) : count + s.Length;
                stack.Clear();
                spaceCell = null;
                seenAdded = false;
            }
            else if (stack.Count == 0)
            {
                count += s.Length;
                spaceCell = null;
                seenAdded = false;
            }
            else
            {
                count += s.Length;
                stack.RemoveAt(0);
            }
        }

        int i = 0;
        while (i < toks.Count)
        {
            var a = toks[i];
            bool isComma = a.Text == ",";
            if (a.Kind == PieceKind.Directive && a.Text.StartsWith("#define", StringComparison.Ordinal))
            {
                // No line breaks inside a #define.
                result.Add(a);
                i++;
                continue;
            }

            if (a.Kind == PieceKind.Added && a.Hint == PieceHint.StartBox)
            {
                StartBox(a.Text);
                seenAdded = true;
                seenEquals = false;
                result.Add(a);
                i++;
                continue;
            }

            if (a.Kind == PieceKind.Added && a.Hint == PieceHint.EndBox)
            {
                EndBox(a.Text);
                seenEquals = false;
                result.Add(a);
                i++;
                continue;
            }

            if (isComma && i + 1 < toks.Count && IsLineBreakPiece(toks[i + 1]))
            {
                var t2 = toks[i + 1];
                a.Hint = a.Hint == PieceHint.SpaceOrNewline ? PieceHint.None : a.Hint;
                if (stack.Count > 0)
                {
                    bool seen = seenAdded || IsAddedText(a) || IsAddedText(t2);
                    t2 = GetIndent(t2, i + 2, ref seen, out int newCount);
                    result.Add(a);
                    result.Add(t2);
                    count = newCount;
                    seenAdded = seen;
                    spaceCell = null;
                }
                else
                {
                    var (c, sawNewline) = StringLength(t2.Text, 0);
                    result.Add(a);
                    result.Add(t2);
                    count = c;
                    seenAdded = seenAdded && !sawNewline;
                    spaceCell = null;
                }

                seenEquals = false;
                i += 2;
                continue;
            }

            if (a.Kind == PieceKind.Added && a.Hint == PieceHint.SpaceOrNewline)
            {
                i++;
                if (i < toks.Count && toks[i].Text == " ")
                {
                    i++;
                }

                count = UpdatePreviousSpace(count, a.Text);
                int after = count + 1;
                if (stack.Count == 1)
                {
                    spaceCell = new SpaceCell(after, a);
                }

                result.Add(a);
                count = after;
                seenAdded = true;
                seenEquals = false;
                continue;
            }

            if (stack.Count > 0 && isComma && i + 1 < toks.Count && toks[i + 1].Text == " ")
            {
                bool seen = seenAdded || IsAddedText(a) || IsAddedText(toks[i + 1]);
                int spaceSize = SimpleLength(toks[i + 1].Text, 0);
                if (stack.Count == 1)
                {
                    int c = seen ? UpdatePreviousSpace(count, ",") : count + 1;
                    var comma = new Piece(PieceKind.AddedCode, ",") { Hint = PieceHint.SpaceOrNewline, HintSpace = " " };
                    spaceCell = new SpaceCell(c + 1, comma);
                    result.Add(comma);
                    count = c + spaceSize;
                }
                else
                {
                    result.Add(a);
                    result.Add(toks[i + 1]);
                    count += spaceSize + 1;
                }

                seenAdded = seen;
                seenEquals = false;
                i += 2;
                continue;
            }

            if (stack.Count > 0 && isComma)
            {
                bool seen = seenAdded || IsAddedText(a);
                if (stack.Count == 1)
                {
                    int c = seen ? UpdatePreviousSpace(count, ",") : count + 1;
                    var comma = new Piece(PieceKind.AddedCode, ",") { Hint = PieceHint.SpaceOrNewline, HintSpace = string.Empty };
                    spaceCell = new SpaceCell(c, comma);
                    result.Add(comma);
                    count = c;
                }
                else
                {
                    result.Add(a);
                    count++;
                }

                seenAdded = seen;
                seenEquals = false;
                i++;
                continue;
            }

            if (stack.Count > 0 && IsLineBreakPiece(a))
            {
                bool seen = seenAdded || IsAddedText(a);
                var t1 = GetIndent(a, i + 1, ref seen, out int newCount);
                result.Add(t1);
                count = newCount;
                seenAdded = seen;
                spaceCell = null;
                seenEquals = false;
                i++;
                continue;
            }

            switch (a.Text)
            {
                case "=":
                    count++;
                    seenEquals = true;
                    break;
                case "(":
                    StartBox("(");
                    seenEquals = false;
                    break;
                case ")":
                    EndBox(")");
                    seenEquals = false;
                    break;
                case "{" when seenEquals:
                    {
                        int k = i + 1;
                        bool nl = false;
                        int c = count;
                        while (k < toks.Count && IsWhitespace(toks[k]))
                        {
                            (c, bool sawNl) = StringLength(toks[k].Text, c);
                            nl |= sawNl;
                            k++;
                        }

                        StartBox(nl ? string.Empty : "{");
                        seenEquals = false;
                        break;
                    }

                case "{" when stack.Count > 0:
                    StartBox("{");
                    seenEquals = false;
                    break;
                case "}" when stack.Count > 0:
                    EndBox("}");
                    seenEquals = false;
                    break;
                default:
                    count = SimpleLength(a.Text, count);
                    seenEquals = seenEquals && IsWhitespace(a);
                    seenAdded = seenAdded || (IsAddedText(a) && stack.Count > 0);
                    break;
            }

            result.Add(a);
            i++;
        }

        return result;
    }
}
