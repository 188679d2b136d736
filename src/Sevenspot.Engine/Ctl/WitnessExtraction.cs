namespace Sevenspot.Engine.Ctl;

/// <summary>
/// A state to transform (or, for <c>UnModif</c>, to record): the predicate matched there and the environment
/// collected from the witnesses above it in the tree, innermost binding first.
/// </summary>
public sealed record TransformationEntry<TPred, TValue>(int State, IReadOnlyList<MetavariableBinding<TValue>> Environment, TPred Predicate)
{
    public override string ToString() => $"{State}: {Predicate} [{string.Join("; ", Environment)}]";
}

/// <summary>What one satisfying triple means for the caller.</summary>
public sealed class MatchInfo<TPred, TValue>
{
    internal MatchInfo(
        Triple<TPred, TValue> triple,
        IReadOnlyList<TransformationEntry<TPred, TValue>> transformations,
        IReadOnlyList<TransformationEntry<TPred, TValue>> leaves,
        IReadOnlyList<MetavariableBinding<TValue>> usedAfter)
    {
        Triple = triple;
        Transformations = transformations;
        Leaves = leaves;
        UsedAfter = usedAfter;
    }

    public Triple<TPred, TValue> Triple { get; }

    /// <summary>The <c>Modif</c> leaves: the states to transform.</summary>
    public IReadOnlyList<TransformationEntry<TPred, TValue>> Transformations { get; }

    /// <summary>The <c>Modif</c> and <c>UnModif</c> leaves: every recorded state, with its environment.</summary>
    public IReadOnlyList<TransformationEntry<TPred, TValue>> Leaves { get; }

    /// <summary>For each used-after variable, in the order asked, the distinct values it has in the leaves' environments.</summary>
    public IReadOnlyList<MetavariableBinding<TValue>> UsedAfter { get; }
}

/// <summary>
/// Reads witness trees the way Coccinelle's <c>wrapper_ctl.ml</c> does (<c>unwrap_wits</c>, <c>collect_used_after</c>).
/// A witness whose substitution is exactly one binding of a variable to a <c>Modif</c> (or <c>UnModif</c>) predicate is
/// a leaf: it yields an entry with the model values bound by the witnesses on the path from the root. Negated
/// witnesses are ignored, and so is the triple's own substitution.
/// </summary>
public static class WitnessExtraction
{
    /// <param name="valueComparer">Decides which values of a used-after variable are the same (compatibility, as Coccinelle's <c>eq_val</c>); plain equality by default.</param>
    public static MatchInfo<TPred, TValue> Extract<TPred, TValue>(
        Triple<TPred, TValue> triple, IReadOnlyCollection<string> usedAfter, IBindingValueComparer<TValue>? valueComparer = null)
    {
        var transformations = Unwrap(triple.Witnesses, modifOnly: true);
        var leaves = Unwrap(triple.Witnesses, modifOnly: false);
        return new MatchInfo<TPred, TValue>(triple, transformations, leaves, CollectUsedAfter(usedAfter, leaves, valueComparer));
    }

    /// <summary>The leaves of the witness trees; with <paramref name="modifOnly"/>, only the <c>Modif</c> ones.</summary>
    public static IReadOnlyList<TransformationEntry<TPred, TValue>> Unwrap<TPred, TValue>(IReadOnlyList<Witness<TPred, TValue>> witnesses, bool modifOnly)
    {
        var result = new List<TransformationEntry<TPred, TValue>>();
        var environment = new List<MetavariableBinding<TValue>>();
        foreach (var w in witnesses)
            Unwrap(w, modifOnly, environment, result);
        return result;
    }

    private static void Unwrap<TPred, TValue>(
        Witness<TPred, TValue> witness, bool modifOnly, List<MetavariableBinding<TValue>> outer, List<TransformationEntry<TPred, TValue>> result)
    {
        if (witness is not Wit<TPred, TValue> wit)
            return;
        if (wit.Substitution.Count == 1 && wit.Substitution[0] is { IsNegative: false } only && only.Value.Kind != BindingValueKind.Value
            && (only.Value.Kind == BindingValueKind.Modif || !modifOnly))
        {
            if (wit.Children.Count != 0)
                throw new InvalidOperationException("A predicate witness should have no children.");
            result.Add(new TransformationEntry<TPred, TValue>(wit.State, [.. outer], only.Value.Predicate));
            return;
        }
        var inner = new List<MetavariableBinding<TValue>>(outer.Count + wit.Substitution.Count);
        foreach (var binding in wit.Substitution)
        {
            if (!binding.IsNegative && binding.Value.Kind == BindingValueKind.Value)
                inner.Add(new MetavariableBinding<TValue>(binding.Variable, binding.Value.Value));
        }
        inner.AddRange(outer);
        foreach (var child in wit.Children)
            Unwrap(child, modifOnly, inner, result);
    }

    /// <summary>For each variable of <paramref name="usedAfter"/>, the distinct values it has in the environments of <paramref name="leaves"/>.</summary>
    public static IReadOnlyList<MetavariableBinding<TValue>> CollectUsedAfter<TPred, TValue>(
        IReadOnlyCollection<string> usedAfter, IReadOnlyList<TransformationEntry<TPred, TValue>> leaves, IBindingValueComparer<TValue>? valueComparer = null)
    {
        valueComparer ??= BindingValueComparer<TValue>.Default;
        var result = new List<MetavariableBinding<TValue>>();
        foreach (var variable in usedAfter)
        {
            var start = result.Count;
            foreach (var leaf in leaves)
            {
                foreach (var binding in leaf.Environment)
                {
                    if (binding.Name != variable)
                        continue;
                    var seen = false;
                    for (var i = start; i < result.Count; i++)
                    {
                        if (valueComparer.AreCompatible(result[i].Value, binding.Value))
                        {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen)
                        result.Add(binding);
                    break; // the innermost binding of the variable in this environment
                }
            }
        }
        return result;
    }
}
