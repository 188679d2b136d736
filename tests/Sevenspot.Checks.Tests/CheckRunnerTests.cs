using Sevenspot.Checks.Output;
using Sevenspot.Checks.Flow;
using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

public sealed class CheckRunnerTests
{
    private static readonly ToolInfo s_tool = new("sevenspot", "0.0.0-test");

    private static List<string> AllFixtures() =>
        [.. Directory.GetFiles(RepositoryPaths.Fixtures, "*.c", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Fact]
    public void TheReportIsTheSameForAnyNumberOfWorkers()
    {
        var options = new CheckOptions { FlowGraphs = ControlFlowViewProvider.Instance };
        var files = AllFixtures();
        string one = SarifWriter.Write(new CheckRunner(BundledChecks.All, options).Run(files, 1), s_tool);
        string four = SarifWriter.Write(new CheckRunner(BundledChecks.All, options).Run(files, 4), s_tool);
        Assert.Equal(one, four);

        // Reversed input order, too: findings are ordered by path and position, not by arrival.
        var reversed = new CheckRunner(BundledChecks.All, options).Run([.. Enumerable.Reverse(files)], 2);
        Assert.Equal(one, SarifWriter.Write(reversed, s_tool));
    }

    [Fact]
    public void FindingsAreOrderedByPathThenPosition()
    {
        var report = new CheckRunner(BundledChecks.All.Where(c => !c.NeedsFlowGraphs)).Run(AllFixtures(), 2);
        var sorted = report.Findings.ToList();
        sorted.Sort(Finding.Compare);
        Assert.Equal(sorted, report.Findings);
        Assert.NotEmpty(report.Findings);
    }

    [Fact]
    public void AFileWithParseErrorsIsCheckedWhereItParsedAndTheReportSaysWhatWasSkipped()
    {
        var runner = new CheckRunner([new BitandPrecedenceCheck()]);
        var text = SourceText.FromString("odd.c", "int broken(int a) { return a +* ; }\nint fine(int m) { return !m & 0x4; }\n");
        var report = runner.Complete([runner.AnalyzeText(text)]);
        Assert.Equal(2, Assert.Single(report.Findings).Location.Start.Line);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(("odd.c", 1), (skipped.Path, skipped.Line));
        Assert.Contains("function broken did not parse", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsSkippedNotFatal()
    {
        var runner = new CheckRunner([new KzallocCheck()]);
        var report = runner.Run(["/nonexistent/sevenspot/file.c"], 1);
        Assert.Empty(report.Findings);
        Assert.Contains("cannot read", Assert.Single(report.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatTakesTooLongIsSkippedWithTheTimeout()
    {
        var runner = new CheckRunner([new BitandPrecedenceCheck()], new CheckOptions { FileTimeout = TimeSpan.Zero });
        var report = runner.Complete([runner.AnalyzeText(SourceText.FromString("slow.c", "int f(int m) { return !m & 0x4; }\n"))]);
        Assert.Empty(report.Findings);
        Assert.Equal("timeout on slow.c after 0 seconds", Assert.Single(report.Skipped).Reason);
    }

    [Fact]
    public void ACheckThatFailsIsReportedAndTheOthersGoOn()
    {
        var runner = new CheckRunner([new ThrowingCheck(), new BitandPrecedenceCheck()]);
        var report = runner.Complete([runner.AnalyzeText(SourceText.FromString("t.c", "int f(int m) { return !m & 0x4; }\n"))]);
        Assert.Single(report.Findings);
        Assert.Contains("check zz-throws failed here (InvalidOperationException in ThrowingCheck.Analyze", Assert.Single(report.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChecksThatNeedGraphsAreRefusedWithoutAProvider()
    {
        var check = BundledChecks.Find("sleep-in-atomic")!;
        Assert.False(CheckRunner.CanRun(check, CheckOptions.Default));
        Assert.Throws<ArgumentException>(() => new CheckRunner([check]));
    }

    [Fact]
    public void TreeCheckFindingsShowTheirCode()
    {
        var options = new CheckOptions { FlowGraphs = ControlFlowViewProvider.Instance };
        string path = Path.Combine(RepositoryPaths.Fixtures, "sleep-in-atomic", "pos-callee-chain.c");
        var report = new CheckRunner([BundledChecks.Find("sleep-in-atomic")!], options).Run([path], 1);
        var finding = Assert.Single(report.Findings);
        Assert.Contains("ring_resize(r);", finding.Location.Snippet, StringComparison.Ordinal);
        Assert.All(finding.Flows.Single().Steps, s => Assert.NotEmpty(s.Location.Snippet));
    }

    private sealed class ThrowingCheck : FileCheck
    {
        private static readonly CheckDescriptor s_descriptor = new("zz-throws", "Throws", "A check with a bug.", CheckSeverity.Note, "None.");

        public override CheckDescriptor Descriptor => s_descriptor;

        public override void Analyze(FileContext file, FindingSink sink) => throw new InvalidOperationException("boom");
    }
}
