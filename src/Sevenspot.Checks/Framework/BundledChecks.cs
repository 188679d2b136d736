namespace Sevenspot.Checks;

/// <summary>The checks Sevenspot ships, by id.</summary>
public static class BundledChecks
{
    /// <summary>Every bundled check, in id order; some need control-flow graphs (<see cref="Check.NeedsFlowGraphs"/>).</summary>
    public static IReadOnlyList<Check> All { get; } =
        [.. new Check[]
        {
            new BitandPrecedenceCheck(),
            new BitlockReleaseCheck(),
            new BitlockUnownedReleaseCheck(),
            new DoubleListRemovalCheck(),
            new FilesWithoutRefCheck(),
            new FreedWhileLinkedCheck(),
            new GuardedByCheck(),
            new KzallocCheck(),
            new LockOrderCheck(),
            new LockOrderCheck(reportCycles: true),
            new RefcountBalanceCheck(),
            new SleepInAtomicCheck(),
            new TasklistUnlockedCheck(),
        }.OrderBy(c => c.Descriptor.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The checks run when none is named: every bundled check but the opt-in ones, whose
    /// precision was not shown by an audit (they run only when named with --check).
    /// </summary>
    public static IReadOnlyList<Check> Default { get; } = [.. All.Where(c => !IsOptIn(c.Descriptor))];

    /// <summary>
    /// Whether a check runs only when named: lock-order-cycles (2 of 11 audited cycles were real)
    /// and guarded-by (no audited tree uses __guarded_by, so its precision is not shown).
    /// </summary>
    public static bool IsOptIn(CheckDescriptor descriptor) =>
        ReferenceEquals(descriptor, CheckDescriptors.LockOrderCycles) || ReferenceEquals(descriptor, CheckDescriptors.GuardedBy);

    public static Check? Find(string id)
    {
        foreach (var check in All)
        {
            if (check.Descriptor.Id == id)
            {
                return check;
            }
        }

        return null;
    }
}
