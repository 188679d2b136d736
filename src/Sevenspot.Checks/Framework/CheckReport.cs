namespace Sevenspot.Checks;

/// <summary>
/// The result of a run: the checks that ran, every finding ordered by file path then position
/// (the same for any number of workers), what was skipped, and the lock-order graph when that
/// check ran.
/// </summary>
public sealed class CheckReport
{
    public CheckReport(
        IReadOnlyList<CheckDescriptor> checks,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<SkippedItem> skipped,
        int files,
        int functions,
        LockOrderGraph? lockOrder = null)
    {
        Checks = checks;
        Findings = findings;
        Skipped = skipped;
        Files = files;
        Functions = functions;
        LockOrder = lockOrder;
    }

    public IReadOnlyList<CheckDescriptor> Checks { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<SkippedItem> Skipped { get; }

    /// <summary>
    /// How many times a check threw (on a file or on the whole tree): each is a bug of the check,
    /// and its findings there are missing, so a run with any is not a clean run.
    /// </summary>
    public int CheckFailures => Count(SkipKind.CheckFailure);

    /// <summary>The skipped items of one kind.</summary>
    public int Count(SkipKind kind)
    {
        int n = 0;
        foreach (var item in Skipped)
        {
            n += item.Kind == kind ? 1 : 0;
        }

        return n;
    }

    public int Files { get; }

    public int Functions { get; }

    public LockOrderGraph? LockOrder { get; }

    /// <summary>Findings per check id, every check that ran included, in check order.</summary>
    public IReadOnlyList<(CheckDescriptor Check, int Count)> CountByCheck()
    {
        var counts = new List<(CheckDescriptor, int)>();
        foreach (var check in Checks)
        {
            int n = 0;
            foreach (var f in Findings)
            {
                if (ReferenceEquals(f.Check, check) || f.CheckId == check.Id)
                {
                    n++;
                }
            }

            counts.Add((check, n));
        }

        return counts;
    }
}
