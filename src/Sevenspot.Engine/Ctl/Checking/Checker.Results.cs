namespace Sevenspot.Engine.Ctl;

internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    private readonly Dictionary<BindingSet, Substitution<TPred, TValue>> _publicSubstitutions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<WitnessNode, Witness<TPred, TValue>> _publicWitnesses = new(ReferenceEqualityComparer.Instance);

    /// <summary>The public form of a result, in the set's order (by state, then order of creation).</summary>
    public IReadOnlyList<Triple<TPred, TValue>> ToPublic(TripleSet triples)
    {
        var result = new Triple<TPred, TValue>[triples.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var t = triples[i];
            result[i] = new Triple<TPred, TValue>(t.State, ToPublic(t.Bindings), ToPublic(t.Witnesses));
        }
        return result;
    }

    private Substitution<TPred, TValue> ToPublic(BindingSet bindings)
    {
        if (bindings.IsEmpty)
            return Substitution<TPred, TValue>.Empty;
        if (_publicSubstitutions.TryGetValue(bindings, out var existing))
            return existing;
        var keys = bindings.Keys.ToArray();
        // Variable ids are in order of first use; the public form is sorted by name.
        Array.Sort(keys, (a, b) =>
        {
            var c = string.CompareOrdinal(_variables[BindingKey.Variable(a)], _variables[BindingKey.Variable(b)]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var items = new Binding<TPred, TValue>[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var entry = _values[BindingKey.Value(keys[i])];
            var value = entry.Kind == BindingValueKind.Value
                ? BindingValue<TPred, TValue>.FromValue(entry.Value)
                : BindingValue<TPred, TValue>.FromPredicate(entry.Kind, entry.Predicate);
            items[i] = new Binding<TPred, TValue>(_variables[BindingKey.Variable(keys[i])], value, BindingKey.IsNegative(keys[i]));
        }
        var created = new Substitution<TPred, TValue>(items);
        _publicSubstitutions.Add(bindings, created);
        return created;
    }

    private IReadOnlyList<Witness<TPred, TValue>> ToPublic(WitnessSet witnesses)
    {
        if (witnesses.IsEmpty)
            return [];
        var result = new Witness<TPred, TValue>[witnesses.Items.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = ToPublic(witnesses.Items[i]);
        return result;
    }

    private Witness<TPred, TValue> ToPublic(WitnessNode witness)
    {
        if (_publicWitnesses.TryGetValue(witness, out var existing))
            return existing;
        Witness<TPred, TValue> created = witness.NegatedInner is { } inner
            ? new NegWit<TPred, TValue>(ToPublic(inner))
            : new Wit<TPred, TValue>(witness.State, ToPublic(witness.Bindings), ToPublic(witness.Children));
        _publicWitnesses.Add(witness, created);
        return created;
    }
}
