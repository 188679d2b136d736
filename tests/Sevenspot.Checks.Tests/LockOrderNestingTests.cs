using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Output;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// lock-order says what the two lock expressions show: a fixed order (pos-fixed-*: a warning,
/// lockdep's recursion report), two interchangeable instances (pos-interchangeable-*: an error,
/// lockdep's report and the ABBA condition) or the same lock again (an error, a deadlock). The rule id stays
/// lock-order in every output; severity, level and message vary.
/// </summary>
public sealed class LockOrderNestingTests
{
    private static readonly CheckOptions s_options = new() { FlowGraphs = ControlFlowViewProvider.Instance };

    public static TheoryData<string, CheckSeverity, string> Cases => new()
    {
        { "pos-fixed-two-members.c", CheckSeverity.Warning, "the order is fixed here (c->pll_a, then c->pll_b), no deadlock by itself" },
        { "pos-fixed-constant-indices.c", CheckSeverity.Warning, "the order is fixed here (ad->port[1], then ad->port[2])" },
        { "pos-fixed-named-port.c", CheckSeverity.Warning, "the order is fixed here (port->dev->ctrl_port, then port)" },
        { "pos-fixed-next-in-chain.c", CheckSeverity.Warning, "the order is fixed here (s, then s->next)" },
        { "pos-interchangeable-parameters.c", CheckSeverity.Error, "lockdep: possible recursive locking; rcq and scq are interchangeable here" },
        { "pos-interchangeable-variable-indices.c", CheckSeverity.Error, "lockdep: possible recursive locking; slots[i] and slots[j] are interchangeable here" },
        { "pos-interchangeable-lookup.c", CheckSeverity.Error, "lockdep: possible recursive locking; node and rnode_find(name) are interchangeable here" },
        { "pos-same-class-nesting.c", CheckSeverity.Error, "lockdep: possible recursive locking; from and to are interchangeable here" },
        { "pos-global-lock-twice.c", CheckSeverity.Error, "the same lock (cfg_mutex) taken again waits for itself: deadlock" },
        { "pos-callee-keeps-lock.c", CheckSeverity.Error, "the same lock (p->lock) taken again waits for itself: deadlock" },
        { "pos-interchangeable-stepped-pointer.c", CheckSeverity.Error, "lockdep: possible recursive locking; s->lock and s->lock are interchangeable here" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SeverityAndWordingFollowTheLockExpressions(string name, CheckSeverity severity, string wording)
    {
        var report = FixtureHarness.Run(BundledChecks.Find("lock-order")!, "lock-order", name, s_options);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("lock-order", finding.CheckId);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(wording, finding.Message, StringComparison.Ordinal);
        Assert.Contains("_nested annotation", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonAndSarifCarryTheFindingsSeverityUnderOneRule()
    {
        var check = BundledChecks.Find("lock-order")!;
        var fixedOrder = FixtureHarness.Run(check, "lock-order", "pos-fixed-two-members.c", s_options);
        var json = JsonReportWriter.Read(JsonReportWriter.Write(fixedOrder, new ToolInfo("sevenspot", "test")));
        var finding = Assert.Single(json.Findings);
        Assert.Equal("lock-order", finding.Check);
        Assert.Equal("warning", finding.Severity);

        var sarif = SarifWriter.Read(SarifWriter.Write(fixedOrder, new ToolInfo("sevenspot", "test")));
        var run = Assert.Single(sarif.Runs);
        var result = Assert.Single(run.Results!);
        Assert.Equal("lock-order", result.RuleId);
        Assert.Equal("warning", result.Level);
        var rule = Assert.Single(run.Tool.Driver.Rules!, r => r.Id == "lock-order");
        Assert.Equal("error", rule.DefaultConfiguration!.Level);

        var interchangeable = FixtureHarness.Run(check, "lock-order", "pos-interchangeable-parameters.c", s_options);
        Assert.Equal("error", Assert.Single(JsonReportWriter.Read(JsonReportWriter.Write(interchangeable, new ToolInfo("sevenspot", "test"))).Findings).Severity);
    }
}
