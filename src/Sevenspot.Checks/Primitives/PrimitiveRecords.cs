namespace Sevenspot.Checks.Primitives;

/// <summary>A function that may sleep (sleeping.txt).</summary>
public sealed record SleepingFunction(string Name, SleepReason Reason);

/// <summary>
/// An allocation function (allocators.txt). Argument positions are -1 when absent;
/// <see cref="SizeFactorArgument"/> is the second factor of a count-times-size allocation.
/// </summary>
public sealed record Allocator(
    string Name,
    int GfpArgument,
    int SizeArgument,
    int SizeFactorArgument,
    string? ZeroingVariant,
    bool Zeroes,
    bool AlwaysSleeps);

/// <summary>
/// An acquire function and its release (locks.txt). The release names its lock with the same
/// argument as the acquire, unless <paramref name="UnlockArgument"/> says otherwise
/// (<c>pte_unmap_unlock(pte, ptl)</c> releases its second argument). <paramref name="Waits"/>
/// marks a conditional acquire that waits for the lock when it takes it (refcount_dec_and_lock
/// spins on the lock when the count reaches zero), unlike a trylock: it orders the locks held around it.
/// </summary>
public sealed record LockPrimitive(
    string Acquire,
    string Release,
    LockKind Kind,
    int LockArgument,
    int BitArgument,
    string? FixedClass,
    SuccessTest Success,
    bool Nested,
    int UnlockArgument = -1,
    string? SectionRelease = null,
    bool Waits = false)
{
    /// <summary>The argument of the release that names the lock.</summary>
    public int ReleaseArgument => UnlockArgument >= 0 ? UnlockArgument : LockArgument;

    /// <summary>
    /// The release that names the section of a lock without an argument: the first release
    /// listed for the acquire, so that every release of one acquire ends the same section
    /// (preempt_enable_no_resched ends what preempt_disable began, as preempt_enable does).
    /// </summary>
    public string Section => SectionRelease ?? Release;
}

/// <summary>A list operation (lists.txt).</summary>
public sealed record ListOperation(string Name, ListOperationKind Kind, int EntryArgument, int FieldArgument);

/// <summary>
/// A reference count get and one of its puts (refcounts.txt). A lookup's <see cref="KeyArgument"/>
/// fixes <see cref="KeyField"/> of the object it returns (<c>pci_get_device(vendor, device, from)</c>
/// returns only a device whose <c>device</c> is its argument 1), or -1 and null.
/// </summary>
public sealed record RefcountPair(
    string Get,
    string Put,
    int ObjectArgument,
    bool Returns,
    SuccessTest Success,
    int ReleaseArgument,
    int KeyArgument = -1,
    string? KeyField = null);

/// <summary>A loop over tasks (task-iterators.txt), and what protects it: "rcu", lock classes, or "field:NAME".</summary>
public sealed record TaskIterator(string Name, TaskIteratorForm Form, string? End, IReadOnlyList<string> Needs)
{
    /// <summary>Whether a held lock is one of the walk's protections.</summary>
    public bool IsProtectedBy(Flow.HeldLock held)
    {
        foreach (string need in Needs)
        {
            if (Satisfies(need, held))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a held lock is the protection: "rcu", a lock class, or "field:NAME".</summary>
    public static bool Satisfies(string need, Flow.HeldLock held) =>
        need == "rcu" ? IsRcuReader(held)
        : need.StartsWith("field:", StringComparison.Ordinal) ? EndsWithField(held, need["field:".Length..])
        : held.Class == need || held.Key == need;

    /// <summary>
    /// Whether holding the lock is an RCU read-side section: rcu_read_lock, and every section that
    /// disables preemption or interrupts (spinlocks, rwlocks, bit spinlocks, bottom halves),
    /// which RCU waits for since its flavours were merged (Linux 4.20); on PREEMPT_RT, spinlock,
    /// local-lock and bottom-half sections take rcu_read_lock() themselves.
    /// </summary>
    public static bool IsRcuReader(Flow.HeldLock held) => held.Kind is { } kind && kind.IsAtomic();

    private static bool EndsWithField(Flow.HeldLock held, string field) =>
        held.Key.EndsWith("-> " + field, StringComparison.Ordinal) || held.Key.EndsWith(". " + field, StringComparison.Ordinal)
        || (held.Class?.EndsWith("." + field, StringComparison.Ordinal) ?? false);
}

/// <summary>A struct field that must be read under a lock (guarded-fields.txt).</summary>
public sealed record GuardedField(string Field, string Struct, string Lock);

/// <summary>An atomic bit operation (bitops.txt).</summary>
public sealed record BitOperation(string Name, BitOperationRole Role, bool Ordered, string? Fix);

/// <summary>A function that frees an object (frees.txt).</summary>
public sealed record FreeFunction(string Name, int ObjectArgument, bool Deferred);
