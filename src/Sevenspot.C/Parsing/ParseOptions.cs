namespace Sevenspot.C;

/// <summary>Settings of one parse.</summary>
public sealed record ParseOptions
{
    public static readonly ParseOptions Default = new();

    /// <summary>Macro knowledge; the built-in kernel table unless macro files were given.</summary>
    public MacroTable Macros { get; init; } = MacroTable.Builtin;

    /// <summary>
    /// Deepest nesting of statements and expressions the parser follows; deeper code becomes an
    /// error node. Real code stays far below; the limit protects the stack from hostile input.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Retry functions that fail to parse with only the first branch of each #if.</summary>
    public bool RetryWithConditionalBranches { get; init; } = true;

    /// <summary>
    /// Which function bodies at file level are read; null reads them all. A body it rules out that
    /// the file's other code could depend on (a typedef in it, a name the file also writes as
    /// sizeof(name) or in a #define) is read all the same, so the rest of the tree is the same either way.
    /// </summary>
    public FunctionBodyFilter? BodyFilter { get; init; }

    /// <summary>Stops a parse that runs too long (per-file timeouts); the parser then throws OperationCanceledException.</summary>
    public CancellationToken CancellationToken { get; init; }
}
