namespace Sevenspot.Checks;

/// <summary>
/// Something the run did not analyse: a function that did not parse, a file that could not be
/// read or timed out, a check that failed on a file. Line 0 means the whole file.
/// </summary>
public sealed record SkippedItem(string Path, int Line, string Reason)
{
    public static int Compare(SkippedItem? x, SkippedItem? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int c = string.CompareOrdinal(x.Path, y.Path);
        if (c == 0)
        {
            c = x.Line.CompareTo(y.Line);
        }

        return c == 0 ? string.CompareOrdinal(x.Reason, y.Reason) : c;
    }

    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Reason}" : $"{Path}: {Reason}";
}
