using System.Collections;

namespace Sevenspot.Engine.Ctl;

/// <summary>The answer of a model check: the satisfying triples, sorted by state.</summary>
public sealed class CheckResult<TPred, TValue> : IReadOnlyList<Triple<TPred, TValue>>
{
    private readonly IReadOnlyList<Triple<TPred, TValue>> _triples;

    internal CheckResult(IReadOnlyList<Triple<TPred, TValue>> triples, IReadOnlyList<Triple<TPred, TValue>> partialMatches)
    {
        _triples = triples;
        PartialMatches = partialMatches;
    }

    public int Count => _triples.Count;

    public Triple<TPred, TValue> this[int index] => _triples[index];

    /// <summary>
    /// With <see cref="CheckOptions.PartialMatch"/>, the triples left out of the answer because they carry
    /// negated witnesses (what spatch prints as "partial matches"); empty otherwise.
    /// </summary>
    public IReadOnlyList<Triple<TPred, TValue>> PartialMatches { get; }

    /// <summary>Whether the formula holds anywhere (Coccinelle's "returned any states").</summary>
    public bool IsMatch => _triples.Count > 0;

    /// <summary>
    /// What the caller of the checker needs from each triple, as Coccinelle's <c>satbis</c> extracts it: the states to
    /// transform and the values of the variables used after the rule.
    /// </summary>
    /// <param name="usedAfter">The variables whose values later rules need.</param>
    /// <param name="valueComparer">Decides which values of a used-after variable are the same (the model's, usually).</param>
    public IReadOnlyList<MatchInfo<TPred, TValue>> Matches(IReadOnlyCollection<string> usedAfter, IBindingValueComparer<TValue>? valueComparer = null)
    {
        var result = new MatchInfo<TPred, TValue>[_triples.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = WitnessExtraction.Extract(_triples[i], usedAfter, valueComparer);
        return result;
    }

    public IEnumerator<Triple<TPred, TValue>> GetEnumerator() => _triples.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One triple per line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, _triples);
}
