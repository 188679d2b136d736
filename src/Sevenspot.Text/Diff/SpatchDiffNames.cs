using System.Text;
using System.Text.RegularExpressions;

namespace Sevenspot.Text;

/// <summary>
/// The file names spatch (1.1.1) puts in its diff headers. On a file given directly, the header
/// is <c>--- FILE</c> as given on the command line and <c>+++ /tmp/cocci-output-PID-XXXXXX-BASENAME</c>,
/// without a <c>diff</c> line. In patch mode (<c>--dir DIR</c>, or <c>--patch DIR</c>), there is a
/// <c>diff -u -p a/REL b/REL</c> line and both headers use REL, the old file's path relative to
/// DIR, computed as below.
/// </summary>
public static class SpatchDiffNames
{
    /// <summary>
    /// spatch's normalize_path: made absolute against <paramref name="currentDirectory"/>, then
    /// "." parts dropped and ".." parts applied. Empty parts (from "//" or a trailing "/") stay.
    /// </summary>
    public static string NormalizePath(string path, string currentDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = path[0] == '/' ? path : currentDirectory + "/" + path;
        var parts = new List<string>();
        foreach (string part in full.Split('/'))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw new ArgumentException($"bad path: {path}", nameof(path));
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// The header names in patch mode. <paramref name="patchDirectory"/> is the <c>--patch</c>
    /// argument, or the directory given with <c>--dir</c>; <paramref name="file"/> is the file as
    /// spatch found it. With <paramref name="starRule"/> (a rule that only uses <c>*</c>), the old
    /// name is the file as found and the new name is under <c>/tmp/nothing</c>.
    /// </summary>
    public static (string OldName, string NewName) PatchModeNames(string patchDirectory, string file, string currentDirectory, bool starRule = false)
    {
        string relative = RelativePath(patchDirectory, file, currentDirectory);
        return starRule ? (file, "/tmp/nothing" + relative) : ("a" + relative, "b" + relative);
    }

    /// <summary>
    /// The file relative to the patch directory, with a leading '/'. spatch checks the normalized
    /// directory (without a trailing '/') against the start of the normalized file as an OCaml
    /// <c>Str</c> regular expression and then drops as many bytes as the directory name has; when
    /// that does not apply it keeps the whole normalized path. So <c>--patch /tmp/s</c> on
    /// <c>/tmp/sx/t.c</c> gives <c>x/t.c</c>, which this reproduces.
    /// </summary>
    public static string RelativePath(string patchDirectory, string file, string currentDirectory)
    {
        string prefix = NormalizePath(patchDirectory, currentDirectory);
        if (prefix.EndsWith('/'))
        {
            prefix = prefix[..^1];
        }

        string normalized = NormalizePath(file, currentDirectory);
        return prefix.Length < normalized.Length && MatchesAtStart(prefix, normalized) ? normalized[prefix.Length..] : normalized;
    }

    private static bool MatchesAtStart(string strPattern, string text)
    {
        if (strPattern.AsSpan().IndexOfAny(@"$^.*+?[]\") < 0)
        {
            return text.StartsWith(strPattern, StringComparison.Ordinal);
        }

        try
        {
            return Regex.IsMatch(text, @"\A(?:" + StrToDotNetRegex(strPattern) + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            // Not a valid pattern for either engine: treat it literally.
            return text.StartsWith(strPattern, StringComparison.Ordinal);
        }
    }

    /// <summary>Translates OCaml Str syntax: <c>\( \) \|</c> group and alternate, bare <c>( ) | { }</c> are literal.</summary>
    private static string StrToDotNetRegex(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 8);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    char next = pattern[++i];
                    sb.Append(next is '(' or ')' or '|' ? next.ToString() : next == 'b' ? @"\b" : Regex.Escape(next.ToString()));
                    break;
                case '[':
                    int end = pattern.IndexOf(']', i + (i + 1 < pattern.Length && pattern[i + 1] == '^' ? 3 : 2));
                    if (end < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    sb.Append('[').Append(pattern.AsSpan(i + 1, end - i - 1).ToString().Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                case '.' or '*' or '+' or '?' or '^' or '$':
                    sb.Append(c);
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }
}
