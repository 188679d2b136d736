namespace Sevenspot.Checks;

/// <summary>The atomic section a call is in: the acquire that began it.</summary>
public sealed record AtomicSection(string Text, SourceLocation Location);

/// <summary>
/// A call of a function, as sleep-in-atomic keeps it: who, where, whether it sleeps by itself,
/// in what section, and whether it is made on every path through the function (not under a
/// test that the caller's arguments or the object's state may never pass).
/// <see cref="UnlessDefined"/>: the call sits under <c>#ifdef</c> of a macro its file does not
/// define, and is compiled only if the tree defines it elsewhere (null for most calls).
/// <see cref="Boot"/>: set on a call in an atomic section that may run only in a boot-time call
/// of its function (null for most calls).
/// <see cref="Only"/>: set on a sleep that happens only under a test of a parameter of its
/// function (a flag selecting GFP_KERNEL); it counts for a caller whose literal argument passes
/// the test. <see cref="LiteralZero"/>, <see cref="LiteralNonZero"/>: for a call in an atomic
/// section, bit i set when argument i is a literal zero (false, NULL) or a non-zero literal (true).
/// </summary>
public sealed record SleepCall(string Callee, SourceLocation Location, string? DirectCause, AtomicSection? Atomic, bool OnEveryPath, string? UnlessDefined = null, BootOnly? Boot = null, ParameterTest? Only = null, uint LiteralZero = 0, uint LiteralNonZero = 0);

/// <summary>A test of a parameter of the function (by index): true when it is non-zero, or when it is zero.</summary>
public sealed record ParameterTest(int Index, bool NonZero);

/// <summary>
/// Why a section may run only while the kernel boots, if the function's callers agree.
/// <see cref="RunOnce"/>: it sits in <c>if (!done) { ...; done = ...; }</c> on a variable of the
/// file, so it runs in the function's first call only, which is a boot-time call when boot code
/// calls the function. <see cref="OptionOff"/>: it is compiled only without that kernel option,
/// so the callers that only a build with the option compiles do not exist for it.
/// </summary>
public sealed record BootOnly(bool RunOnce, string? OptionOff);

/// <summary>
/// A function definition and its calls in source order. <see cref="DropsCallerLocks"/>: it
/// releases a lock it did not take (or says so with __releases), so what it does after that
/// happens outside its caller's sections: its sleeps do not count against callers.
/// </summary>
public sealed record SleepFunction(string Name, string Path, bool IsStatic, IReadOnlyList<SleepCall> Calls, bool DropsCallerLocks);

/// <summary>The sleep-in-atomic facts of one file.</summary>
public sealed record SleepInAtomicFacts(IReadOnlyList<SleepFunction> Functions);
