using Sevenspot.Checks.Output;
using Sevenspot.Text.Sarif;

namespace Sevenspot.Checks.Tests;

/// <summary>Golden files for each output format, on the report of <see cref="OutputFixture"/>.</summary>
public sealed class OutputTests
{
    private static readonly ToolInfo s_tool = new("sevenspot", "0.0.0-test");

    [Fact]
    public void ReportFormat()
    {
        var writer = new StringWriter();
        ReportWriter.WriteFindings(OutputFixture.Create(), writer);
        Golden.Verify(Path.Combine(OutputFixture.Folder, "expected.report"), writer.ToString());
    }

    [Fact]
    public void ReportFormatUsesZeroBasedColumnsLikeSpatch()
    {
        var report = OutputFixture.Create();
        var finding = report.Findings.First(f => f.CheckId == "bitand-precedence" && f.Location.Path.EndsWith("widget.c", StringComparison.Ordinal));
        // "\tif (!w->flags & WIDGET_READY)": the expression starts after a tab and "if (".
        Assert.Equal("drivers/widget/widget.c:18:5-29: " + finding.Message + " [bitand-precedence]", ReportWriter.FormatFinding(finding));
    }

    [Fact]
    public void JsonFormat() =>
        Golden.Verify(Path.Combine(OutputFixture.Folder, "expected.json"), JsonReportWriter.Write(OutputFixture.Create(), s_tool));

    [Fact]
    public void JsonRoundTrips()
    {
        string json = JsonReportWriter.Write(OutputFixture.Create(), s_tool);
        var model = JsonReportWriter.Read(json);
        Assert.Equal(6, model.Findings.Count);
        Assert.NotNull(model.LockOrder);
        Assert.Single(model.LockOrder!.Cycles);
    }

    [Fact]
    public void SarifFormat() =>
        Golden.Verify(Path.Combine(OutputFixture.Folder, "expected.sarif"), SarifWriter.Write(OutputFixture.Create(), s_tool));

    [Fact]
    public void SarifHasRulesLocationsFlowsAndFixes()
    {
        var log = SarifWriter.Read(SarifWriter.Write(OutputFixture.Create(), s_tool));
        var run = Assert.Single(log.Runs);
        Assert.Equal(["bitand-precedence", "bitlock-release", "kzalloc", "lock-order-cycles", "sleep-in-atomic"], run.Tool.Driver.Rules!.Select(r => r.Id));
        Assert.All(run.Results, r => Assert.Equal(r.RuleId, run.Tool.Driver.Rules![r.RuleIndex].Id));
        var cycle = run.Results.Single(r => r.RuleId == "lock-order-cycles");
        Assert.Equal(2, cycle.CodeFlows!.Count);
        Assert.Equal(2, cycle.RelatedLocations!.Count);
        var bitand = run.Results.First(r => r.RuleId == "bitand-precedence");
        Assert.Equal(2, bitand.Fixes!.Single().ArtifactChanges.Single().Replacements.Count);
        Assert.Single(run.Invocations!.Single().ToolExecutionNotifications!);
    }

    [Fact]
    public void SarifUrisAreRelativeOrFileUris()
    {
        Assert.Equal("drivers/a%20b.c", SarifSerializer.ArtifactLocation("./drivers/a b.c").Uri);
        Assert.Equal(SarifSerializer.SourceRootBaseId, SarifSerializer.ArtifactLocation("drivers/a.c").UriBaseId);
        var absolute = SarifSerializer.ArtifactLocation("/src/linux/mm/slab.c");
        Assert.Equal("file:///src/linux/mm/slab.c", absolute.Uri);
        Assert.Null(absolute.UriBaseId);
    }

    [Fact]
    public void HtmlFormat() =>
        Golden.Verify(Path.Combine(OutputFixture.Folder, "expected.html"), HtmlWriter.Write(OutputFixture.Create(), s_tool));

    [Fact]
    public void HtmlIsSelfContained()
    {
        string html = HtmlWriter.Write(OutputFixture.Create(), s_tool);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"lock-graph\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "class=\"edge cycle\""));
        Assert.Equal(2, CountOf(html, "class=\"node in-cycle\""));
    }

    [Fact]
    public void OutputsAreTheSameForAnyNumberOfWorkers()
    {
        var one = OutputFixture.Create(jobs: 1);
        var two = OutputFixture.Create(jobs: 2);
        Assert.Equal(SarifWriter.Write(one, s_tool), SarifWriter.Write(two, s_tool));
        Assert.Equal(HtmlWriter.Write(one, s_tool), HtmlWriter.Write(two, s_tool));
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
