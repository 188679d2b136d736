namespace Sevenspot.Engine.Ctl;

internal sealed partial class Checker<TPred, TValue>
    where TPred : notnull
{
    private readonly Dictionary<TPred, IReadOnlyList<LabelResult<TPred, TValue>>> _rawLabels = [];
    private readonly Dictionary<Formula<TPred>.Pred, TripleSet> _labels = [];

    /// <summary>The results of the enclosing <c>Let</c>s, innermost first.</summary>
    private sealed class LetBinding(string name, TripleSet value, LetBinding? next)
    {
        public TripleSet? Find(string wanted)
        {
            for (var b = this; b is not null; b = b.Next)
            {
                if (b.Name == wanted)
                    return b.Value;
            }
            return null;
        }

        private string Name { get; } = name;

        private TripleSet Value { get; } = value;

        private LetBinding? Next { get; } = next;
    }

    /// <summary>
    /// Coccinelle's <c>satloop</c>. <paramref name="required"/> is the set of states whose results the caller
    /// will look at (null: all); it bounds negation and the fixpoints, and every result is restricted to it.
    /// </summary>
    private TripleSet Sat(Formula<TPred> formula, bool isUnchecked, StateSet? required, RequiredEnvironments? envs, LetBinding? lets)
    {
        // PERF: nothing here captures a variable: a closure would be allocated on every call.
        TripleSet result;
        switch (formula)
        {
            case Formula<TPred>.False:
                result = TripleSet.Empty;
                break;
            case Formula<TPred>.True:
                result = required is null ? AllTop : required.PlainTriples;
                break;
            case Formula<TPred>.Pred p:
                result = FilterRequired(Label(p), envs);
                break;
            case Formula<TPred>.Uncheck u:
                result = Sat(u.Operand, isUnchecked: true, required, envs, lets);
                break;
            case Formula<TPred>.InnerAnd i:
                result = Sat(i.Operand, isUnchecked, required, envs, lets);
                break;
            case Formula<TPred>.Not n:
                result = Complement(Domain(required), Sat(n.Operand, isUnchecked, required, envs, lets));
                break;
            case Formula<TPred>.Or o:
                result = Union(Sat(o.Left, isUnchecked, required, envs, lets), Sat(o.Right, isUnchecked, required, envs, lets));
                break;
            case Formula<TPred>.SeqOr o:
                result = SatSeqOr(Sat(o.Left, isUnchecked, required, envs, lets), Sat(o.Right, isUnchecked, required, envs, lets), required);
                break;
            case Formula<TPred>.Implies i:
                result = Sat(Formula.Or(Formula.Not(i.Left), i.Right), isUnchecked, required, envs, lets);
                break;
            case Formula<TPred>.AndAny a:
                result = SatAndAny(a, isUnchecked, required, envs, lets);
                break;
            case Formula<TPred>.HackForStmt h:
                result = SatHackForStmt(h, isUnchecked, required, envs, lets);
                break;
            case Formula<TPred>.And a:
                result = SatAnd(a, isUnchecked, required, envs, lets);
                break;
            case Formula<TPred>.Exists e:
                result = Quantify(e.Variable, isUnchecked, e.Keep, Sat(e.Operand, isUnchecked, required, DropRequired(e.Variable, envs), lets));
                break;
            case Formula<TPred>.EX x:
            {
                var operand = Sat(x.Operand, isUnchecked, ChildrenOf(x.Direction, required), envs, lets);
                result = PreExist(x.Direction, operand.Items, required);
                break;
            }
            case Formula<TPred>.AX x:
            {
                var operand = Sat(x.Operand, isUnchecked, ChildrenOf(x.Direction, required), envs, lets);
                result = PreForall(x.Direction, operand.Items, operand, required);
                if (KeepsFailures(x.Strictness))
                    result = WithFailures(required, result, PreExist(x.Direction, operand.Items, required));
                break;
            }
            case Formula<TPred>.EF f:
            {
                var reachable = Reachable(f.Direction, required);
                result = SatEF(f.Direction, Sat(f.Operand, isUnchecked, reachable, envs, lets), reachable);
                break;
            }
            case Formula<TPred>.AF f:
            {
                if (_hasLoops)
                {
                    // With loops, AF is checked as A[true U φ], which excuses paths that loop forever.
                    result = Sat(new Formula<TPred>.AU(f.Direction, f.Strictness, Formula<TPred>.True.Instance, f.Operand), isUnchecked, required, envs, lets);
                    break;
                }
                var reachable = Reachable(f.Direction, required);
                var operand = Sat(f.Operand, isUnchecked, reachable, envs, lets);
                result = SatAF(f.Direction, operand, reachable);
                if (KeepsFailures(f.Strictness))
                    result = WithFailures(reachable, result, SatEF(f.Direction, operand, reachable));
                break;
            }
            case Formula<TPred>.EG g:
            {
                var reachable = Reachable(g.Direction, required);
                result = SatEG(g.Direction, Sat(g.Operand, isUnchecked, reachable, envs, lets), reachable);
                break;
            }
            case Formula<TPred>.AG g:
            {
                var reachable = Reachable(g.Direction, required);
                var operand = Sat(g.Operand, isUnchecked, reachable, envs, lets);
                result = SatAG(g.Direction, operand, reachable);
                if (KeepsFailures(g.Strictness))
                    result = WithFailures(reachable, result, SatEF(g.Direction, operand, reachable));
                break;
            }
            case Formula<TPred>.EU u:
            {
                var reachable = Reachable(u.Direction, required);
                var right = Sat(u.Right, isUnchecked, reachable, envs, lets);
                result = right.IsEmpty ? right : SatEU(u.Direction, Sat(u.Left, isUnchecked, reachable, ExtendRequired(right, envs), lets), right, reachable);
                break;
            }
            case Formula<TPred>.AW w:
            {
                var reachable = Reachable(w.Direction, required);
                var right = Sat(w.Right, isUnchecked, reachable, envs, lets);
                if (right.IsEmpty)
                {
                    result = right;
                    break;
                }
                var left = Sat(w.Left, isUnchecked, reachable, ExtendRequired(right, envs), lets);
                result = SatAW(w.Direction, left, right, reachable);
                if (KeepsFailures(w.Strictness))
                    result = WithFailures(reachable, result, SatEF(w.Direction, right, reachable));
                break;
            }
            case Formula<TPred>.AU u:
                result = SatAUFormula(u, isUnchecked, required, envs, lets);
                break;
            case Formula<TPred>.Let l:
            {
                var value = Sat(l.Value, isUnchecked, required, envs, lets);
                result = Sat(l.Body, isUnchecked, required, envs, new LetBinding(l.Name, value, lets));
                break;
            }
            case Formula<TPred>.LetR l:
            {
                var value = Sat(l.Value, isUnchecked, Reachable(l.Direction, required), envs, lets);
                result = Sat(l.Body, isUnchecked, required, envs, new LetBinding(l.Name, value, lets));
                break;
            }
            case Formula<TPred>.Ref r:
            {
                var value = lets?.Find(r.Name) ?? throw new InvalidOperationException($"Unbound formula variable '{r.Name}'.");
                result = isUnchecked ? StripWitnesses(value) : value;
                break;
            }
            case Formula<TPred>.XX:
                throw new InvalidOperationException("XX is a placeholder and must be removed before checking.");
            default:
                throw new InvalidOperationException($"Unknown formula node {formula.GetType().Name}.");
        }
        return Restrict(required, result);
    }

    private StateSet Domain(StateSet? required) => required ?? AllStates;

    /// <summary>Coccinelle's <c>get_required_states</c>: the states of a result (not tracked with partial matching).</summary>
    private StateSet? StatesOf(TripleSet triples) =>
        _partialMatch ? null : StateSet.FromSorted(triples.States(), _stateCount);

    /// <summary>Coccinelle's <c>get_children_required_states</c>: the states one step ahead of the required ones.</summary>
    private StateSet? ChildrenOf(Direction direction, StateSet? required)
    {
        if (required is null || _partialMatch)
            return null;
        var bits = StateSet.NewBits(_stateCount);
        foreach (var s in required.Members)
        {
            foreach (var c in Ahead(direction, s))
                bits[c >> 6] |= 1UL << c;
        }
        return StateSet.FromBits(bits);
    }

    /// <summary>Coccinelle's <c>get_reachable</c>: the states reachable from the required ones, these included.</summary>
    private StateSet? Reachable(Direction direction, StateSet? required)
    {
        if (required is null)
            return null;
        var bits = StateSet.NewBits(_stateCount);
        var stack = new Stack<int>();
        foreach (var s in required.Members)
        {
            bits[s >> 6] |= 1UL << s;
            stack.Push(s);
        }
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            foreach (var c in Ahead(direction, s))
            {
                if ((bits[c >> 6] & (1UL << c)) == 0)
                {
                    bits[c >> 6] |= 1UL << c;
                    stack.Push(c);
                }
            }
        }
        return StateSet.FromBits(bits);
    }

    /// <summary>The predicate's triples: the model's labelling, with the annotation variable bound to the matched predicate.</summary>
    private TripleSet Label(Formula<TPred>.Pred pred)
    {
        if (_labels.TryGetValue(pred, out var cached))
            return cached;
        if (!_rawLabels.TryGetValue(pred.Predicate, out var raw))
        {
            // PERF: a model that keeps its labels in a list (shared by the checks of one function) gives
            // it as is; the checker only reads it.
            var labelled = _model.Label(pred.Predicate);
            raw = labelled as IReadOnlyList<LabelResult<TPred, TValue>> ?? [.. labelled];
            _rawLabels.Add(pred.Predicate, raw);
        }
        var annotationVariable = pred.Annotation.Kind == AnnotationKind.Control ? -1 : VariableId(pred.Annotation.Variable!);
        var annotationKind = pred.Annotation.Kind == AnnotationKind.Modif ? BindingValueKind.Modif : BindingValueKind.UnModif;
        // PERF: the labelling gives states in order, mostly one triple each: the array is made once
        // and becomes the set when it is sorted and distinct (TripleSet.Create would copy it).
        var output = raw.Count == 0 ? Array.Empty<Triple>() : new Triple[raw.Count];
        var sorted = true;
        for (var k = 0; k < raw.Count; k++)
        {
            var r = raw[k];
            if ((uint)r.State >= (uint)_stateCount)
                throw new InvalidOperationException($"The labelling of {pred.Predicate} returned state {r.State}, outside 0..{_stateCount - 1}.");
            var keys = _keyScratch;
            keys.Clear();
            // PERF: indexed, as an interface's enumerator would be allocated per labelled state.
            var bindings = r.Bindings;
            for (var i = 0; i < bindings.Count; i++)
            {
                var b = bindings[i];
                keys.Add(BindingKey.Make(VariableId(b.Name), ValueId(new ValueEntry(BindingValueKind.Value, b.Value, default!)), negative: false));
            }
            if (annotationVariable >= 0)
            {
                var matched = r.HasMatchedPredicate ? r.MatchedPredicate : pred.Predicate;
                keys.Add(BindingKey.Make(annotationVariable, ValueId(new ValueEntry(annotationKind, default!, matched)), negative: false));
            }
            output[k] = new Triple(r.State, InternCleaned(keys), WitnessSet.Empty);
            sorted = sorted && (k == 0 || output[k - 1] < output[k]);
        }
        var result = sorted ? TripleSet.FromSorted(output) : TripleSet.Create([.. output]);
        _labels.Add(pred, result);
        return result;
    }

    /// <summary>SeqOr: φ ∨ (¬φ ∧ ψ), where ¬φ is the complement of φ's triples without their witnesses.</summary>
    private TripleSet SatSeqOr(TripleSet left, TripleSet right, StateSet? required)
    {
        if (!_partialMatch)
        {
            if (right.IsEmpty)
                return left;
            if (left.IsEmpty)
                return right;
        }
        return Union(left, Conj(Complement(Domain(required), Unwitify(left)), right));
    }

    private TripleSet SatAnd(Formula<TPred>.And and, bool isUnchecked, StateSet? required, RequiredEnvironments? envs, LetBinding? lets)
    {
        // The left operand is the more likely to be empty (as the formulas are built), and it narrows the
        // states and the environments the right one is evaluated at.
        var left = Sat(and.Left, isUnchecked, required, envs, lets);
        if (left.IsEmpty && !_partialMatch)
            return left;
        var right = Sat(and.Right, isUnchecked, StatesOf(left), ExtendRequired(left, envs), lets);
        if (right.IsEmpty && !_partialMatch)
            return right;
        return StrictConj(and.Strictness, Domain(required), left, right);
    }

    private TripleSet SatAndAny(Formula<TPred>.AndAny andAny, bool isUnchecked, StateSet? required, RequiredEnvironments? envs, LetBinding? lets)
    {
        var left = Sat(andAny.Left, isUnchecked, required, envs, lets);
        if (left.IsEmpty && !_partialMatch)
            return left;
        var right = Sat(andAny.Right, isUnchecked, Reachable(andAny.Direction, StatesOf(left)), ExtendRequired(left, envs), lets);
        if (right.IsEmpty && !_partialMatch)
            return left;
        var domain = Domain(required);
        if (left.IsEmpty)
        {
            // Only with partial matching.
            if (right.IsEmpty)
                return left;
            var acc = Single(right[0]);
            for (var i = 1; i < right.Count; i++)
                acc = StrictConj(andAny.Strictness, domain, acc, Single(right[i]));
            return acc;
        }
        if (left.Count != 1)
            throw new InvalidOperationException("Only one result is allowed for the left argument of AndAny.");
        // The triples of ψ at one state are alternatives (a match there, or its negation); the states are
        // conjoined. Conjoining every triple on its own would make a binding and its negation at the same
        // state contradict each other, and lose the match (spatch 1.1.1 groups them by state).
        var state = left[0].State;
        var result = left;
        var items = right.Items;
        var group = new List<Triple>();
        for (var i = 0; i < items.Length;)
        {
            var at = items[i].State;
            group.Clear();
            for (; i < items.Length && items[i].State == at; i++)
                group.Add(items[i].WithState(state));
            result = StrictConj(andAny.Strictness, domain, result, group.Count == 1 ? Single(group[0]) : TripleSet.Create(group));
        }
        return result;
    }

    private TripleSet SatHackForStmt(Formula<TPred>.HackForStmt hack, bool isUnchecked, StateSet? required, RequiredEnvironments? envs, LetBinding? lets)
    {
        var left = Sat(hack.Left, isUnchecked, required, envs, lets);
        if (left.IsEmpty && !_partialMatch)
            return left;
        var right = Sat(hack.Right, isUnchecked, Reachable(hack.Direction, StatesOf(left)), ExtendRequired(left, envs), lets);
        if (right.IsEmpty && !_partialMatch)
            return left;
        var domain = Domain(required);
        var result = left;
        var choices = new List<Triple>();
        foreach (var t in right.Items)
        {
            // Each result of ψ either agrees with a triple of φ (which takes its witnesses) or contradicts one
            // of its bindings (the triple of φ passes unchanged); a triple of φ that does not bind all of
            // ψ's variables is dropped.
            choices.Clear();
            choices.Add(t);
            foreach (var key in t.Bindings.Keys)
                choices.Add(new Triple(t.State, _tables.Bindings([BindingKey.Negate(key)]), WitnessSet.Empty));
            result = StrictConjCovered(hack.Strictness, domain, result, TripleSet.Create(choices));
        }
        return result;
    }

    private TripleSet SatAUFormula(Formula<TPred>.AU au, bool isUnchecked, StateSet? required, RequiredEnvironments? envs, LetBinding? lets)
    {
        var reachable = Reachable(au.Direction, required);
        var right = Sat(au.Right, isUnchecked, reachable, envs, lets);
        if (right.IsEmpty)
            return right;
        var left = Sat(au.Left, isUnchecked, reachable, ExtendRequired(right, envs), lets);
        if (TrySatAU(au.Direction, left, right, reachable, out var result))
        {
            return KeepsFailures(au.Strictness) ? WithFailures(reachable, result, SatEF(au.Direction, right, reachable)) : result;
        }
        // A loop was found: check A[(E[φ U ψ] ∧ φ) W ψ], where φ holds until ψ or forever, and from each
        // such state some path reaches ψ.
        var guardedLeft = Conj(SatEU(au.Direction, left, result, reachable), left);
        var weak = SatAW(au.Direction, guardedLeft, right, reachable);
        return KeepsFailures(au.Strictness) ? WithFailures(reachable, weak, SatEF(au.Direction, right, reachable)) : weak;
    }

    private static TripleSet Single(Triple triple) => TripleSet.FromSorted([triple]);
}
