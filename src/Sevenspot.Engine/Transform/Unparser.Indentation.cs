namespace Sevenspot.Engine;

/// <summary>
/// Indentation of added lines, and of kept lines whose nesting changed (the body of a removed
/// "if"). The stream is read twice over, as old code (kept and removed pieces) and as new code
/// (kept and added pieces); braces and unbraced branches give each line break a nesting depth in
/// each reading. The indentation seen at each depth on kept lines, before and after, is what added
/// lines at that depth get; a kept line whose depth changed shifts by the file's indentation unit.
/// </summary>
internal static partial class Unparser
{
    private enum View : byte
    {
        Plus,
        Minus,
        Both,
        Neither,
    }

    private enum LineInfoKind : byte
    {
        ContextNewline,
        MinusNewline,
        PlusNewline,
        Other,
        Drop,
        Unindent,
        Unindent1,
        Label,
    }

    private readonly record struct LineInfo(LineInfoKind Kind, string Spaces, int DepthMinus, int DepthPlus, int InParens)
    {
        public static readonly LineInfo OtherInfo = new(LineInfoKind.Other, string.Empty, 0, 0, 0);
    }

    /// <summary>A pair of counters, one for the old code and one for the new.</summary>
    private record struct Pair(int Minus, int Plus)
    {
        public readonly int Get(View view) => view == View.Plus ? Plus : Minus;
    }

    /// <summary>Stacks of extra levels for unbraced branches, in the old and the new code.</summary>
    private sealed class Accumulator
    {
        public List<int> Minus { get; init; } = [];

        public List<int> Plus { get; init; } = [];

        public Accumulator Copy() => new() { Minus = [.. Minus], Plus = [.. Plus] };
    }

    private readonly record struct MapEntry(int Depth, int InParens, int Index, string Indent);

    private static View ViewOf(Piece p) => p.Kind switch
    {
        PieceKind.Token or PieceKind.Space or PieceKind.Newline or PieceKind.Comment or PieceKind.Directive or PieceKind.Opaque => p.Minus ? View.Minus : View.Both,
        PieceKind.Added or PieceKind.AddedCode or PieceKind.Indent or PieceKind.Unindent or PieceKind.UnindentToColumn0 => View.Plus,
        _ => View.Neither,
    };

    private static Pair Add1(View view, Pair p) => view switch
    {
        View.Plus => p with { Plus = p.Plus + 1 },
        View.Minus => p with { Minus = p.Minus + 1 },
        View.Both => new Pair(p.Minus + 1, p.Plus + 1),
        _ => p,
    };

    private static Pair Sub1(View view, Pair p) => view switch
    {
        View.Plus => p with { Plus = Math.Max(0, p.Plus - 1) },
        View.Minus => p with { Minus = Math.Max(0, p.Minus - 1) },
        View.Both => new Pair(Math.Max(0, p.Minus - 1), Math.Max(0, p.Plus - 1)),
        _ => p,
    };

    private static Pair AddPair(View view, Pair a, Pair b) => view switch
    {
        View.Plus => a with { Plus = a.Plus + b.Plus },
        View.Minus => a with { Minus = a.Minus + b.Minus },
        View.Both => new Pair(a.Minus + b.Minus, a.Plus + b.Plus),
        _ => a,
    };

    /// <summary>Applies <paramref name="fn"/> to the old and/or new side of the accumulator, as the view says.</summary>
    private static void OnSides(View view, Accumulator acc, Action<List<int>> fn)
    {
        if (view is View.Minus or View.Both)
        {
            fn(acc.Minus);
        }

        if (view is View.Plus or View.Both)
        {
            fn(acc.Plus);
        }
    }

    /// <summary>For a view of Both, decides each side separately from what comes next.</summary>
    private static void BySides(View view, List<Piece> xs, int next, Func<View, List<Piece>, int, bool> test, Action<View> whenTrue, Action<View> whenFalse)
    {
        switch (view)
        {
            case View.Minus or View.Plus:
                (test(view, xs, next) ? whenTrue : whenFalse)(view);
                break;
            case View.Both:
                (test(View.Minus, xs, next) ? whenTrue : whenFalse)(View.Minus);
                (test(View.Plus, xs, next) ? whenTrue : whenFalse)(View.Plus);
                break;
        }
    }

    /// <summary>The first piece from <paramref name="next"/> that the view sees, skipping blanks.</summary>
    private static Piece? FirstSeen(View view, List<Piece> xs, int next, Func<Piece, bool> blank)
    {
        for (int i = next; i < xs.Count; i++)
        {
            var x = xs[i];
            if (blank(x))
            {
                continue;
            }

            if (IsFilePiece(x) && !x.Minus)
            {
                return x;
            }

            if (IsFilePiece(x) && x.Minus && view is View.Minus or View.Both)
            {
                return x;
            }

            if (x.Kind is PieceKind.Added or PieceKind.AddedCode or PieceKind.Indent or PieceKind.Unindent or PieceKind.UnindentToColumn0 && view is View.Plus or View.Both)
            {
                return x;
            }
        }

        return null;
    }

    private static int FirstSeenIndex(View view, List<Piece> xs, int next, Func<Piece, bool> blank)
    {
        var p = FirstSeen(view, xs, next, blank);
        return p is null ? -1 : xs.IndexOf(p, next);
    }

    private static bool BlankOrAdded(Piece p) => IsWhitespace(p) || IsAddedWhitespace(p);

    private static bool OpenBraceNext(View view, List<Piece> xs, int next) => FirstSeen(view, xs, next, BlankOrAdded) is { } t && t.Text is "{" or ";";

    private static bool ElseNext(View view, List<Piece> xs, int next) => FirstSeen(view, xs, next, BlankOrAdded) is { } t && t.Text == "else";

    private static bool CloseBraceNext(View view, List<Piece> xs, int next) => FirstSeen(view, xs, next, BlankOrAdded) is { } t && t.Text == "}";

    private static bool NewlineNext(View view, List<Piece> xs, int next) =>
        FirstSeen(view, xs, next, p => IsSpace(p) || IsAddedSpace(p)) is { } t
        && (t.Kind == PieceKind.Newline || (t.IsAdded && t.Text == "\n") || t.Kind is PieceKind.Indent or PieceKind.Unindent or PieceKind.UnindentToColumn0);

    private static bool LabelNext(View view, List<Piece> xs, int next)
    {
        int first = FirstSeenIndex(view, xs, next, BlankOrAdded);
        if (first < 0)
        {
            return false;
        }

        if (xs[first].Text.StartsWith('#'))
        {
            return true;
        }

        return FirstSeen(view, xs, first + 1, BlankOrAdded) is { } second && second.Text == ":";
    }

    /// <summary>Pops the levels of unbraced branches that a statement end closes; an "else" next closes only one.</summary>
    private static void DropZeroes(View view, Accumulator acc, List<Piece> xs, int next) =>
        BySides(view, xs, next, (v, l, n) => !ElseNext(v, l, n),
            v => OnSides(v, acc, stack =>
            {
                int k = 0;
                while (k < stack.Count && stack[k] == 0)
                {
                    k++;
                }

                stack.RemoveRange(0, k);
            }),
            v => OnSides(v, acc, stack =>
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(0);
                }
            }));

    private static void PushLevel(View view, Accumulator acc) => OnSides(view, acc, stack => stack.Insert(0, 0));

    private static void IncrementTop(View view, Accumulator acc) => OnSides(view, acc, stack =>
    {
        if (stack.Count > 0)
        {
            stack[0]++;
        }
    });

    private static void DecrementTop(View view, Accumulator acc) => OnSides(view, acc, stack =>
    {
        if (stack.Count > 0)
        {
            stack[0] = Math.Max(0, stack[0] - 1);
        }
    });

    /// <summary>Gives each piece its part in the layout: line breaks get their depths in the old and the new code.</summary>
    private static List<(int N, LineInfo Info, Piece Piece)> ParseIndentation(List<Piece> xs, int outerDepth)
    {
        if (xs.Count > 0 && xs[0].Kind == PieceKind.UnindentToColumn0)
        {
            xs = xs.GetRange(1, xs.Count - 1);
        }

        var result = new List<(int, LineInfo, Piece)>(xs.Count);
        int n = 1;
        var depth = new Pair(-outerDepth, -outerDepth);
        var inParens = new Pair(0, 0);
        var inAssignment = new Pair(0, 0);
        var inBrace = new Pair(-outerDepth, -outerDepth);
        var acc = new Accumulator();
        int i = 0;
        while (i < xs.Count)
        {
            int runEnd = i;
            while (runEnd < xs.Count && IsWhitespace(xs[runEnd]))
            {
                runEnd++;
            }

            int at = runEnd > i ? runEnd - 1 : i;
            int next = at + 1;
            for (int k = i; k < at; k++)
            {
                result.Add((n + (k - i), new LineInfo(LineInfoKind.Label, string.Empty, 0, 0, 0), xs[k]));
            }

            var x = xs[at];
            var view = ViewOf(x);
            LineInfo info = LineInfo.OtherInfo;
            string text = x.Text;
            // The end of a line of a macro body ("\\" and a line break) gives no indentation to
            // follow: added lines in a body are indented by their depth alone, as spatch does.
            bool continuation = x.Kind == PieceKind.Newline && text.StartsWith('\\');
            bool isNewline = (x.Kind == PieceKind.Newline && !continuation) || (x.Kind == PieceKind.Added && text == "\n");
            if (x.Kind is PieceKind.Indent)
            {
                info = info with { Kind = LineInfoKind.Drop };
            }
            else if (x.Kind is PieceKind.Unindent)
            {
                info = info with { Kind = LineInfoKind.Drop };
            }
            else if (x.Kind is PieceKind.UnindentToColumn0)
            {
                info = info with { Kind = LineInfoKind.Unindent };
            }
            else if (isNewline)
            {
                if (LabelNext(View.Both, xs, next))
                {
                    info = info with { Kind = LineInfoKind.Label };
                }
                else
                {
                    int inp = inParens.Get(view), ina = inAssignment.Get(view);
                    var numAcc = new Pair(acc.Minus.Count, acc.Plus.Count);
                    var adjusted = depth;
                    BySides(view, xs, next, CloseBraceNext,
                        v => adjusted = AddPair(v, Sub1(v, adjusted), numAcc),
                        v => adjusted = AddPair(v, adjusted, numAcc));
                    string after = x.Kind == PieceKind.Newline ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : string.Empty;
                    info = view switch
                    {
                        View.Both => new LineInfo(LineInfoKind.ContextNewline, after, adjusted.Minus, adjusted.Plus, inp + ina),
                        View.Minus => new LineInfo(LineInfoKind.MinusNewline, after, adjusted.Minus, adjusted.Plus, inp + ina),
                        _ => new LineInfo(LineInfoKind.PlusNewline, string.Empty, 0, adjusted.Plus, inp + ina),
                    };
                }
            }
            else if (view != View.Neither && !continuation && !(x.Kind is PieceKind.Space or PieceKind.Comment or PieceKind.Directive or PieceKind.Opaque))
            {
                switch (text)
                {
                    case ")" when inParens.Get(view) <= 1 && inAssignment.Get(view) == 0 && inBrace.Get(view) > 0:
                        BySides(view, xs, next, (v, l, k) => !OpenBraceNext(v, l, k), v => PushLevel(v, acc), _ => { });
                        inParens = new Pair(0, 0);
                        inAssignment = new Pair(0, 0);
                        break;
                    case "else":
                        BySides(view, xs, next, (v, l, k) => !OpenBraceNext(v, l, k) && NewlineNext(v, l, k), v => PushLevel(v, acc), _ => { });
                        inParens = new Pair(0, 0);
                        inAssignment = new Pair(0, 0);
                        break;
                    case "{":
                        depth = Add1(view, depth);
                        IncrementTop(view, acc);
                        inAssignment = new Pair(0, 0);
                        inBrace = Add1(view, inBrace);
                        break;
                    case "}":
                        depth = Sub1(view, depth);
                        DecrementTop(view, acc);
                        inAssignment = new Pair(0, 0);
                        inBrace = Sub1(view, inBrace);
                        DropZeroes(view, acc, xs, next);
                        break;
                    case ";" or "{}" or "," when inParens.Get(view) == 0 && inAssignment.Get(view) <= 1:
                        inAssignment = new Pair(0, 0);
                        DropZeroes(view, acc, xs, next);
                        break;
                    case ";":
                        inAssignment = Sub1(view, inAssignment);
                        break;
                    case "=" when inParens.Get(view) + inAssignment.Get(view) == 0:
                        inAssignment = Add1(view, new Pair(0, 0));
                        break;
                    case "(":
                        inParens = Add1(view, inParens);
                        break;
                    case ")":
                        inParens = Sub1(view, inParens);
                        break;
                    case "case":
                        info = info with { Kind = LineInfoKind.Unindent1 };
                        break;
                }
            }

            result.Add((n + (at - i), info, x));
            n++;
            i = at + 1;
        }

        // A "case" line is one level out from the line break before it.
        for (int k = 0; k < result.Count; k++)
        {
            var (num, info, piece) = result[k];
            if (info.Kind != LineInfoKind.Unindent1)
            {
                continue;
            }

            result[k] = (num, LineInfo.OtherInfo, piece);
            if (k > 0)
            {
                var (pn, pi, pp) = result[k - 1];
                if (pi.Kind == LineInfoKind.PlusNewline)
                {
                    result[k - 1] = (pn, pi with { DepthPlus = pi.DepthPlus - 1 }, pp);
                }
                else if (pi.Kind is LineInfoKind.ContextNewline or LineInfoKind.MinusNewline)
                {
                    result[k - 1] = (pn, pi with { DepthMinus = pi.DepthMinus - 1, DepthPlus = pi.DepthPlus - 1 }, pp);
                }
            }
        }

        return result;
    }

    /// <summary>Gives line breaks of added code their indentation, and shifts kept lines whose depth changed.</summary>
    private static (List<Piece> Pieces, string? TabbingUnit) AdjustIndentation(List<Piece> input, int outerDepth)
    {
        var xs = NewlinesForUnindents(input);
        var toks = ParseIndentation(xs, outerDepth);

        // Forward: the indentation seen so far at each depth, and the unit between depths.
        int count = toks.Count;
        var pastMaps = new List<MapEntry>[count];
        var tabbingUnits = new string?[count];
        var lineDepths = new (int Minus, int Plus)[count];
        string? tabbingUnit = null;
        var past = new List<MapEntry> { new(0, 0, 0, string.Empty) };
        int dmin = 0, dplus = 0;
        for (int k = 0; k < count; k++)
        {
            var (n, info, _) = toks[k];
            lineDepths[k] = (dmin, dplus);
            switch (info.Kind)
            {
                case LineInfoKind.ContextNewline or LineInfoKind.MinusNewline:
                    (tabbingUnit, past) = UpdateMap(n, info.Spaces, tabbingUnit, past, info.DepthMinus, dmin, info.InParens, retab: true);
                    dmin = info.DepthMinus;
                    dplus = info.DepthPlus;
                    break;
                case LineInfoKind.PlusNewline when !(k + 1 < count && toks[k + 1].Info.Kind == LineInfoKind.Unindent):
                    dplus = info.DepthPlus;
                    break;
            }

            pastMaps[k] = past;
            tabbingUnits[k] = tabbingUnit;
        }

        // Backward: the indentation seen at each depth after each point.
        var after = new List<MapEntry>[count];
        var map = past;
        for (int k = count - 1; k >= 0; k--)
        {
            var (n, info, _) = toks[k];
            if (info.Kind is LineInfoKind.ContextNewline or LineInfoKind.MinusNewline)
            {
                var before = k > 0 ? tabbingUnits[k - 1] : null;
                (_, map) = UpdateMap(n, info.Spaces, before, map, info.DepthMinus, lineDepths[k].Minus, info.InParens, retab: false);
            }

            after[k] = map;
        }

        var result = new List<Piece>(count);
        for (int k = 0; k < count; k++)
        {
            var (n, info, piece) = toks[k];
            switch (info.Kind)
            {
                case LineInfoKind.PlusNewline when k + 2 < count && toks[k + 1].Info.Kind == LineInfoKind.Unindent:
                    // A directive: the line break stays without indentation.
                    result.Add(piece);
                    result.Add(toks[k + 2].Piece);
                    k += 2;
                    break;
                case LineInfoKind.Unindent:
                    break;
                case LineInfoKind.ContextNewline:
                    if (info.DepthMinus != info.DepthPlus)
                    {
                        var (pm, pp) = lineDepths[k];
                        bool sameDelta = info.DepthMinus - info.DepthPlus == pm - pp;
                        var newline = new Piece(PieceKind.AddedCode, "\n");
                        result.Add(ContextSearch(n, info.DepthPlus, sameDelta, info.InParens, pastMaps[k], after[k], tabbingUnits[k], newline));
                    }
                    else
                    {
                        result.Add(piece);
                    }

                    break;
                case LineInfoKind.PlusNewline:
                    // The maps after a plus line break are those from the rest of the stream.
                    var afterMap = k + 1 < count ? after[k + 1] : pastMaps[count - 1];
                    result.Add(PlusSearch(n, info.DepthPlus, info.InParens, pastMaps[k], afterMap, tabbingUnits[k], piece));
                    break;
                case LineInfoKind.Drop:
                    break;
                default:
                    result.Add(piece);
                    break;
            }
        }

        return (result, tabbingUnit);
    }

    private static (string? TabbingUnit, List<MapEntry> Map) UpdateMap(int n, string spaces, string? tabbingUnit, List<MapEntry> map, int depthMinus, int previousDepthMinus, int inParens, bool retab)
    {
        var kept = new List<MapEntry>(map.Count + 1);
        foreach (var e in map)
        {
            if (e.InParens <= inParens)
            {
                kept.Add(e);
            }
        }

        string? newUnit = null;
        if (retab)
        {
            newUnit = null;
            int old = kept.FindIndex(e => e.Depth == previousDepthMinus && e.InParens == inParens);
            if (old >= 0)
            {
                string oldSpaces = kept[old].Indent;
                if (depthMinus < previousDepthMinus)
                {
                    newUnit = TabbingUnitBetween(spaces, oldSpaces);
                }
                else if (depthMinus == previousDepthMinus + 1)
                {
                    newUnit = TabbingUnitBetween(oldSpaces, spaces);
                }
                else
                {
                    newUnit = tabbingUnit;
                }
            }
        }

        kept.RemoveAll(e => e.Depth == depthMinus && e.InParens == inParens);
        kept.Insert(0, new MapEntry(depthMinus, inParens, n, spaces));
        return (newUnit, kept);
    }

    /// <summary>What the longer indentation adds to the shorter one, when it starts with it.</summary>
    private static string? TabbingUnitBetween(string shorter, string longer) =>
        longer.StartsWith(shorter, StringComparison.Ordinal) ? longer[shorter.Length..] : null;

    private static string Repeat(string before, int n, string? unit)
    {
        if (n < 0)
        {
            n = 0;
        }

        var sb = new System.Text.StringBuilder(before);
        for (int i = 0; i < n; i++)
        {
            sb.Append(unit ?? "\t");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Takes one indentation unit off the end of an indentation (a tab and eight spaces are
    /// interchangeable); when the two do not line up, what is left so far.
    /// </summary>
    private static string Unrepeat(string current, string? unit)
    {
        var cur = new List<char>(current);
        cur.Reverse();
        var tu = new List<char>(unit ?? "\t");
        int ci = 0, ti = 0;
        while (true)
        {
            if (ti >= tu.Count)
            {
                return Reversed(cur, ci);
            }

            if (ci >= cur.Count)
            {
                return string.Empty;
            }

            char x = cur[ci], y = tu[ti];
            if (x == y)
            {
                ci++;
                ti++;
            }
            else if (x == ' ' && y == '\t')
            {
                tu.RemoveAt(ti);
                tu.InsertRange(ti, new string(' ', 8));
            }
            else if (x == '\t' && y == ' ')
            {
                cur.RemoveAt(ci);
                cur.InsertRange(ci, new string(' ', 8));
            }
            else
            {
                return Reversed(cur, ci);
            }
        }

        static string Reversed(List<char> reversed, int from)
        {
            var chars = reversed.GetRange(from, reversed.Count - from);
            chars.Reverse();
            return new string(chars.ToArray());
        }
    }

    /// <summary>Adds <paramref name="n"/> units in front of an indentation.</summary>
    private static string RepeatBefore(string after, int n, string? unit)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Append(unit ?? "\t");
        }

        return sb.Append(after).ToString();
    }

    private static Piece WithIndent(Piece newline, string indent) => new(newline.Kind, "\n" + indent);

    private static Piece PlusSearch(int n, int depth, int inParens, List<MapEntry> past, List<MapEntry> after, string? unit, Piece newline)
    {
        var before = past.FindIndex(e => e.Depth == depth && e.InParens == inParens);
        var later = after.FindIndex(e => e.Depth == depth && e.InParens == inParens);
        if (before >= 0 && later >= 0)
        {
            var b = past[before];
            var a = after[later];
            return WithIndent(newline, Math.Abs(n - b.Index) < Math.Abs(a.Index - n) ? b.Indent : a.Indent);
        }

        if (before >= 0)
        {
            return WithIndent(newline, past[before].Indent);
        }

        if (later >= 0)
        {
            return WithIndent(newline, after[later].Indent);
        }

        // No line at this depth yet: build from the closest shallower one.
        int d = depth + inParens;
        var (bDepth, bIndex, bIndent) = FindRecent(past, depth);
        var (aDepth, aIndex, aIndent) = FindRecent(after, depth);
        if (bDepth < 0 && aDepth < 0)
        {
            return WithIndent(newline, Repeat(string.Empty, d, unit));
        }

        if (aDepth < 0)
        {
            return WithIndent(newline, Repeat(bIndent, d - bDepth, unit));
        }

        if (bDepth < 0)
        {
            return WithIndent(newline, Repeat(aIndent, d - aDepth, unit));
        }

        int d1 = d - bDepth, d2 = d - aDepth;
        if (d1 < d2)
        {
            return WithIndent(newline, Repeat(bIndent, d1, unit));
        }

        if (d2 < d1)
        {
            return WithIndent(newline, Repeat(aIndent, d2, unit));
        }

        string indent = Math.Abs(n - bIndex) < Math.Abs(aIndex - n) ? bIndent : aIndent;
        return WithIndent(newline, Repeat(indent, d2, unit));
    }

    private static (int Depth, int Index, string Indent) FindRecent(List<MapEntry> map, int depth)
    {
        (int Depth, int Index, string Indent) best = (-1, -1, string.Empty);
        foreach (var e in map)
        {
            if (e.Depth < depth && e.Depth >= best.Depth)
            {
                best = (e.Depth, e.Index, e.Indent);
            }
        }

        return best;
    }

    private static Piece ContextSearch(int n, int depth, bool sameDelta, int inParens, List<MapEntry> past, List<MapEntry> after, string? unit, Piece newline)
    {
        if (sameDelta)
        {
            int i = past.FindIndex(e => e.InParens == inParens && e.Index == n);
            if (i >= 0)
            {
                var e = past[i];
                if (depth < e.Depth)
                {
                    return WithIndent(newline, Unrepeat(e.Indent, unit));
                }

                return WithIndent(newline, RepeatBefore(e.Indent, depth - e.Depth, unit));
            }
        }

        return PlusSearch(n, depth, inParens, past, after, unit, newline);
    }

    /// <summary>Added directives start in the first column: they get line breaks of their own.</summary>
    private static List<Piece> NewlinesForUnindents(List<Piece> xs)
    {
        static bool IsContextNl(Piece p) => p.Kind == PieceKind.Newline;
        static bool IsPlusNl(Piece p) => p.Kind is PieceKind.Added or PieceKind.AddedCode && p.Text == "\n";
        static bool IsNl(Piece p) => IsContextNl(p) || IsPlusNl(p);
        static bool IsUnindent(Piece p) => p.Kind == PieceKind.UnindentToColumn0;
        static Piece Nl() => new(PieceKind.AddedCode, "\n");

        var work = new List<Piece>(xs);
        var result = new List<Piece>(xs.Count + 4);
        int i = 0;
        if (work.Count >= 3 && IsUnindent(work[0]))
        {
            result.Add(work[1]);
            i = 2;
        }

        while (i < work.Count)
        {
            var y = work[i];
            if (!(i + 2 < work.Count && IsUnindent(work[i + 1])))
            {
                result.Add(y);
                i++;
                continue;
            }

            var u = work[i + 1];
            var x = work[i + 2];
            bool hasNext = i + 3 < work.Count;
            if (IsContextNl(y) && hasNext && IsPlusNl(work[i + 3]))
            {
                result.Add(work[i + 3]);
                result.Add(u);
                result.Add(x);
                work[i + 3] = y;
                i += 3;
            }
            else if (IsContextNl(y))
            {
                result.Add(Nl());
                result.Add(u);
                result.Add(x);
                work[i + 2] = y;
                i += 2;
            }
            else if (IsPlusNl(y) && hasNext && IsNl(work[i + 3]))
            {
                result.Add(y);
                result.Add(u);
                result.Add(x);
                i += 3;
            }
            else if (IsPlusNl(y) && !hasNext)
            {
                result.Add(y);
                result.Add(u);
                result.Add(x);
                i += 3;
            }
            else if (IsPlusNl(y))
            {
                result.Add(y);
                result.Add(u);
                result.Add(x);
                work[i + 2] = Nl();
                i += 2;
            }
            else if (hasNext && IsNl(work[i + 3]))
            {
                result.Add(y);
                result.Add(Nl());
                result.Add(u);
                result.Add(x);
                i += 3;
            }
            else
            {
                result.Add(y);
                result.Add(Nl());
                result.Add(u);
                result.Add(x);
                result.Add(Nl());
                result.AddRange(work.GetRange(i + 3, work.Count - i - 3));
                break;
            }
        }

        return result;
    }
}
