namespace Sevenspot.Engine;

/// <summary>
/// String literals of a pattern that hold printf directives match as format strings, as in spatch:
/// both strings are cut into fragments (runs of text, and directives such as <c>%d</c> or
/// <c>%-5.2lx</c>), a text fragment that is exactly <c>...</c> in the pattern stands for any
/// fragments, and the other fragments must be spelt the same. A pattern string with no directive
/// is compared as a whole (its dots are text).
/// </summary>
internal static class FormatStrings
{
    /// <summary>A run of text or a directive; a directive written "%@d@" is a format metavariable.</summary>
    private readonly record struct Fragment(int Start, int Length, bool IsDirective, bool IsMetavariable = false);

    /// <summary>
    /// The ways the code string matches a pattern string holding format metavariables ("%@d@"): for
    /// each, the directive (without '%') each metavariable stands for, in pattern order.
    /// </summary>
    /// <remarks>
    /// <paramref name="listLength"/> tells a format list metavariable ("format list[2] d") from a single directive:
    /// null for a single directive, the number of directives of the list, or -1 for a list of any length. A list
    /// stands for the code from its first directive on, the text between its directives included, up to where the
    /// rest of the pattern matches ("xyz %@d@ abc" with two directives matches "xyz %d, %s abc"); its value is that
    /// code, the first '%' included (a single directive's value has no '%'), as spatch gives them to scripts.
    /// </remarks>
    public static List<List<(string Name, string Directive)>> MatchesWithMetavariables(string pattern, string code, Func<string, int?>? listLength = null)
    {
        var results = new List<List<(string, string)>>();
        if (IsPlainString(pattern) && IsPlainString(code))
        {
            MatchAll(pattern, Split(pattern), 0, code, Split(code), 0, [], results, listLength);
        }

        return results;
    }

    private static void MatchAll(string pText, List<Fragment> p, int pi, string cText, List<Fragment> c, int ci,
        List<(string, string)> bound, List<List<(string, string)>> results, Func<string, int?>? listLength)
    {
        if (pi == p.Count)
        {
            if (ci == c.Count)
            {
                results.Add([.. bound]);
            }

            return;
        }

        var f = p[pi];
        if (!f.IsDirective && IsDots(pText, f))
        {
            for (int skip = ci; skip <= c.Count; skip++)
            {
                MatchAll(pText, p, pi + 1, cText, c, skip, bound, results, listLength);
            }

            return;
        }

        if (ci >= c.Count || c[ci].IsDirective != f.IsDirective)
        {
            return;
        }

        if (f.IsMetavariable)
        {
            string name = pText.Substring(f.Start + 2, f.Length - 3);
            if (listLength?.Invoke(name) is { } length)
            {
                // A format list: the code from this directive on, up to each place where it has the directives it needs.
                int directives = 0;
                for (int last = ci; last < c.Count; last++)
                {
                    directives += c[last].IsDirective ? 1 : 0;
                    if (length >= 0 && directives > length)
                    {
                        break;
                    }

                    if (length < 0 || directives == length)
                    {
                        int end = c[last].Start + c[last].Length;
                        bound.Add((name, cText.Substring(c[ci].Start, end - c[ci].Start)));
                        MatchAll(pText, p, pi + 1, cText, c, last + 1, bound, results, listLength);
                        bound.RemoveAt(bound.Count - 1);
                    }
                }

                return;
            }

            bound.Add((name, cText.Substring(c[ci].Start + 1, c[ci].Length - 1)));
            MatchAll(pText, p, pi + 1, cText, c, ci + 1, bound, results, listLength);
            bound.RemoveAt(bound.Count - 1);
            return;
        }

        if (pText.AsSpan(f.Start, f.Length).SequenceEqual(cText.AsSpan(c[ci].Start, c[ci].Length)))
        {
            MatchAll(pText, p, pi + 1, cText, c, ci + 1, bound, results, listLength);
        }
    }

    /// <summary>Whether the code string (a token text, quotes included) matches the pattern string.</summary>
    public static bool Matches(string pattern, string code)
    {
        if (!IsPlainString(pattern) || !IsPlainString(code))
        {
            return false;
        }

        var p = Split(pattern);
        if (!HasDirective(p))
        {
            return false;
        }

        var c = Split(code);
        return Match(pattern, p, 0, code, c, 0);
    }

    private static bool IsPlainString(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"';

    private static bool HasDirective(List<Fragment> fragments)
    {
        foreach (var f in fragments)
        {
            if (f.IsDirective)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Match(string pText, List<Fragment> p, int pi, string cText, List<Fragment> c, int ci)
    {
        while (pi < p.Count)
        {
            var f = p[pi];
            if (!f.IsDirective && IsDots(pText, f))
            {
                for (int skip = ci; skip <= c.Count; skip++)
                {
                    if (Match(pText, p, pi + 1, cText, c, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (ci >= c.Count || c[ci].IsDirective != f.IsDirective
                || !pText.AsSpan(f.Start, f.Length).SequenceEqual(cText.AsSpan(c[ci].Start, c[ci].Length)))
            {
                return false;
            }

            pi++;
            ci++;
        }

        return ci == c.Count;
    }

    private static bool IsDots(string text, Fragment f) => f.Length == 3 && string.CompareOrdinal(text, f.Start, "...", 0, 3) == 0;

    /// <summary>The fragments between the quotes: text runs and directives.</summary>
    private static List<Fragment> Split(string text)
    {
        var result = new List<Fragment>();
        int end = text.Length - 1;
        int textStart = 1;
        int i = 1;
        while (i < end)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] != '%')
            {
                i++;
                continue;
            }

            bool metavariable = i + 1 < end && text[i + 1] == '@' && text.IndexOf('@', i + 2) is int close && close > i + 2 && close < end;
            int directiveEnd = metavariable ? text.IndexOf('@', i + 2) + 1 : DirectiveEnd(text, i + 1, end);
            if (directiveEnd < 0)
            {
                i++;
                continue;
            }

            if (i > textStart)
            {
                result.Add(new Fragment(textStart, i - textStart, false));
            }

            result.Add(new Fragment(i, directiveEnd - i, true, metavariable));
            i = directiveEnd;
            textStart = i;
        }

        if (end > textStart)
        {
            result.Add(new Fragment(textStart, end - textStart, false));
        }

        return result;
    }

    /// <summary>The end of a directive whose text after '%' starts at <paramref name="i"/>: flags, width, precision, length, conversion.</summary>
    private static int DirectiveEnd(string text, int i, int end)
    {
        while (i < end && text[i] is '-' or '+' or ' ' or '#' or '0' or '\'')
        {
            i++;
        }

        while (i < end && (char.IsAsciiDigit(text[i]) || text[i] == '*'))
        {
            i++;
        }

        if (i < end && text[i] == '.')
        {
            i++;
            while (i < end && (char.IsAsciiDigit(text[i]) || text[i] == '*'))
            {
                i++;
            }
        }

        while (i < end && text[i] is 'h' or 'l' or 'L' or 'q' or 'j' or 'z' or 'Z' or 't')
        {
            i++;
        }

        if (i < end && text[i] is 'd' or 'i' or 'o' or 'u' or 'x' or 'X' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G'
            or 'a' or 'A' or 'c' or 's' or 'p' or 'n' or '%')
        {
            return i + 1;
        }

        return -1;
    }
}
