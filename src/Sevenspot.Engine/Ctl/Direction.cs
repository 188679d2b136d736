namespace Sevenspot.Engine.Ctl;

/// <summary>The direction in which a path operator follows the edges of the model.</summary>
public enum Direction
{
    /// <summary>Along the edges, toward the end of the function (the usual reading of AX, AU, ...).</summary>
    Forward,

    /// <summary>Against the edges, toward the start of the function (printed with a <c>^</c>).</summary>
    Backward,
}

/// <summary>
/// Whether a failed conjunction or universal step is reported as a partial match.
/// Strictness only changes results when <see cref="CheckOptions.PartialMatch"/> is on.
/// </summary>
public enum Strictness
{
    NonStrict,
    Strict,
}
