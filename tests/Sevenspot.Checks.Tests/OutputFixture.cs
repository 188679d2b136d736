using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// The report the output tests write in every format: the syntactic checks run on
/// Fixtures/output, plus a lock-order-cycles finding with two acquisition paths, a sleep-in-atomic
/// finding with a call chain and a lock-order graph with a cycle, made by hand on the same
/// files so that related locations, code flows and the graph have golden files before the
/// path-sensitive checks produce them.
/// </summary>
internal static class OutputFixture
{
    public const string Directory = "drivers/widget";

    public static string Folder => Path.Combine(RepositoryPaths.Fixtures, "output");

    public static CheckReport Create(int jobs = 1)
    {
        var texts = new[] { "widget.c", "broken.c" }
            .Select(name => new SourceText($"{Directory}/{name}", File.ReadAllBytes(Path.Combine(Folder, name))))
            .ToDictionary(t => Path.GetFileName(t.Path));
        var runner = new CheckRunner(BundledChecks.All.Where(c => !c.NeedsFlowGraphs));
        var analyses = RunParallel(texts.Values.ToList(), jobs, runner.AnalyzeText);
        var report = runner.Complete(analyses);

        var widget = texts["widget.c"];
        var heldSpin = Locate(widget, 44, "spin_lock(&w->lock)");
        var takenMutex = Locate(widget, 45, "mutex_lock(&w->mutex)");
        var heldMutex = Locate(widget, 53, "mutex_lock(&w->mutex)");
        var takenSpin = Locate(widget, 54, "spin_lock(&w->lock)");
        var lockOrder = new Finding(
            CheckDescriptors.LockOrderCycles,
            takenSpin,
            "struct widget.lock and struct widget.mutex are taken in both orders: widget_reset takes the mutex under the lock, widget_sync the lock under the mutex",
            [new RelatedLocation(heldSpin, "struct widget.lock held here"), new RelatedLocation(takenMutex, "then struct widget.mutex taken here")],
            [
                new CodeFlow("struct widget.lock, then struct widget.mutex (widget_reset)", [new CodeFlowStep(heldSpin, "struct widget.lock taken"), new CodeFlowStep(takenMutex, "struct widget.mutex taken while held")]),
                new CodeFlow("struct widget.mutex, then struct widget.lock (widget_sync)", [new CodeFlowStep(heldMutex, "struct widget.mutex taken"), new CodeFlowStep(takenSpin, "struct widget.lock taken while held")]),
            ]);
        var sleep = new Finding(
            CheckDescriptors.SleepInAtomic,
            takenMutex,
            "mutex_lock() may sleep (it takes a sleeping lock), called under spin_lock(&w->lock) taken at line 44",
            [new RelatedLocation(heldSpin, "atomic section starts here")],
            [new CodeFlow("widget_reset → mutex_lock", [new CodeFlowStep(heldSpin, "spin_lock(&w->lock): atomic from here"), new CodeFlowStep(takenMutex, "mutex_lock() sleeps", 0)])]);

        var graph = new LockOrderGraph(
            [new LockClassNode("struct widget.lock", "spin"), new LockClassNode("struct widget.mutex", "mutex"), new LockClassNode("rtnl_mutex", "mutex")],
            [
                new LockOrderEdge(0, 1, [new LockAcquisition("widget_reset", heldSpin, takenMutex, [])]),
                new LockOrderEdge(1, 0, [new LockAcquisition("widget_sync", heldMutex, takenSpin, [])]),
                new LockOrderEdge(2, 1, [new LockAcquisition("widget_sync", heldMutex, takenMutex, [new CodeFlowStep(takenMutex, "via widget_sync")])]),
            ]);

        var findings = report.Findings.Append(lockOrder).Append(sleep).ToList();
        findings.Sort(Finding.Compare);
        var checks = report.Checks.Append(CheckDescriptors.LockOrderCycles).Append(CheckDescriptors.SleepInAtomic).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        return new CheckReport(checks, findings, report.Skipped, report.Files, report.Functions, graph);
    }

    public static SourceLocation Locate(SourceText text, int line, string code)
    {
        int start = text.GetLineStart(line);
        int column = text.GetLineText(line).IndexOf(code, StringComparison.Ordinal);
        Assert.True(column >= 0, $"'{code}' is not on line {line} of {text.Path}");
        return SourceLocation.From(text, new TextSpan(start + column, code.Length));
    }

    private static List<FileAnalysis> RunParallel(List<SourceText> texts, int jobs, Func<SourceText, FileAnalysis> work)
    {
        var results = new FileAnalysis[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i => results[i] = work(texts[i]));
        return [.. results];
    }
}
