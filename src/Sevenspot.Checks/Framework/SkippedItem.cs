namespace Sevenspot.Checks;

/// <summary>What a <see cref="SkippedItem"/> is: what was left out of the run, and why.</summary>
public enum SkipKind : byte
{
    /// <summary>A function that did not parse; the rest of its file was checked.</summary>
    UnparsedFunction,

    /// <summary>A file that could not be read or took too long to parse: nothing of it was checked.</summary>
    File,

    /// <summary>A check that threw on a file (or on the whole tree): a bug of the check, its findings there are missing.</summary>
    CheckFailure,
}

/// <summary>
/// Something the run did not analyse: a function that did not parse, a file that could not be
/// read or timed out, a check that failed on a file. Line 0 means the whole file. A check
/// failure names the check and the exception's type.
/// </summary>
public sealed record SkippedItem(string Path, int Line, string Reason, SkipKind Kind, string? Check = null, string? Exception = null)
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
