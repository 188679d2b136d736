namespace Sevenspot.Checks;

/// <summary>A lock of a known class held (on every path) at some point.</summary>
public sealed record HeldClass(string Class, SourceLocation Location, string Text);

/// <summary>An unconditional acquire of a lock of known class, and the classes held when it runs.</summary>
public sealed record LockTaken(string Class, string Kind, SourceLocation Location, string Text, bool Nested, IReadOnlyList<HeldClass> Held);

/// <summary>A call to a function that is not a lock primitive, and the classes held when it runs.</summary>
public sealed record LockCallSite(string Callee, SourceLocation Location, IReadOnlyList<HeldClass> Held);

/// <summary>A function's acquisitions and calls, in source order.</summary>
public sealed record LockFunction(string Name, string Path, bool IsStatic, IReadOnlyList<LockTaken> Acquisitions, IReadOnlyList<LockCallSite> Calls);

/// <summary>The lock-order facts of one file.</summary>
public sealed record LockOrderFacts(IReadOnlyList<LockFunction> Functions);
