namespace Sevenspot.C;

/// <summary>What counts as a plain C identifier where text, not tokens, is at hand (macro bodies, directive lines, rule values).</summary>
public static class Identifiers
{
    /// <summary>Whether the text is one ASCII identifier: letters, digits and '_', not starting with a digit.</summary>
    public static bool IsPlain(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
