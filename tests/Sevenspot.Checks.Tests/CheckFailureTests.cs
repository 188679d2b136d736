using Sevenspot.Checks.Output;
using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// A check that throws while collecting a file's facts is counted and reported (file, check,
/// exception type) in every output, and the run is marked as not clean, instead of showing only as
/// findings that are missing.
/// </summary>
public sealed class CheckFailureTests
{
    private static readonly ToolInfo s_tool = new("sevenspot", "0.0.0-test");

    private static CheckReport RunWithFailure()
    {
        var runner = new CheckRunner([new FailingCollectCheck(), new BitandPrecedenceCheck()]);
        return runner.Complete(
        [
            runner.AnalyzeText(SourceText.FromString("a.c", "int f(int m) { return !m & 0x4; }\n")),
            runner.AnalyzeText(SourceText.FromString("bad.c", "int g(int m) { return m; }\n")),
            runner.AnalyzeText(SourceText.FromString("c.c", "int h(int m) { return m; }\n")),
        ]);
    }

    [Fact]
    public void TheFailureIsCountedWithFileCheckAndExceptionAndTheOtherFilesFactsStillCount()
    {
        var report = RunWithFailure();
        Assert.Equal(1, report.CheckFailures);
        var failure = Assert.Single(report.Skipped);
        Assert.Equal(("bad.c", SkipKind.CheckFailure, "zz-collect-throws", "InvalidOperationException"), (failure.Path, failure.Kind, failure.Check, failure.Exception));

        // The tree check still saw the facts of a.c and c.c; bitand-precedence still ran on every file.
        Assert.Equal(["a.c", "a.c", "c.c"], report.Findings.Select(f => f.Location.Path));
        Assert.Equal(["zz-collect-throws", "bitand-precedence", "zz-collect-throws"], report.Findings.Select(f => f.CheckId));
    }

    [Fact]
    public void TheSummaryLineSaysChecksFailed()
    {
        string summary = ReportWriter.Summary(RunWithFailure());
        Assert.Contains("; 1 skipped (1 check failure(s): findings are missing there);", summary, StringComparison.Ordinal);

        var clean = new CheckRunner([new BitandPrecedenceCheck()]);
        Assert.DoesNotContain("check failure", ReportWriter.Summary(clean.Complete([clean.AnalyzeText(SourceText.FromString("a.c", "int f(int m) { return m; }\n"))])), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonAndSarifCarryTheFailure()
    {
        var report = RunWithFailure();
        var json = JsonReportWriter.Read(JsonReportWriter.Write(report, s_tool));
        Assert.Equal(1, json.Summary.CheckFailures);
        var skipped = Assert.Single(json.Skipped);
        Assert.Equal(("check-failure", "zz-collect-throws", "InvalidOperationException"), (skipped.Kind, skipped.Check, skipped.Exception));

        string sarif = SarifWriter.Write(report, s_tool);
        Assert.Contains("\"executionSuccessful\": false", sarif, StringComparison.Ordinal);
        Assert.Contains("\"level\": \"error\"", sarif, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"InvalidOperationException\"", sarif, StringComparison.Ordinal);
    }

    /// <summary>A tree check with a bug: collecting the facts of bad.c throws; every other file gives one finding.</summary>
    private sealed class FailingCollectCheck : TreeCheck<SourceLocation>
    {
        private static readonly CheckDescriptor s_descriptor = new("zz-collect-throws", "Throws while collecting", "A check with a bug.", CheckSeverity.Note, "None.");

        public override CheckDescriptor Descriptor => s_descriptor;

        protected override SourceLocation? CollectFacts(FileContext file) =>
            file.Path == "bad.c" ? throw new InvalidOperationException("boom") : file.LocateCompact(file.Functions[0]);

        protected override void Analyze(IReadOnlyList<SourceLocation> facts, TreeContext tree, FindingSink sink)
        {
            foreach (var location in facts)
            {
                sink.Report(new Finding(Descriptor, location, "collected"));
            }
        }
    }
}
