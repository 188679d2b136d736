namespace Sevenspot.Engine.Ctl;

/// <summary>Options of one model check.</summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    /// <summary>
    /// Coccinelle's <c>--partial-match</c>: strict operators also return, as negated witnesses, the places
    /// where one side holds and the other does not; the final answer drops triples with negated witnesses.
    /// Off by default, as in spatch.
    /// </summary>
    public bool PartialMatch { get; init; }

    /// <summary>Checked in every fixpoint iteration, so that a caller can bound the time spent on one function.</summary>
    public CancellationToken CancellationToken { get; init; }
}
