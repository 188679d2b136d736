using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// The path-sensitive checks against their fixtures, on the C front end's control-flow graph
/// (ControlFlowGraph.Build, seen through its <see cref="Sevenspot.C.Flow.ControlFlowView"/>).
/// </summary>
public sealed class FlowFixtureTests
{
    public static TheoryData<string> SleepInAtomic => FixtureHarness.Names("sleep-in-atomic");

    public static TheoryData<string> LockOrder => FixtureHarness.Names("lock-order");

    public static TheoryData<string> LockOrderCycles => FixtureHarness.Names("lock-order-cycles");

    public static TheoryData<string> TasklistUnlocked => FixtureHarness.Names("tasklist-unlocked");

    public static TheoryData<string> FilesWithoutRef => FixtureHarness.Names("files-without-ref");

    public static TheoryData<string> GuardedBy => FixtureHarness.Names("guarded-by");

    public static TheoryData<string> FreedWhileLinked => FixtureHarness.Names("freed-while-linked");

    public static TheoryData<string> DoubleListRemoval => FixtureHarness.Names("double-list-removal");

    public static TheoryData<string> RefcountBalance => FixtureHarness.Names("refcount-balance");

    public static TheoryData<string> BitlockRelease => FixtureHarness.Names("bitlock-release");

    public static TheoryData<string> BitlockUnownedRelease => FixtureHarness.Names("bitlock-unowned-release");

    /// <summary>The options the CLI uses too: graphs from the C front end.</summary>
    private static CheckOptions RealGraphOptions { get; } = new() { FlowGraphs = ControlFlowViewProvider.Instance };

    [Theory]
    [MemberData(nameof(BitlockRelease))]
    public void BitlockReleaseFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("bitlock-release")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(BitlockUnownedRelease))]
    public void BitlockUnownedReleaseFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("bitlock-unowned-release")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(SleepInAtomic))]
    public void SleepInAtomicFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("sleep-in-atomic")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(LockOrder))]
    public void LockOrderFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("lock-order")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(LockOrderCycles))]
    public void LockOrderCyclesFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("lock-order-cycles")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(TasklistUnlocked))]
    public void TasklistUnlockedFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("tasklist-unlocked")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(FilesWithoutRef))]
    public void FilesWithoutRefFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("files-without-ref")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(GuardedBy))]
    public void GuardedByFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("guarded-by")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(FreedWhileLinked))]
    public void FreedWhileLinkedFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("freed-while-linked")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(DoubleListRemoval))]
    public void DoubleListRemovalFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("double-list-removal")!, name, RealGraphOptions);

    [Theory]
    [MemberData(nameof(RefcountBalance))]
    public void RefcountBalanceFixture(string name) => FixtureHarness.Verify(BundledChecks.Find("refcount-balance")!, name, RealGraphOptions);
}
