namespace Sevenspot.Checks;

/// <summary>A lock of a known class held (on every path) at some point; Atomic when holding it forbids sleeping (a spinlock, not a mutex).</summary>
public sealed record HeldClass(string Class, SourceLocation Location, string Text, bool Atomic);

/// <summary>
/// An unconditional acquire of a lock of known class, and the classes held when it runs;
/// <see cref="Nestings"/>: for each held lock of its own class, what the two lock expressions show.
/// </summary>
public sealed record LockTaken(string Class, string Kind, SourceLocation Location, string Text, bool Nested, IReadOnlyList<HeldClass> Held, IReadOnlyList<LockNesting> Nestings);

/// <summary>A call to a function that is not a lock primitive, and the classes held when it runs.</summary>
public readonly record struct LockCallSite(string Callee, SourceLocation Location, IReadOnlyList<HeldClass> Held);

/// <summary>
/// A function's acquisitions and calls, in source order. <see cref="DropsCallerLocks"/>: it
/// releases a lock it did not take itself (its caller's), so what it takes afterwards is not
/// nested in its caller's locks.
/// </summary>
public sealed record LockFunction(string Name, string Path, bool IsStatic, IReadOnlyList<LockTaken> Acquisitions, IReadOnlyList<LockCallSite> Calls, bool DropsCallerLocks);

/// <summary>
/// Where a lock of a class is initialised (spin_lock_init, mutex_init, init_rwsem, ...) or given
/// a class of its own (lockdep_set_class*): lockdep keys a lock's class by its init site, so one
/// struct field initialised at two places is two classes.
/// </summary>
public sealed record LockClassSite(string Class, SourceLocation Location, bool SetsClass);

/// <summary>The lock-order facts of one file.</summary>
public sealed record LockOrderFacts(IReadOnlyList<LockFunction> Functions, IReadOnlyList<LockClassSite> Sites);
