using Sevenspot.Engine;

namespace Sevenspot.Cli.Spatch.Findings;

/// <summary>
/// A place of a finding as the machine-readable formats give it: 1-based lines and 1-based
/// columns counting Unicode code points, the end column exclusive (SARIF's convention); a place
/// without columns covers whole lines.
/// </summary>
internal sealed record FindingPlace(string File, int StartLine, int? StartColumn, int EndLine, int? EndColumn, string? Message);

/// <summary>A finding of a rule run, ready to write: the first place is the main one, the others are related.</summary>
internal sealed record FindingRecord(string Rule, RuleFindingKind Kind, string Message, IReadOnlyList<FindingPlace> Places)
{
    public string? Diff { get; init; }

    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>For a patch's hunk: the edits that turn the original file into the patched one there.</summary>
    public IReadOnlyList<FindingReplacement> Replacements { get; init; } = [];

    public FindingPlace Main => Places[0];

    public IEnumerable<FindingPlace> Related
    {
        get
        {
            for (int i = 1; i < Places.Count; i++)
            {
                yield return Places[i];
            }
        }
    }

    /// <summary>The word the formats use for the kind.</summary>
    public string KindWord => Kind switch
    {
        RuleFindingKind.Report => "report",
        RuleFindingKind.Context => "context",
        _ => "patch",
    };

    /// <summary>By file, then position of the main place, then rule and message: the same for any --jobs.</summary>
    public static int Compare(FindingRecord a, FindingRecord b)
    {
        int c = string.CompareOrdinal(a.Main.File, b.Main.File);
        if (c == 0) c = a.Main.StartLine.CompareTo(b.Main.StartLine);
        if (c == 0) c = (a.Main.StartColumn ?? 0).CompareTo(b.Main.StartColumn ?? 0);
        if (c == 0) c = a.Main.EndLine.CompareTo(b.Main.EndLine);
        if (c == 0) c = (a.Main.EndColumn ?? 0).CompareTo(b.Main.EndColumn ?? 0);
        if (c == 0) c = string.CompareOrdinal(a.Rule, b.Rule);
        if (c == 0) c = a.Kind.CompareTo(b.Kind);
        if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
        return c;
    }
}

/// <summary>
/// One edit of a hunk: the original file's bytes [<paramref name="ByteOffset"/>, +<paramref name="ByteLength"/>)
/// become <paramref name="Inserted"/> (whole lines, as the diff shows them).
/// </summary>
internal sealed record FindingReplacement(int ByteOffset, int ByteLength, string Inserted);

/// <summary>A file the run could not process (a failure, a timeout): the formats list it apart from the findings.</summary>
internal sealed record FailedFile(string File, string Message);
