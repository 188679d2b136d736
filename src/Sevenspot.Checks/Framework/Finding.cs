using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// One report of a check: where (the primary location), what (the message), and optionally
/// other places that explain it, the path that leads to it (a call chain, the two acquisition
/// paths of a lock-order cycle) and a fix as text edits.
/// </summary>
public sealed class Finding
{
    public Finding(
        CheckDescriptor check,
        SourceLocation location,
        string message,
        IReadOnlyList<RelatedLocation>? related = null,
        IReadOnlyList<CodeFlow>? flows = null,
        Fix? fix = null,
        CheckSeverity? severity = null)
    {
        Check = check;
        Severity = severity ?? check.Severity;
        Location = location;
        Message = message;
        Related = related ?? [];
        Flows = flows ?? [];
        Fix = fix;
    }

    public CheckDescriptor Check { get; }

    public string CheckId => Check.Id;

    /// <summary>The check's severity, unless the finding says how grave it is itself (lock-order: a fixed order is a warning).</summary>
    public CheckSeverity Severity { get; }

    public SourceLocation Location { get; }

    public string Message { get; }

    /// <summary>Places that explain the finding: where the lock was taken, where the object was linked.</summary>
    public IReadOnlyList<RelatedLocation> Related { get; }

    /// <summary>Paths through the code that lead to the finding, each a list of steps in execution order.</summary>
    public IReadOnlyList<CodeFlow> Flows { get; }

    public Fix? Fix { get; }

    /// <summary>The order of findings in every output: file path, then position, then check and message.</summary>
    public static int Compare(Finding? x, Finding? y)
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

        int c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c == 0)
        {
            c = x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        }

        if (c == 0)
        {
            c = x.Location.Span.End.CompareTo(y.Location.Span.End);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.CheckId, y.CheckId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Message, y.Message);
        }

        return c;
    }

    public override string ToString() => $"{Location}: {Message} [{CheckId}]";
}

/// <summary>A place that explains a finding, with a short message of its own.</summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);

/// <summary>One path that leads to a finding: a call chain, or the acquisitions of one edge of a lock cycle.</summary>
public sealed record CodeFlow(string Message, IReadOnlyList<CodeFlowStep> Steps);

/// <summary>A step of a <see cref="CodeFlow"/>: a place and what happens there. Nesting counts calls entered.</summary>
public sealed record CodeFlowStep(SourceLocation Location, string Message, int Nesting = 0);

/// <summary>A proposed fix: a description and edits of one or more files.</summary>
public sealed record Fix(string Description, IReadOnlyList<FixEdit> Edits);

/// <summary>Replace the bytes of <see cref="Region"/> with <see cref="NewText"/>.</summary>
public sealed record FixEdit(SourceLocation Region, string NewText)
{
    public TextEdit ToTextEdit() => new(Region.Span, NewText);
}
