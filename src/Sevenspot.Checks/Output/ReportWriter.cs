using System.Globalization;

namespace Sevenspot.Checks.Output;

/// <summary>
/// spatch's report format: one line per finding, <c>file:line:col-endcol: message [check-id]</c>,
/// with a 1-based line and 0-based byte columns; the end column is that of the end position,
/// as coccilib.report.print_report prints it. Related places, flows and fixes are left to the
/// richer formats.
/// </summary>
public static class ReportWriter
{
    public static void WriteFindings(CheckReport report, TextWriter writer)
    {
        foreach (var finding in report.Findings)
        {
            writer.Write(FormatFinding(finding));
            writer.Write('\n');
        }
    }

    public static string FormatFinding(Finding finding)
    {
        var l = finding.Location;
        return string.Create(CultureInfo.InvariantCulture, $"{l.Path}:{l.Start.Line}:{l.Start.Column}-{l.End.Column}: {finding.Message} [{finding.CheckId}]");
    }

    /// <summary>What was skipped, one line each (<c>file:line: reason</c>), for the error stream.</summary>
    public static void WriteSkipped(CheckReport report, TextWriter writer)
    {
        foreach (var item in report.Skipped)
        {
            writer.Write("skipped: ");
            writer.Write(item.ToString());
            writer.Write('\n');
        }
    }

    /// <summary>One line of totals: files, functions, findings per check, skipped items, and the checks that failed when any did.</summary>
    public static string Summary(CheckReport report)
    {
        var parts = new List<string>();
        foreach (var (check, count) in report.CountByCheck())
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{check.Id} {count}"));
        }

        int failures = report.CheckFailures;
        string failed = failures == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({failures} check failure(s): findings are missing there)");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Findings.Count} finding(s) in {report.Files} file(s), {report.Functions} function(s); {report.Skipped.Count} skipped{failed}; {string.Join(", ", parts)}");
    }
}
