using System.Runtime.InteropServices;

namespace Sevenspot.Engine.Ctl;

internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    private readonly Dictionary<long, BindingSet?> _conjMemo = new(IdPairComparer.Instance);
    private readonly Dictionary<long, BindingSet?> _conjNoneMemo = new(IdPairComparer.Instance);
    private readonly Dictionary<long, WitnessSet> _witnessUnionMemo = new(IdPairComparer.Instance);
    private readonly List<long> _keyScratch = [];
    private readonly List<int> _idScratch = [];

    private static long PairKey(int x, int y) => ((long)x << 32) | (uint)y;

    /// <summary>
    /// Coccinelle's <c>conj_subst</c>: the substitution satisfying both, or null when they contradict.
    /// Per variable bound on both sides, every pair of bindings is merged: two positive bindings need
    /// compatible values, a positive and a negative one need different values (the positive one stays),
    /// and negative bindings accumulate.
    /// </summary>
    private BindingSet? ConjBindings(BindingSet x, BindingSet y)
    {
        if (x.IsEmpty || ReferenceEquals(x, y))
            return y;
        if (y.IsEmpty)
            return x;
        var key = PairKey(x.Id, y.Id);
        if (_conjMemo.TryGetValue(key, out var cached))
            return cached;
        var result = MergeBindings(x.Keys, y.Keys, rightMustBeCovered: false);
        _conjMemo.Add(key, result);
        return result;
    }

    /// <summary>
    /// Coccinelle's <c>conj_subst_none</c> (for HackForStmt): like <see cref="ConjBindings"/>, but every variable
    /// of <paramref name="y"/> must also be bound in <paramref name="x"/>.
    /// </summary>
    private BindingSet? ConjBindingsCovered(BindingSet x, BindingSet y)
    {
        if (y.IsEmpty)
            return x;
        if (x.IsEmpty)
            return null;
        var key = PairKey(x.Id, y.Id);
        if (_conjNoneMemo.TryGetValue(key, out var cached))
            return cached;
        var result = MergeBindings(x.Keys, y.Keys, rightMustBeCovered: true);
        _conjNoneMemo.Add(key, result);
        return result;
    }

    private BindingSet? MergeBindings(ReadOnlySpan<long> x, ReadOnlySpan<long> y, bool rightMustBeCovered)
    {
        var output = _keyScratch;
        output.Clear();
        int i = 0, j = 0;
        while (i < x.Length || j < y.Length)
        {
            if (j == y.Length)
            {
                AddRange(output, x[i..]);
                break;
            }
            if (i == x.Length)
            {
                if (rightMustBeCovered)
                    return null;
                AddRange(output, y[j..]);
                break;
            }
            var vx = BindingKey.Variable(x[i]);
            var vy = BindingKey.Variable(y[j]);
            var iEnd = GroupEnd(x, i);
            var jEnd = GroupEnd(y, j);
            if (vx < vy)
            {
                AddRange(output, x[i..iEnd]);
                i = iEnd;
            }
            else if (vx > vy)
            {
                if (rightMustBeCovered)
                    return null;
                AddRange(output, y[j..jEnd]);
                j = jEnd;
            }
            else
            {
                foreach (var a in x[i..iEnd])
                {
                    foreach (var b in y[j..jEnd])
                    {
                        if (!MergeBinding(a, b, output))
                            return null;
                    }
                }
                i = iEnd;
                j = jEnd;
            }
        }
        return InternCleaned(output);
    }

    private static void AddRange(List<long> output, ReadOnlySpan<long> keys)
    {
        foreach (var k in keys)
            output.Add(k);
    }

    private static int GroupEnd(ReadOnlySpan<long> keys, int start)
    {
        var variable = BindingKey.Variable(keys[start]);
        var end = start + 1;
        while (end < keys.Length && BindingKey.Variable(keys[end]) == variable)
            end++;
        return end;
    }

    /// <summary>Coccinelle's <c>merge_sub</c> for two bindings of the same variable.</summary>
    private bool MergeBinding(long a, long b, List<long> output)
    {
        var negA = BindingKey.IsNegative(a);
        var negB = BindingKey.IsNegative(b);
        var va = BindingKey.Value(a);
        var vb = BindingKey.Value(b);
        switch (negA, negB)
        {
            case (false, false):
                if (va == vb)
                    output.Add(a);
                else if (Compatible(va, vb))
                    output.Add(BindingKey.Make(BindingKey.Variable(a), MergeValues(va, vb), negative: false));
                else
                    return false;
                return true;
            case (true, false):
                if (Compatible(va, vb))
                    return false;
                output.Add(b);
                return true;
            case (false, true):
                if (Compatible(va, vb))
                    return false;
                output.Add(a);
                return true;
            default:
                // Two negative bindings: both constraints stay (one, if they are the same).
                output.Add(a);
                if (va != vb)
                    output.Add(b);
                return true;
        }
    }

    /// <summary>
    /// Coccinelle's <c>clean_subst</c>: sorts, removes duplicates, and drops the negative bindings of a
    /// variable that also has a positive binding (which already implies them). Then interns.
    /// </summary>
    private BindingSet InternCleaned(List<long> keys)
    {
        var span = CollectionsMarshal.AsSpan(keys);
        span.Sort();
        var n = 0;
        var positiveVariable = -1;
        for (var i = 0; i < span.Length; i++)
        {
            var k = span[i];
            if (n > 0 && span[n - 1] == k)
                continue;
            var variable = BindingKey.Variable(k);
            if (BindingKey.IsNegative(k))
            {
                if (variable == positiveVariable)
                    continue;
            }
            else
            {
                positiveVariable = variable;
            }
            span[n++] = k;
        }
        return _tables.Bindings(span[..n]);
    }

    /// <summary>
    /// Coccinelle's <c>union_wit</c>: the union of two witness sets, keeping only the negated witnesses
    /// when there are any.
    /// </summary>
    private WitnessSet UnionWitnesses(WitnessSet x, WitnessSet y)
    {
        if (ReferenceEquals(x, y) || y.IsEmpty)
            return x;
        if (x.IsEmpty)
            return y;
        var key = PairKey(x.Id, y.Id);
        if (_witnessUnionMemo.TryGetValue(key, out var cached))
            return cached;
        var anyNegated = x.AnyNegated || y.AnyNegated;
        var ids = _idScratch;
        ids.Clear();
        int i = 0, j = 0;
        var a = x.Items;
        var b = y.Items;
        while (i < a.Length || j < b.Length)
        {
            WitnessNode next;
            if (j == b.Length || (i < a.Length && a[i].Id < b[j].Id))
                next = a[i++];
            else if (i == a.Length || b[j].Id < a[i].Id)
                next = b[j++];
            else
            {
                next = a[i++];
                j++;
            }
            if (!anyNegated || next.IsNegated)
                ids.Add(next.Id);
        }
        var result = _tables.Witnesses(CollectionsMarshal.AsSpan(ids));
        _witnessUnionMemo.Add(key, result);
        return result;
    }
}
