using System.Text.RegularExpressions;

namespace Sevenspot.Engine;

/// <summary>The passes that fix blanks where added and kept code meet.</summary>
internal static partial class Unparser
{
    /// <summary>The blank after an added "*" goes.</summary>
    private static List<Piece> AdjustEatSpace(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        for (int i = 0; i < xs.Count; i++)
        {
            if (xs[i].Kind != PieceKind.EatSpace)
            {
                result.Add(xs[i]);
            }
            else if (i + 1 < xs.Count && IsSpace(xs[i + 1]))
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>No blank before ";", ")" or ",": added spaces there go, and so do blanks left by removed code.</summary>
    private static List<Piece> AdjustBeforeSemicolon(List<Piece> xs)
    {
        var r = new List<Piece>(xs);
        r.Reverse();
        var result = new List<Piece>(r.Count);
        int i = 0;
        while (i < r.Count)
        {
            var x = r[i];
            result.Add(x);
            i++;
            if (!((IsContext(x) || x.Kind == PieceKind.Added) && x.Text is ";" or ")" or ","))
            {
                continue;
            }

            bool seenMinus = false;
            while (true)
            {
                while (i < r.Count && IsAddedSpace(r[i]))
                {
                    i++;
                }

                int j = i;
                while (j < r.Count && IsSpace(r[j]))
                {
                    j++;
                }

                if (j < r.Count && IsRemoved(r[j]))
                {
                    result.Add(r[j]);
                    seenMinus = true;
                    i = j + 1;
                    continue;
                }

                if (seenMinus)
                {
                    i = j;
                }

                break;
            }
        }

        result.Reverse();
        return result;
    }

    /// <summary>No blank after "(" where what followed was removed.</summary>
    private static List<Piece> AdjustAfterParen(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        int i = 0;
        while (i < xs.Count)
        {
            var x = xs[i];
            result.Add(x);
            i++;
            if (!((IsContext(x) || x.Kind == PieceKind.Added) && x.Text == "("))
            {
                continue;
            }

            bool seenMinus = false;
            while (true)
            {
                int j = i;
                while (j < xs.Count && IsWhitespace(xs[j]))
                {
                    j++;
                }

                if (j < xs.Count && (IsRemoved(xs[j]) || (seenMinus && IsContextToken(xs[j], ","))))
                {
                    result.Add(xs[j]);
                    seenMinus = true;
                    i = j + 1;
                    continue;
                }

                if (seenMinus)
                {
                    i = j;
                }

                break;
            }
        }

        return result;
    }

    /// <summary>A removed "(" between two kept tokens leaves a space.</summary>
    private static List<Piece> ParenToSpace(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        for (int i = 0; i < xs.Count; i++)
        {
            result.Add(xs[i]);
            if (i + 2 < xs.Count && IsContext(xs[i]) && !IsWhitespace(xs[i]) && xs[i].Text != "("
                && xs[i + 1].Kind == PieceKind.Token && xs[i + 1].Minus && xs[i + 1].Text == "(" && IsContext(xs[i + 2]))
            {
                result.Add(xs[i + 1]);
                result.Add(Piece.AddedSpace());
                i++;
            }
        }

        return result;
    }

    /// <summary>The comma added after the last element of a list stays only when added code follows it.</summary>
    private static List<Piece> DropEndComma(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        for (int i = 0; i < xs.Count; i++)
        {
            var x = xs[i];
            if (x.Kind == PieceKind.Comma)
            {
                int j = i + 1;
                while (j < xs.Count && IsWhitespace(xs[j]))
                {
                    j++;
                }

                if (!(j < xs.Count && xs[j].Kind is PieceKind.Added or PieceKind.AddedCode))
                {
                    continue;
                }
            }

            result.Add(x);
        }

        return result;
    }

    /// <summary>No blank at the end of a line: added spaces before a line break go, and kept ones before removed code that ended the line.</summary>
    private static List<Piece> DropSpaceAtEndOfLine(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count);
        int i = 0;
        while (i < xs.Count)
        {
            var x = xs[i];
            if (IsAddedSpace(x) && i + 1 < xs.Count)
            {
                var y = xs[i + 1];
                if ((y.Kind == PieceKind.Added && y.Text.Length > 0 && y.Text[0] == '\n') || (IsContext(y) && (IsSpace(y) || IsNewline(y))))
                {
                    i++;
                    continue;
                }
            }

            if (IsContext(x) && IsSpace(x))
            {
                int j = i + 1;
                while (j < xs.Count && IsSpace(xs[j]))
                {
                    j++;
                }

                int k = j;
                bool anyMinus = false;
                // Removed line breaks count as removed code: "if (x) {" whose "{" goes with the
                // line after it still ends at the kept line break.
                while (k < xs.Count && (IsRemoved(xs[k]) || (IsContext(xs[k]) && IsSpace(xs[k]))))
                {
                    anyMinus |= IsRemoved(xs[k]);
                    k++;
                }

                // A blank that already ended its line stays when the line after it goes (spatch keeps "{ " before a removed line).
                bool endedItsLine = j < xs.Count && IsNewline(xs[j]);
                if (anyMinus && !endedItsLine && k < xs.Count && IsContextNewline(xs[k]))
                {
                    for (int m = j; m < k; m++)
                    {
                        result.Add(xs[m]);
                    }

                    i = k;
                    continue;
                }

                for (int m = i; m < k; m++)
                {
                    result.Add(xs[m]);
                }

                i = k;
                continue;
            }

            result.Add(x);
            i++;
        }

        return result;
    }

    private static readonly Regex s_identLike = new("^[a-zA-Z_][a-zA-Z_0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_intLike = new("^[0-9]+$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_operators =
    [
        "=", "+", "-", "*", "/", "%", "^", "+=", "-=", "*=", "/=", "%=", "^=", ":", "?",
        "==", "!=", "<", ">", "<=", ">=", "<?", ">?", "<<", ">>", "<?=", ">?=", "<<=", ">>=",
        "&&", "||", "&", "|",
    ];

    private static bool IsIdentLike(string s) => s_identLike.IsMatch(s);

    /// <summary>Where added code meets kept code, words and operators get a space between them.</summary>
    private static List<Piece> AddSpace(List<Piece> xs)
    {
        var result = new List<Piece>(xs.Count + 8);
        for (int i = 0; i < xs.Count; i++)
        {
            var x = xs[i];
            result.Add(x);
            if (i + 1 >= xs.Count)
            {
                break;
            }

            var y = xs[i + 1];
            string sx = x.Text, sy = y.Text;
            bool xAdded = x.Kind is PieceKind.Added or PieceKind.AddedCode;
            bool yAdded = y.Kind is PieceKind.Added or PieceKind.AddedCode;
            if ((IsContext(x) && yAdded) || (xAdded && IsContext(y)))
            {
                bool spaceAfter = i + 2 >= xs.Count || IsNewline(xs[i + 2]) || IsSpace(xs[i + 2]) || IsAddedWhitespace(xs[i + 2]);
                if ((IsIdentLike(sx) || sx is ")" or "]") && (IsIdentLike(sy) || (s_operators.Contains(sy) && spaceAfter) || s_intLike.IsMatch(sy)))
                {
                    result.Add(Piece.AddedSpace());
                }
            }
            else if (IsContext(x) && IsContext(y))
            {
                // untouched
            }
            else if (IsIdentLike(sx) && IsIdentLike(sy))
            {
                result.Add(Piece.AddedSpace());
            }
        }

        return result;
    }

    /// <summary>A comma that ends up next to "(", ")" or another comma, and was not there in the file, goes.</summary>
    private static List<Piece> DropStrayCommas(List<Piece> xs)
    {
        var cleaner = new List<Piece>(xs.Count);
        foreach (var p in xs)
        {
            if (p.Kind is PieceKind.Comment or PieceKind.Space or PieceKind.Newline || IsAddedSpace(p))
            {
                continue;
            }

            cleaner.Add(p);
        }

        var removed = new HashSet<Piece>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i + 1 < cleaner.Count; i++)
        {
            var a = cleaner[i];
            var b = cleaner[i + 1];
            bool pair = (a.Text == "(" && b.Text == ",") || (a.Text == "," && b.Text == ",") || (a.Text == "," && b.Text == ")");
            if (!pair)
            {
                continue;
            }

            if (a.Index >= 0 && b.Index == a.Index + 1)
            {
                continue; // so in the file
            }

            removed.Add(a.Text == "(" ? b : a);
        }

        if (removed.Count == 0)
        {
            return xs;
        }

        var result = new List<Piece>(xs.Count);
        foreach (var p in xs)
        {
            if (!removed.Contains(p))
            {
                result.Add(p);
            }
        }

        return result;
    }
}
