using Sevenspot.C;
using Sevenspot.Engine.Ctl;
using Sevenspot.Smpl;
using F = Sevenspot.Engine.Ctl.Formula<Sevenspot.Engine.CtlPredicate>;

namespace Sevenspot.Engine;

/// <summary>
/// Translates a rule's pattern into a CTL-VW formula over control-flow graphs, after the scheme of
/// spatch's translation: a sequence "a; b" is a ∧ AX b; "..." is A[x U y] (E[x U y] for exists)
/// where x excludes what precedes and follows the dots (shortest path) and the when conditions, and
/// y is what follows; under forall a path may also stop at an [after] node or by escaping from a
/// then-branch. Metavariables shared between parts are quantified where they are first shared;
/// the nodes to transform carry Modif annotations, whose witnesses drive the transformation.
/// </summary>
internal sealed partial class CtlTranslator
{
    private readonly CodeRule _rule;
    private readonly Matcher _matcher;
    private readonly bool _exists;
    private readonly IReadOnlySet<string> _usedAfter;
    private readonly Dictionary<int, HashSet<string>> _fvCache = [];
    private readonly HashSet<F> _switchedQuantifier = new(ReferenceEqualityComparer.Instance);
    private int _letCounter;
    private int _termCounter;
    private int _labelCounter;

    public CtlTranslator(CodeRule rule, Matcher matcher, bool exists, IReadOnlySet<string> usedAfter)
    {
        _rule = rule;
        _matcher = matcher;
        _exists = exists;
        _usedAfter = usedAfter;
    }

    // ---- After ----

    private abstract record After;

    private sealed record AfterF(F Formula) : After;

    private sealed record Guard(F Formula) : After;

    private sealed record Tail : After;

    private sealed record End : After;

    private sealed record VeryEnd : After;

    private static readonly After s_tail = new Tail();
    private static readonly After s_end = new End();
    private static readonly After s_veryEnd = new VeryEnd();

    private sealed record LabelInfo(string Variable)
    {
        public bool Used { get; set; }
    }

    // ---- Entry ----

    /// <summary>The formula for the whole pattern (a statement sequence), or null when it has a form not supported here.</summary>
    public F Translate(IReadOnlyList<SyntaxNode> items)
    {
        // The variables used after this rule are quantified at the top, keeping their witnesses; not
        // positions, which are quantified where they are used, so that one rule gives a position
        // several values (a match on each branch of an if).
        var quantified = new HashSet<string>(StringComparer.Ordinal);
        foreach (string v in _usedAfter)
        {
            if (_rule.Find(v) is not { Kind: MetavariableKind.Position })
            {
                quantified.Add(v);
            }
        }

        var atTop = quantified.Order(StringComparer.Ordinal).ToList();
        // A statement list alone is the body of any block, as "{ SL }" is.
        var formula = items is [var only] && WholeBodyStatementList([only]) is { } list
            ? MatchQuantified(false, new RuleElement(RuleElementKind.StatementList, list), quantified)
            : StatementList(items, top: true, s_veryEnd, quantified, null, null, null, dotsBefore: false, guard: false, before: [], after2: []);
        formula = ProtectTopLevel(items, formula);
        foreach (string v in atTop)
        {
            formula = Formula.Exists(v, formula, keep: true);
        }

        return formula;
    }

    /// <summary>A pattern that starts with "..." starts at the top of the function.</summary>
    private static F ProtectTopLevel(IReadOnlyList<SyntaxNode> items, F formula)
    {
        if (items.Count > 0 && items[0].Kind == SyntaxKind.Dots)
        {
            return And(Pred(CtlPredicateKind.Top), EX(formula));
        }

        return formula;
    }

    // ---- Formula helpers ----

    private static F Pred(CtlPredicateKind kind, string? variable = null) => Formula.Pred(new CtlPredicate(kind, variable));

    private static F And(F a, F b, Strictness s = Strictness.NonStrict)
    {
        if (a is F.False || b is F.False)
        {
            return Formula.False<CtlPredicate>();
        }

        if (a is F.True)
        {
            return b;
        }

        if (b is F.True)
        {
            return a;
        }

        return Formula.And(a, b, s);
    }

    private static F Or(F a, F b)
    {
        if (a is F.True || b is F.True)
        {
            return Formula.True<CtlPredicate>();
        }

        if (a is F.False)
        {
            return b;
        }

        if (b is F.False)
        {
            return a;
        }

        return Formula.Or(a, b);
    }

    private static F SeqOr(F a, F b)
    {
        if (a is F.True)
        {
            return a;
        }

        if (a is F.False)
        {
            return b;
        }

        if (b is F.False)
        {
            return a;
        }

        return Formula.SeqOr(a, b);
    }

    private static F Not(F a) => a switch
    {
        F.True => Formula.False<CtlPredicate>(),
        F.False => Formula.True<CtlPredicate>(),
        _ => Formula.Not(a),
    };

    private F AX(F a, Strictness s = Strictness.NonStrict) => a switch
    {
        F.True or F.False => a,
        _ => _exists != SwitchesQuantifier(a) ? Formula.EX(a) : Formula.AX(a, Direction.Forward, s),
    };

    /// <summary>Whether a formula is dots whose quantifier differs from the rule's (under existential quantifiers).</summary>
    private bool SwitchesQuantifier(F a)
    {
        while (a is F.Exists e)
        {
            a = e.Operand;
        }

        return _switchedQuantifier.Contains(a);
    }

    private static F AXAbsolute(F a, Strictness s = Strictness.NonStrict) => a is F.True or F.False ? a : Formula.AX(a, Direction.Forward, s);

    private static F EX(F a) => a is F.True or F.False ? a : Formula.EX(a);

    private static F BackEX(F a) => a is F.True or F.False ? a : Formula.EX(a, Direction.Backward);

    private F AU(F x, F y, bool exists)
    {
        if (x is F.True)
        {
            return exists ? Formula.EF(y) : Formula.AF(y);
        }

        return exists ? Formula.EU(x, y) : Formula.AU(x, y);
    }

    private static F AG(F a) => a is F.True or F.False ? a : Formula.AG(a);

    private static F Uncheck(F a) => a is F.True or F.False ? a : Formula.Uncheck(a);

    private F MakeSeq(params F[] parts)
    {
        var result = parts[^1];
        for (int i = parts.Length - 2; i >= 0; i--)
        {
            result = And(parts[i], AX(result));
        }

        return result;
    }

    private static F MakeSeqEx(params F[] parts)
    {
        var result = parts[^1];
        for (int i = parts.Length - 2; i >= 0; i--)
        {
            result = And(parts[i], EX(result));
        }

        return result;
    }

    private F MakeSeqAfter(F first, After after) => after is AfterF a ? MakeSeq(first, a.Formula) : first;

    private F MakeSeqAfter2(F first, After after) => after is AfterF a ? And(first, EX(AX(a.Formula))) : first;

    private static F MakeSeqAfterEx(F first, After after) => after is AfterF a ? MakeSeqEx(first, a.Formula) : first;

    private static F Quantify(bool guard, IEnumerable<string> vars, F code)
    {
        foreach (string v in vars.OrderDescending(StringComparer.Ordinal))
        {
            code = Formula.Exists(v, code, keep: !guard);
        }

        return code;
    }

    private string NextLet() => "r" + _letCounter++;

    private LabelInfo NextLabel() => new("l" + _labelCounter++);

    // ---- Matches ----

    /// <summary>
    /// A match of a rule element: with Modif when it changes code (so its witness says where to
    /// transform), UnModif when it binds a variable used later, plain otherwise.
    /// </summary>
    private F MakeMatch(bool guard, RuleElement element)
    {
        var predicate = new CtlPredicate(CtlPredicateKind.Match, null, element);
        if (!guard && !element.Stripped && ContainsModification(element))
        {
            return Formula.Exists("_v", Formula.Modif(predicate, "_v"), keep: true);
        }

        if (guard || !FreeVariables(element.Pattern).Overlaps(_usedAfter))
        {
            return Formula.Pred(predicate);
        }

        return Formula.Exists("_v", Formula.UnModif(predicate, "_v"), keep: true);
    }

    private F MatchQuantified(bool guard, RuleElement element, HashSet<string> quantified)
    {
        var fvs = ElementVariables(element).Where(v => !quantified.Contains(v));
        return Quantify(guard, fvs, MakeMatch(guard, element));
    }

    /// <summary>
    /// Whether the tokens of a rule element are removed or have code added to them, the braces an
    /// isomorphism dropped around it included (they stand on the statement's first and last tokens).
    /// </summary>
    private bool ContainsModification(RuleElement element)
    {
        var body = _rule.Body;
        if (element.DroppedBraces is { } braces
            && (HasModification(body, braces.FirstTokenIndex) || HasModification(body, braces.LastTokenIndex)))
        {
            return true;
        }

        foreach (var (first, last) in ElementTokens(element))
        {
            for (int t = first; t <= last; t++)
            {
                // A * line is reported as spatch reports a removal, so it needs the same witness.
                if (t < body.MinusMarks.Length && body.MinusMarks[t] is TokenMark.Minus or TokenMark.Star)
                {
                    return true;
                }

                if (body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasModification(CodeBody body, int t) =>
        (t < body.MinusMarks.Length && body.MinusMarks[t] is TokenMark.Minus or TokenMark.Star)
        || body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0;

    /// <summary>Token ranges of the pattern that belong to a rule element (a header owns only its header tokens).</summary>
    internal static IEnumerable<(int First, int Last)> ElementTokens(RuleElement element)
    {
        var p = element.Pattern;
        switch (element.Kind)
        {
            case RuleElementKind.IfHeader or RuleElementKind.WhileHeader or RuleElementKind.IteratorHeader or RuleElementKind.SwitchHeader:
                yield return (p.FirstTokenIndex, LastTokenOfSlot(p, 3));
                break;
            case RuleElementKind.ForHeader:
                yield return (p.FirstTokenIndex, LastTokenOfSlot(p, 7));
                break;
            case RuleElementKind.ElseKeyword:
                yield return (SlotToken(p, 5), SlotToken(p, 5));
                break;
            case RuleElementKind.DoHeader:
                yield return (p.FirstTokenIndex, p.FirstTokenIndex);
                break;
            case RuleElementKind.DoWhileTail:
                yield return (SlotToken(p, 2), p.LastTokenIndex);
                break;
            case RuleElementKind.SeqStart:
                yield return (SlotToken(p, 0), SlotToken(p, 0));
                break;
            case RuleElementKind.SeqEnd:
                yield return (SlotToken(p, 2), SlotToken(p, 2));
                break;
            case RuleElementKind.FunctionHeader:
                var body = p.AsFunctionDefinition().Body;
                yield return (p.FirstTokenIndex, body.FirstTokenIndex - 1);
                break;
            case RuleElementKind.Case or RuleElementKind.Default:
                yield return (p.FirstTokenIndex, LastTokenOfSlot(p, p.Kind == SyntaxKind.CaseStatement ? 4 : 1));
                break;
            default:
                yield return (p.FirstTokenIndex, p.LastTokenIndex);
                break;
        }
    }

    private static int SlotToken(SyntaxNode p, int slot) => p.GetTokenSlot(slot) is { } t ? t.Index : -1;

    private static int LastTokenOfSlot(SyntaxNode p, int slot)
    {
        for (int s = slot; s >= 0; s--)
        {
            if (p.GetSlot(s) is { } e)
            {
                return Matcher.LastTokenOf(e);
            }
        }

        return p.FirstTokenIndex;
    }

    // ---- Free variables ----

    private HashSet<string> FreeVariables(SyntaxNode node)
    {
        if (!_fvCache.TryGetValue(node.Index, out var set))
        {
            set = new HashSet<string>(_matcher.FreeVariables(node), StringComparer.Ordinal);
            _fvCache[node.Index] = set;
        }

        return set;
    }

    private HashSet<string> ElementVariables(RuleElement element)
    {
        if (element.Kind is RuleElementKind.Atom or RuleElementKind.Expression or RuleElementKind.Type or RuleElementKind.MetaStatement or RuleElementKind.StatementList)
        {
            return FreeVariables(element.Pattern);
        }

        // A header: the variables of its own tokens only.
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, last) in ElementTokens(element))
        {
            for (int t = first; t <= last && t >= 0; t++)
            {
                _matcher.AddPlusVariables(t, set);
                var token = element.Pattern.Tree.GetToken(t);
                if (token.Kind == SyntaxKind.IdentifierToken && _rule.Find(token.Text) is { IsInherited: false } meta
                    && meta.Kind is not (MetavariableKind.FreshIdentifier or MetavariableKind.Symbol or MetavariableKind.Typedef
                        or MetavariableKind.DeclarerName or MetavariableKind.IteratorName or MetavariableKind.AttributeName))
                {
                    set.Add(meta.Name);
                    Matcher.AddLengthVariable(meta, set);
                    _matcher.AddDeclaredTypeVariables(meta, set);
                }

                if (_rule.Body.Positions.TryGetValue(t, out var positions))
                {
                    foreach (string p in positions)
                    {
                        if (_rule.Find(p) is { IsInherited: false })
                        {
                            set.Add(p);
                        }
                    }
                }
            }
        }

        return set;
    }

    /// <summary>
    /// For each item: the variables only it has (quantified inside it) and those it shares with later
    /// items (quantified around it and the rest).
    /// </summary>
    private static List<(HashSet<string> Only, HashSet<string> Shared)> SeqFvs(HashSet<string> quantified, List<HashSet<string>> fvs)
    {
        var result = new List<(HashSet<string>, HashSet<string>)>();
        var q = new HashSet<string>(quantified, StringComparer.Ordinal);
        for (int i = 0; i < fvs.Count; i++)
        {
            var mine = new HashSet<string>(fvs[i].Where(v => !q.Contains(v)), StringComparer.Ordinal);
            var later = new HashSet<string>(StringComparer.Ordinal);
            for (int j = i + 1; j < fvs.Count; j++)
            {
                later.UnionWith(fvs[j].Where(v => !q.Contains(v)));
            }

            var both = new HashSet<string>(mine.Where(later.Contains), StringComparer.Ordinal);
            mine.ExceptWith(both);
            q.UnionWith(both);
            result.Add((mine, both));
        }

        return result;
    }
}
