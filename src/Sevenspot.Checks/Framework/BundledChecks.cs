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
            new DoubleListRemovalCheck(),
            new FilesWithoutRefCheck(),
            new FreedWhileLinkedCheck(),
            new KzallocCheck(),
            new LockOrderCheck(),
            new RefcountBalanceCheck(),
            new SleepInAtomicCheck(),
            new TasklistUnlockedCheck(),
        }.OrderBy(c => c.Descriptor.Id, StringComparer.Ordinal)];

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
