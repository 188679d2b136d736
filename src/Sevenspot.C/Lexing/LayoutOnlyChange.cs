using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// Whether a rewritten text differs from the original only in layout: the same tokens, comments and
/// directives in the same order, with only blanks and line breaks between them changed. spatch writes
/// no output for such a file (code removed and added again, printed on other lines); once a file has a
/// change of its tokens, the layout changes that come with it are part of its output.
/// </summary>
public static class LayoutOnlyChange
{
    public static bool SameTokens(byte[] original, byte[] modified)
    {
        var before = Lexer.Lex(new SourceText(string.Empty, original));
        var after = Lexer.Lex(new SourceText(string.Empty, modified));
        if (before.Count != after.Count)
        {
            return false;
        }

        int endBefore = 0;
        int endAfter = 0;
        for (int i = 0; i < before.Count; i++)
        {
            var a = before.Tokens[i];
            var b = after.Tokens[i];
            if (a.Kind != b.Kind
                || !SameIgnoringBlanks(original.AsSpan(endBefore, a.Start - endBefore), modified.AsSpan(endAfter, b.Start - endAfter))
                || !original.AsSpan(a.Start, a.End - a.Start).SequenceEqual(modified.AsSpan(b.Start, b.End - b.Start)))
            {
                return false;
            }

            (endBefore, endAfter) = (a.End, b.End);
        }

        return SameIgnoringBlanks(original.AsSpan(endBefore), modified.AsSpan(endAfter));
    }

    /// <summary>
    /// Trivia compared up to its layout: blanks before and after it do not count, and a run of blanks
    /// inside it (between the words of a comment or directive) matches any other run, but not its
    /// absence: "#define M 1" and "#define M1" differ, as "/* a b */" and "/* ab */" do.
    /// </summary>
    private static bool SameIgnoringBlanks(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        a = a.Trim(Blanks);
        b = b.Trim(Blanks);
        int i = 0;
        int j = 0;
        while (i < a.Length && j < b.Length)
        {
            bool blankA = IsBlank(a[i]);
            if (blankA != IsBlank(b[j]))
            {
                return false;
            }

            if (!blankA)
            {
                if (a[i++] != b[j++])
                {
                    return false;
                }

                continue;
            }

            while (i < a.Length && IsBlank(a[i]))
            {
                i++;
            }

            while (j < b.Length && IsBlank(b[j]))
            {
                j++;
            }
        }

        return i == a.Length && j == b.Length;
    }

    private static ReadOnlySpan<byte> Blanks => " \t\n\r\f\v"u8;

    private static bool IsBlank(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v';
}
