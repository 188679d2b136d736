namespace Sevenspot.Text;

/// <summary>
/// Line-by-line differences between two byte texts, chosen exactly as GNU diff chooses them
/// (see <see cref="LineDiffAnalysis"/>). Texts are bytes: invalid UTF-8, NULs and '\r' are
/// ordinary line content.
/// </summary>
public static class LineDiff
{
    /// <summary>
    /// The changes that turn <paramref name="oldText"/> into <paramref name="newText"/>, in order.
    /// <paramref name="contextLines"/> is the context the caller will print: GNU diff keeps that
    /// many identical lines around the differing region when it trims identical ends, and that
    /// can change which of several equally short scripts it picks.
    /// </summary>
    public static IReadOnlyList<LineChange> Compute(ReadOnlySpan<byte> oldText, ReadOnlySpan<byte> newText, int contextLines = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contextLines);
        if (oldText.SequenceEqual(newText))
        {
            return [];
        }

        return LineDiffAnalysis.Run(oldText, TextLines.Split(oldText), newText, TextLines.Split(newText), contextLines);
    }
}
