namespace Sevenspot.Engine;

/// <summary>The passes that decide what goes with removed code: blanks, comments, line breaks.</summary>
internal static partial class Unparser
{
    /// <summary>
    /// When braces are added around a branch, the "{" goes up to the line of the ")" or "else"
    /// before it, and the line break that was there follows the brace.
    /// </summary>
    private static List<Piece> ParenThenBrace(List<Piece> input)
    {
        var xs = new List<Piece>(input);
        for (int i = 0; i < xs.Count; i++)
        {
            var x = xs[i];
            if (!(IsContextToken(x, ")") || IsContextToken(x, "else")))
            {
                continue;
            }

            int start = i + 1;
            int j = start;
            while (j < xs.Count && IsSafeCommentOrSpace(xs[j]))
            {
                j++;
            }

            if (j < xs.Count && IsComment(xs[j]))
            {
                continue; // a // comment: a brace moved up would end up inside it
            }

            // Blanks between removed tokens ("return x;" replaced) are no kept code either.
            int k = j;
            while (k < xs.Count && (IsNewlineOrComment(xs[k]) || IsRemoved(xs[k]) || (IsSpace(xs[k]) && k > j && IsRemoved(xs[k - 1]))))
            {
                k++;
            }

            if (!(k + 1 < xs.Count && xs[k].Kind == PieceKind.Added && xs[k].Text == "{" && xs[k + 1].Kind == PieceKind.Added && xs[k + 1].Text == "\n"))
            {
                continue;
            }

            var spaces = xs.GetRange(start, j - start);
            bool addSpace = spaces.Count == 0 || (spaces[^1].Kind == PieceKind.Comment && !spaces[^1].Minus) || !spaces.Exists(IsContext);
            var nls = xs.GetRange(j, k - j);
            if (nls.Count == 0)
            {
                nls.Add(xs[k + 1]);
            }

            var replacement = new List<Piece>(spaces);
            if (addSpace)
            {
                replacement.Add(Piece.AddedSpace());
            }

            replacement.Add(xs[k]);
            replacement.AddRange(nls);
            xs.RemoveRange(start, k + 2 - start);
            xs.InsertRange(start, replacement);
        }

        return xs;
    }

    /// <summary>
    /// A structure field removed whole, with nothing added beside it, keeps the blanks and comments
    /// after it on its line. When a line break follows them, the field also takes along everything
    /// between it and the line of the token before it: the line break and indentation before it, and
    /// the blank lines and comment lines above it, as spatch does ("int a;", a blank line, "int old;", "int b;"
    /// becomes "int a;", "int b;"; a blank line after the field stays). A field with more code after
    /// it on its line takes nothing ("{ int a; int old; int b; }" becomes "{ int a;  int b; }").
    /// Statements differ: their blank lines and comments above stay.
    /// </summary>
    private static void AroundRemovedFields(List<Piece> xs)
    {
        for (int i = 0; i < xs.Count; i++)
        {
            if (!xs[i].StartsRemovedField)
            {
                continue;
            }

            int end = i;
            while (end < xs.Count && !xs[end].EndsRemovedField)
            {
                end++;
            }

            if (end == xs.Count)
            {
                return;
            }

            int before = i - 1;
            while (before >= 0 && xs[before].Kind is PieceKind.Space or PieceKind.Newline or PieceKind.Comment)
            {
                before--;
            }

            int after = end + 1;
            while (after < xs.Count && xs[after].Kind is PieceKind.Space or PieceKind.Comment)
            {
                after++;
            }

            bool alone = before >= 0 && xs[before].Kind == PieceKind.Token && !xs[before].Minus
                && (after == xs.Count || xs[after].IsFile);
            for (int k = before + 1; k < after && alone; k++)
            {
                alone = xs[k].Kind is PieceKind.Token or PieceKind.Space or PieceKind.Newline or PieceKind.Comment;
            }

            if (alone)
            {
                xs[end].KeepsSpacesAfter = true;
                if (after == xs.Count || xs[after].Kind == PieceKind.Newline)
                {
                    // A comment after the token before, on its line, stays there.
                    int from = before + 1;
                    while (from < i && xs[from].Kind != PieceKind.Newline)
                    {
                        from++;
                    }

                    for (int k = from < i ? from : before + 1; k < i; k++)
                    {
                        SetMinus(xs[k], xs[i]);
                    }
                }
            }

            i = end;
        }
    }

    /// <summary>A removed "}" alone on its line takes the line with it.</summary>
    private static List<Piece> DropLine(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        int p = 0;
        while (p < xs.Count)
        {
            int q = p;
            while (q < xs.Count && IsWhitespace(xs[q]))
            {
                q++;
            }

            if (q < xs.Count && IsRemovedCloseBrace(xs[q]))
            {
                var (alone, after) = SpacesUntilNewline(xs, q + 1);
                if (alone || q == p)
                {
                    // The blanks before the brace go when it is alone on its line; those after it
                    // up to the line break go in any case.
                    if (!alone)
                    {
                        result.AddRange(xs.GetRange(p, q - p));
                    }

                    result.Add(xs[q]);
                    result.AddRange(after.Kept);
                    p = after.Next;
                    continue;
                }
            }

            result.Add(xs[p]);
            p++;
        }

        return result;
    }

    private static bool IsRemovedCloseBrace(Piece p) => p.Kind == PieceKind.Token && p.Minus && p.Text == "}";

    private static (bool Alone, (List<Piece> Kept, int Next) After) SpacesUntilNewline(List<Piece> xs, int start)
    {
        var kept = new List<Piece>();
        int i = start;
        while (i < xs.Count)
        {
            var x = xs[i];
            if (IsRemoved(x))
            {
                kept.Add(x);
            }
            else if (IsSpace(x) || x.Kind == PieceKind.Fake)
            {
                // dropped
            }
            else
            {
                return (IsNewline(x), (kept, i));
            }

            i++;
        }

        return (false, (kept, i));
    }

    /// <summary>
    /// Around removed code: what lies between removed tokens goes too (all of it between tokens of
    /// one removal, blanks only otherwise, and nothing when added code is in the way); spaces after
    /// a removal go; a line left empty loses its line break.
    /// </summary>
    private static List<Piece> AdjustAroundMinus(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        int i = 0;
        while (i < xs.Count)
        {
            var x = xs[i];
            if (IsNewline(x) && i + 1 < xs.Count && IsRemoved(xs[i + 1]))
            {
                int end = SpanNotContext(xs, i + 1);
                int listEnd = DropTrailingPlus(xs, i + 1, end);
                bool containsPlus = ContainsPlusBeforeEnd(xs, i + 1, listEnd);
                if (IsNewline(xs[listEnd - 1]) && AllMinusOrMinusable(xs, i + 1, listEnd))
                {
                    SetMinus(x, xs[i + 1]);
                }

                result.Add(x);
                AdjustWithinMinus(xs, i + 1, listEnd, containsPlus, result);
                i = listEnd;
            }
            else if (x.Kind == PieceKind.Fake && x.Minus && i + 2 < xs.Count && IsNewline(xs[i + 1]) && IsRemoved(xs[i + 2]))
            {
                int end = SpanNotContext(xs, i + 2);
                bool containsPlus = ContainsPlusBeforeEnd(xs, i + 2, end);
                var newline = xs[i + 1];
                if (IsNewline(xs[end - 1]) && AllMinusOrMinusable(xs, i + 2, end))
                {
                    SetMinus(newline, xs[i + 2]);
                }

                result.Add(x);
                result.Add(newline);
                AdjustWithinMinus(xs, i + 2, end, containsPlus, result);
                i = end;
            }
            else if (IsMinusOrFake(x))
            {
                int end = SpanNotContext(xs, i);
                bool containsPlus = ContainsPlusBeforeEnd(xs, i, end);
                AdjustWithinMinus(xs, i, end, containsPlus, result);
                i = end;
            }
            else
            {
                result.Add(x);
                i++;
            }
        }

        return result;
    }

    private static bool AllMinusOrMinusable(List<Piece> xs, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            var p = xs[i];
            if (!(IsRemoved(p) || IsMinusable(p) || p.Kind == PieceKind.Fake))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The end of the stretch from <paramref name="start"/> that holds no kept token; conditional
    /// directives belong to it only when the whole #if ... #endif does.
    /// </summary>
    private static int SpanNotContext(List<Piece> xs, int start)
    {
        var open = new Stack<int>();
        int i = start;
        for (; i < xs.Count; i++)
        {
            var x = xs[i];
            if (!IsNotContext(x))
            {
                break;
            }

            if (x.Kind == PieceKind.Directive)
            {
                if (x.Conditional == ConditionalRole.If)
                {
                    open.Push(i);
                }
                else if (x.Conditional == ConditionalRole.Else && open.Count == 0)
                {
                    break;
                }
                else if (x.Conditional == ConditionalRole.Endif)
                {
                    if (open.Count == 0)
                    {
                        break;
                    }

                    open.Pop();
                }
            }
        }

        while (open.Count > 0)
        {
            i = open.Pop(); // the outermost #if without its #endif ends the stretch
        }

        return i;
    }

    /// <summary>Added code at the end of a removed stretch, after a line break, is not part of it.</summary>
    private static int DropTrailingPlus(List<Piece> xs, int start, int end)
    {
        int k = end - 1;
        while (k >= start && IsPlus(xs[k]))
        {
            k--;
        }

        if (k < end - 1 && k >= start && IsNewline(xs[k]))
        {
            return k + 1;
        }

        return end;
    }

    /// <summary>Whether added code is followed by something else before the first kept line break.</summary>
    private static bool ContainsPlusBeforeEnd(List<Piece> xs, int start, int end)
    {
        bool seenPlus = false;
        for (int i = start; i < end; i++)
        {
            var p = xs[i];
            if (IsContextNewline(p))
            {
                break;
            }

            if (IsPlus(p))
            {
                seenPlus = true;
            }
            else if (seenPlus)
            {
                return true;
            }
        }

        return false;
    }

    private static void AdjustWithinMinus(List<Piece> xs, int start, int end, bool containsPlus, List<Piece> result)
    {
        int i = start;
        while (true)
        {
            var t1 = xs[i];
            int j = i + 1;
            while (j < end && !IsRemoved(xs[j]))
            {
                j++;
            }

            result.Add(t1);
            if (j < end)
            {
                var t2 = xs[j];
                bool newContainsPlus = containsPlus;
                bool contextNewline = false;
                bool allWhitespace = true;
                for (int k = i + 1; k < j; k++)
                {
                    contextNewline |= IsContextNewline(xs[k]);
                    allWhitespace &= IsWhitespaceOrFake(xs[k]);
                }

                if (contextNewline)
                {
                    newContainsPlus = false;
                    for (int k = j; k < end && !IsContextNewline(xs[k]); k++)
                    {
                        if (IsPlus(xs[k]))
                        {
                            newContainsPlus = true;
                            break;
                        }
                    }
                }

                bool drop = CommonAdjacency(t1, t2) || ((!containsPlus || !newContainsPlus) && allWhitespace);
                int keptBreak = drop ? BreakBetweenAddedStatements(xs, i + 1, j, end) : -1;
                for (int k = i + 1; k < j; k++)
                {
                    if (drop && k != keptBreak)
                    {
                        SetMinus(xs[k], t1);
                    }

                    result.Add(xs[k]);
                }

                containsPlus |= newContainsPlus;
                i = j;
                continue;
            }

            int k2 = i + 1;
            if (!containsPlus && !t1.KeepsSpacesAfter)
            {
                // Spaces after removed code go (the space after a removed argument's comma).
                while (k2 < end && IsSpace(xs[k2]))
                {
                    SetMinus(xs[k2], t1);
                    result.Add(xs[k2]);
                    k2++;
                }
            }

            for (; k2 < end; k2++)
            {
                result.Add(xs[k2]);
            }

            return;
        }
    }

    /// <summary>
    /// Between two removed statements of one match, the line break after added code that ends a
    /// statement stays when more added code follows the second: "- a(E); + na(E); - b(E); + nb(E);"
    /// prints "na(x);" and "nb(x);" on lines of their own, as spatch does. The index of that line
    /// break, or -1.
    /// </summary>
    private static int BreakBetweenAddedStatements(List<Piece> xs, int start, int next, int end)
    {
        int lastPlus = -1;
        int lineBreak = -1;
        for (int k = start; k < next; k++)
        {
            var p = xs[k];
            if (IsPlus(p))
            {
                if (lineBreak >= 0)
                {
                    return -1;
                }

                if (!IsAddedSpace(p))
                {
                    lastPlus = k;
                }
            }
            else if (IsContextNewline(p))
            {
                if (lastPlus < 0 || lineBreak >= 0 || xs[lastPlus].Text is not (";" or "}"))
                {
                    return -1;
                }

                lineBreak = k;
            }
            else if (!IsWhitespaceOrFake(p) && p.Kind is not (PieceKind.Indent or PieceKind.Unindent))
            {
                return -1;
            }
        }

        if (lineBreak < 0)
        {
            return -1;
        }

        for (int k = next; k < end; k++)
        {
            if (IsContextNewline(xs[k]))
            {
                break;
            }

            if (IsPlus(xs[k]))
            {
                return lineBreak;
            }
        }

        return -1;
    }

    /// <summary>Blank lines that a removal leaves right after a kept "{" go.</summary>
    private static List<Piece> AdjustAfterBrace(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        int i = 0;
        while (i < xs.Count)
        {
            var x = xs[i];
            result.Add(x);
            i++;
            if (!(IsContextToken(x, "{") && i < xs.Count && IsRemoved(xs[i])))
            {
                continue;
            }

            var like = xs[i];
            while (i < xs.Count && (IsRemoved(xs[i]) || (!IsNewline(xs[i]) && IsMinusable(xs[i]))))
            {
                result.Add(xs[i]);
                i++;
            }

            int blanks = i;
            while (blanks < xs.Count && IsNonCommentWhitespace(xs[blanks]))
            {
                blanks++;
            }

            int lastNewline = -1;
            for (int k = blanks - 1; k >= i; k--)
            {
                if (IsNewline(xs[k]))
                {
                    lastNewline = k;
                    break;
                }
            }

            for (int k = i; k < blanks; k++)
            {
                if (k < lastNewline)
                {
                    SetMinus(xs[k], like);
                }

                result.Add(xs[k]);
            }

            i = blanks;
        }

        return result;
    }

    /// <summary>
    /// Before a kept "}" (or a kept line break or comment), the lines that held only removed code,
    /// blanks and comments lose their line breaks; so does removed code at the end of the stream.
    /// </summary>
    private static List<Piece> AdjustBeforeBrace(List<Piece> xs)
    {
        var r = new List<Piece>(xs);
        r.Reverse();
        int p = 0;
        if (r.Count > 0 && IsRemoved(r[0]))
        {
            int next = SpanMinusOrCommentBackward(r, 1, r[0]);
            p = next;
        }

        while (p < r.Count)
        {
            var x = r[p];
            if (IsContext(x) && (x.Text == "}" && x.Kind == PieceKind.Token || IsNewlineOrComment(x)))
            {
                int q = p + 1;
                while (q < r.Count && IsSpace(r[q]))
                {
                    q++;
                }

                if (q + 1 < r.Count && IsContextNewline(r[q]) && IsRemoved(r[q + 1]))
                {
                    p = SpanMinusOrCommentBackward(r, q + 2, r[q + 1]);
                    continue;
                }

                p = q;
                continue;
            }

            p++;
        }

        r.Reverse();
        return r;
    }

    /// <summary>
    /// In the reversed stream from <paramref name="start"/>: whole lines of removed code, blanks and
    /// comments; their pieces become removed. Returns where the stretch ends.
    /// </summary>
    private static int SpanMinusOrCommentBackward(List<Piece> r, int start, Piece like)
    {
        int p = start;
        while (true)
        {
            int a = p;
            bool ok = true;
            while (a < r.Count && !IsNewline(r[a]))
            {
                ok &= IsRemoved(r[a]) || IsMinusableNoDirective(r[a]);
                a++;
            }

            if (!ok || a >= r.Count)
            {
                return p;
            }

            for (int k = p; k <= a; k++)
            {
                SetMinus(r[k], like);
            }

            p = a + 1;
        }
    }

    /// <summary>A conditional directive is removed only with the rest of its #if ... #else ... #endif.</summary>
    private static void CleanupConditionals(List<Piece> xs)
    {
        for (int i = 0; i < xs.Count; i++)
        {
            if (!(xs[i].Kind == PieceKind.Directive && xs[i].Conditional == ConditionalRole.If))
            {
                continue;
            }

            var keywords = new List<Piece> { xs[i] };
            int depth = 0;
            bool closed = false;
            for (int k = i + 1; k < xs.Count && !closed; k++)
            {
                var d = xs[k];
                if (d.Kind != PieceKind.Directive)
                {
                    continue;
                }

                switch (d.Conditional)
                {
                    case ConditionalRole.If:
                        depth++;
                        break;
                    case ConditionalRole.Else when depth == 0:
                        keywords.Add(d);
                        break;
                    case ConditionalRole.Endif when depth == 0:
                        keywords.Add(d);
                        closed = true;
                        break;
                    case ConditionalRole.Endif:
                        depth--;
                        break;
                }
            }

            if (closed && keywords.TrueForAll(k => k.Minus))
            {
                continue;
            }

            foreach (var k in keywords)
            {
                k.Minus = false;
            }
        }
    }

    /// <summary>
    /// A removed "{" that ends a line after kept code and a blank ("if (x) {", "else {") leaves a
    /// line holding only the indentation of the line after it, as spatch prints it: "if (x)", then
    /// that indentation alone, then the statement. A "{" alone on its line, one written right after
    /// the code ("if (x){"), one followed by blanks or a comment, or one whose whole body goes leaves
    /// nothing. Found on the stream before any pass, with the indentation the next line had.
    /// </summary>
    private static Dictionary<Piece, string>? RemovedBracesEndingALine(List<Piece> xs)
    {
        Dictionary<Piece, string>? found = null;
        for (int i = 2; i + 1 < xs.Count; i++)
        {
            var x = xs[i];
            if (!(x.Kind == PieceKind.Token && x.Minus && x.Text == "{" && IsSpace(xs[i - 1]) && xs[i - 2].IsContextToken && IsNewline(xs[i + 1])))
            {
                continue;
            }

            // Only when kept code follows: a body removed up to code added in its place leaves no line.
            int next = i + 1;
            while (next < xs.Count && (IsWhitespaceOrFake(xs[next]) || IsRemoved(xs[next])))
            {
                next++;
            }

            if (!(next < xs.Count && xs[next].IsContextToken))
            {
                continue;
            }

            // The indentation of the next line that holds something: blank lines in between are skipped.
            int k = i + 1;
            while (k + 1 < xs.Count && IsNewline(xs[k + 1]))
            {
                k++;
            }

            string text = xs[k].Text;
            found ??= [];
            found[x] = text[text.IndexOf('\n', StringComparison.Ordinal)..];
        }

        return found;
    }

    private static void KeepLineAfterRemovedBraces(List<Piece> xs, Dictionary<Piece, string>? braces)
    {
        if (braces is null)
        {
            return;
        }

        for (int i = xs.Count - 1; i >= 0; i--)
        {
            if (braces.TryGetValue(xs[i], out var line))
            {
                xs.Insert(i + 1, new Piece(PieceKind.Newline, line));
            }
        }
    }
}
