using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>Where a finding of a rule run comes from.</summary>
public enum RuleFindingKind
{
    /// <summary>A script printed it (coccilib.report.print_report, the org-mode printers).</summary>
    Report,

    /// <summary>A starred region of a context rule (* lines) matched.</summary>
    Context,

    /// <summary>A hunk of the change a transforming rule made.</summary>
    Patch,
}

/// <summary>
/// One place of a finding: 1-based lines, 0-based byte columns with an exclusive end (spatch's
/// positions), and what the place is to the finding (a metavariable name, a secondary message).
/// </summary>
public sealed record RuleFindingLocation(string File, LinePosition Start, LinePosition End, string? Message = null);

/// <summary>
/// A finding of a rule run, for the machine-readable outputs: the rule, what it says, where (the
/// first location is the primary one; the others are related places, such as the other positions a
/// report script was given) and, for a patch, the hunk of the diff.
/// </summary>
public sealed record RuleFinding(string Rule, RuleFindingKind Kind, string Message, IReadOnlyList<RuleFindingLocation> Locations)
{
    /// <summary>The unified-diff hunk of a patch finding.</summary>
    public string? Diff { get; init; }

    /// <summary>Every rule whose change falls in a patch finding's hunk (the first is <see cref="Rule"/>).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>A rule as a message names it: "rule r", or spatch's name of an unnamed rule as it is ("rule starting on line 3").</summary>
    public static string Describe(string rule) => rule.StartsWith("rule ", StringComparison.Ordinal) ? rule : "rule " + rule;
}
