using System.Runtime.InteropServices;

namespace Sevenspot.Engine.Ctl;

/// <summary>
/// The environments a subformula's results will be conjoined with (Coccinelle's <c>required</c> with
/// <c>pREQUIRED_ENV_OPT</c>): a list of alternatives per enclosing conjunction. A label result that
/// contradicts every alternative of one of them can never survive the conjunctions above it, so the
/// labelling drops it early; without this, a metavariable bound by the left side of a conjunction
/// (the iterator's variable in "list_for_each_entry(x, ...) { <... x = E ...> }") is matched
/// everywhere on the right side with every value, and those bindings flow through the fixpoints.
/// </summary>
internal sealed class RequiredEnvironments
{
    public RequiredEnvironments(BindingSet[] alternatives, RequiredEnvironments? next)
    {
        Alternatives = alternatives;
        Next = next;
    }

    /// <summary>The substitutions one of which a result must be consistent with.</summary>
    public BindingSet[] Alternatives { get; }

    /// <summary>The requirements of the enclosing conjunctions, or null.</summary>
    public RequiredEnvironments? Next { get; }
}

internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    /// <summary>
    /// Coccinelle's <c>extend_required</c>: the requirements for the right side of a conjunction, given the
    /// results of its left side. They are merged into the innermost requirement while that stays small (its
    /// size plus five), else pushed as a new one; a left result with the empty substitution requires nothing.
    /// </summary>
    private RequiredEnvironments? ExtendRequired(TripleSet triples, RequiredEnvironments? required)
    {
        if (_partialMatch || triples.IsEmpty)
            return required;
        var envs = new List<BindingSet>();
        var seen = new HashSet<BindingSet>(ReferenceEqualityComparer.Instance);
        foreach (var t in triples.Items)
        {
            if (t.Bindings.IsEmpty)
                return required;
            if (seen.Add(t.Bindings))
                envs.Add(t.Bindings);
        }
        if (required is null)
            return new RequiredEnvironments([.. envs], null);
        var head = required.Alternatives;
        var limit = head.Length + 5;
        var merged = new List<BindingSet>();
        var mergedSeen = new HashSet<BindingSet>(ReferenceEqualityComparer.Instance);
        foreach (var t in envs)
        {
            foreach (var r in head)
            {
                if (ConjBindings(t, r) is not { } conj || !mergedSeen.Add(conj))
                    continue;
                if (merged.Count + 1 > limit)
                    return new RequiredEnvironments([.. envs], required);
                merged.Add(conj);
            }
        }
        return new RequiredEnvironments([.. merged], required.Next);
    }

    /// <summary>
    /// Coccinelle's <c>drop_required</c>: the requirements below a quantifier of <paramref name="variable"/>, which
    /// no longer constrain it; a requirement one of whose alternatives becomes empty constrains nothing.
    /// </summary>
    private RequiredEnvironments? DropRequired(string variable, RequiredEnvironments? required)
    {
        if (required is null)
            return null;
        var id = VariableId(variable);
        if (!AnyRequires(required, id))
            return required; // PERF: the same requirements, not rebuilt
        var kept = new List<BindingSet[]>();
        var alternatives = new List<BindingSet>();
        var seen = new HashSet<BindingSet>(ReferenceEqualityComparer.Instance);
        for (var r = required; r is not null; r = r.Next)
        {
            alternatives.Clear();
            seen.Clear();
            var useless = false;
            foreach (var env in r.Alternatives)
            {
                var dropped = WithoutVariable(env, id);
                if (dropped.IsEmpty)
                {
                    useless = true;
                    break;
                }
                if (seen.Add(dropped))
                    alternatives.Add(dropped);
            }
            if (!useless)
                kept.Add([.. alternatives]);
        }
        RequiredEnvironments? result = null;
        for (var i = kept.Count - 1; i >= 0; i--)
            result = new RequiredEnvironments(kept[i], result);
        return result;
    }

    private static bool AnyRequires(RequiredEnvironments required, int variable)
    {
        for (var r = required; r is not null; r = r.Next)
        {
            foreach (var env in r.Alternatives)
            {
                if (env.IsEmpty || Binds(env, variable))
                    return true;
            }
        }
        return false;
    }

    private BindingSet WithoutVariable(BindingSet env, int variable)
    {
        var keys = env.Keys;
        var found = false;
        foreach (var k in keys)
        {
            if (BindingKey.Variable(k) == variable)
            {
                found = true;
                break;
            }
        }
        if (!found)
            return env;
        var output = _keyScratch;
        output.Clear();
        foreach (var k in keys)
        {
            if (BindingKey.Variable(k) != variable)
                output.Add(k);
        }
        return _tables.Bindings(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output));
    }

    /// <summary>The label results consistent with some alternative of every requirement (<c>satLabel</c>'s filter).</summary>
    private TripleSet FilterRequired(TripleSet triples, RequiredEnvironments? required)
    {
        if (required is null || triples.IsEmpty)
            return triples;
        List<Triple>? kept = null;
        var items = triples.Items;
        for (var i = 0; i < items.Length; i++)
        {
            var ok = Satisfies(items[i].Bindings, required);
            if (!ok && kept is null)
            {
                kept = RentTriples();
                for (var j = 0; j < i; j++)
                    kept.Add(items[j]);
            }
            else if (ok && kept is not null)
            {
                kept.Add(items[i]);
            }
        }
        if (kept is null)
            return triples;
        var result = TripleSet.FromSorted(CollectionsMarshal.AsSpan(kept).ToArray());
        GiveBack(kept);
        return result;
    }

    private bool Satisfies(BindingSet bindings, RequiredEnvironments required)
    {
        for (var r = required; r is not null; r = r.Next)
        {
            var any = false;
            foreach (var env in r.Alternatives)
            {
                if (ConjBindings(bindings, env) is not null)
                {
                    any = true;
                    break;
                }
            }
            if (!any)
                return false;
        }
        return true;
    }
}
