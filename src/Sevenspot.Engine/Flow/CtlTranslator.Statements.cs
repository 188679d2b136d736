using Sevenspot.C;
using Sevenspot.Engine.Ctl;
using Sevenspot.Smpl;
using F = Sevenspot.Engine.Ctl.Formula<Sevenspot.Engine.CtlPredicate>;

namespace Sevenspot.Engine;

internal sealed partial class CtlTranslator
{
    /// <summary>What stands right before or after a "..." (it must not be crossed: shortest path).</summary>
    private abstract record BefAft;

    /// <summary>A brace of a compound statement, tied to its pair by the paren variable.</summary>
    private sealed record WParen(RuleElement Brace, string ParenVariable) : BefAft;

    private sealed record Other(SyntaxNode Statement) : BefAft;

    // ---- Sequences ----

    private F StatementList(
        IReadOnlyList<SyntaxNode> raw,
        bool top,
        After after,
        HashSet<string> quantified,
        LabelInfo? label,
        LabelInfo? llabel,
        LabelInfo? slabel,
        bool dotsBefore,
        bool guard,
        IReadOnlyList<BefAft> before,
        IReadOnlyList<BefAft> after2)
    {
        var items = Expand(raw);
        return ListFrom(items, 0, top, after, quantified, label, llabel, slabel, dotsBefore, guard, before, after2);
    }

    /// <summary>Splits labels from the statement they carry ("l: S" is two nodes).</summary>
    private static List<SyntaxNode> Expand(IReadOnlyList<SyntaxNode> raw)
    {
        var items = new List<SyntaxNode>(raw.Count);
        foreach (var item in raw)
        {
            items.Add(item);
        }

        return items;
    }

    private F ListFrom(
        List<SyntaxNode> items,
        int i,
        bool top,
        After after,
        HashSet<string> quantified,
        LabelInfo? label,
        LabelInfo? llabel,
        LabelInfo? slabel,
        bool dotsBefore,
        bool guard,
        IReadOnlyList<BefAft> before,
        IReadOnlyList<BefAft> after2)
    {
        if (i >= items.Count)
        {
            return after is AfterF a ? a.Formula : Formula.True<CtlPredicate>();
        }

        var e = items[i];

        // "? S": the rest with S, or the rest without it.
        if (e.Kind == SyntaxKind.OptionalStatement)
        {
            var inner = e.AsOptionalStatement().Statement;
            var with = new List<SyntaxNode>(items);
            with[i] = inner;
            var without = new List<SyntaxNode>(items);
            without.RemoveAt(i);
            var withF = ListFrom(with, i, top, after, quantified, label, llabel, slabel, dotsBefore, guard, before, after2);

            // "... ?S" ending the code: without S, the dots go on to where dots ending the code go (the
            // end of the function), keeping their when clauses, not to any node: "... when != x ?S"
            // does not hold on a path that uses x and never comes to S.
            var withoutF = i == items.Count - 1 && i > 0 && items[i - 1].Kind is SyntaxKind.Dots or SyntaxKind.Nest && after is not AfterF
                ? EndAfterDots(after, label)
                : ListFrom(without, i, top, after, quantified, label, llabel, slabel, dotsBefore, guard, before, after2);
            return SeqOr(withF, withoutF);
        }

        var itemBefore = i > 0 ? Neighbor(items[i - 1], precedes: true) : before;
        var itemAfter = i + 1 < items.Count ? Neighbor(items[i + 1], precedes: false) : after2;
        var itemLabel = dotsBefore || IsDots(e) ? label : null;
        if (i == items.Count - 1)
        {
            return Statement(e, top, after, quantified, itemLabel, llabel, slabel, guard, itemBefore, itemAfter);
        }

        // Variables this item shares with later ones are quantified here, around it and the rest.
        var mine = new HashSet<string>(FreeVariables(e), StringComparer.Ordinal);
        var later = new HashSet<string>(StringComparer.Ordinal);
        for (int j = i + 1; j < items.Count; j++)
        {
            later.UnionWith(FreeVariables(items[j]));
        }

        var shared = new HashSet<string>(mine.Where(v => later.Contains(v) && !quantified.Contains(v)), StringComparer.Ordinal);
        var newQuantified = new HashSet<string>(quantified, StringComparer.Ordinal);
        newQuantified.UnionWith(shared);
        bool isGoto = e.Kind == SyntaxKind.GotoStatement;
        var rest = ListFrom(items, i + 1, false, after, newQuantified, isGoto ? null : label, isGoto ? null : llabel, isGoto ? null : slabel, IsDots(e), guard, before, after2);
        return Quantify(guard, shared, Statement(e, top, new AfterF(rest), newQuantified, itemLabel, llabel, slabel, guard, itemBefore, itemAfter));
    }

    /// <summary>
    /// A disjunction of expressions where a statement goes, as spatch lifts it: each branch binds the term it
    /// matches to a hidden variable, and a later branch holds where no earlier one holds at a term nesting
    /// with its own (A ∨ (B ∧ ¬A)). The earlier branch's metavariables quantified here are closed inside the
    /// exclusion, so it is absolute for them; those the enclosing code binds stay free, so it only excludes
    /// their same values: "foo(x); ... ( PTR_ERR(x) | PTR_ERR(y) )" finds PTR_ERR(b) after foo(a).
    /// </summary>
    private F ExpressionDisjunction(SyntaxNode disjunction, HashSet<string> quantified, bool guard)
    {
        string termVariable = "_term" + _termCounter++;
        F branches = Formula.False<CtlPredicate>();
        foreach (var branch in Matcher.Branches(disjunction))
        {
            var item = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
            var element = new RuleElement(RuleElementKind.Expression, item) { TermVariable = termVariable };
            branches = SeqOr(branches, MatchQuantified(guard, element, quantified));
        }

        return Formula.InnerAnd(Formula.Exists(termVariable, branches));
    }

    /// <summary>
    /// The disjunction of expressions inside a statement that is one node, when it is the only one and an
    /// earlier branch uses a variable bound around the statement. spatch lifts such a disjunction to the
    /// statement, "f(\(E\|F\));" being "\(f(E);\|f(F);\)", and excludes the later branch only for
    /// the values of E the earlier one matches with: after "f(a)", "... g(E)" takes g(a) through the first
    /// branch and any other g(x) through the second. Inside the node, E is not known yet.
    /// </summary>
    private SyntaxNode? LiftedDisjunction(SyntaxNode statement, HashSet<string> quantified)
    {
        if (statement.Kind is not (SyntaxKind.ExpressionStatement or SyntaxKind.ReturnStatement) || quantified.Count == 0)
        {
            return null;
        }

        var found = new List<SyntaxNode>();
        CollectDisjunctions(statement, found);
        if (found.Count != 1)
        {
            return null;
        }

        var branches = Matcher.Branches(found[0]).ToList();
        for (int i = 0; i < branches.Count - 1; i++)
        {
            if (FreeVariables(branches[i]).Overlaps(quantified))
            {
                return found[0];
            }
        }

        return null;
    }

    /// <summary>The disjunctions in an expression, outermost ones only, those under nests and conjunctions left out.</summary>
    private static void CollectDisjunctions(SyntaxNode node, List<SyntaxNode> found)
    {
        foreach (var child in node.ChildNodes())
        {
            if (child.Kind == SyntaxKind.Disjunction)
            {
                found.Add(child);
            }
            else if (child.Kind is not (SyntaxKind.Nest or SyntaxKind.Dots or SyntaxKind.Conjunction))
            {
                CollectDisjunctions(child, found);
            }
        }
    }

    /// <summary>A statement with a lifted disjunction: one element per branch, each later one where no earlier one holds.</summary>
    private F AtomBranches(RuleElement element, SyntaxNode disjunction, bool guard, HashSet<string> quantified)
    {
        F result = Formula.False<CtlPredicate>();
        int count = Matcher.Branches(disjunction).Count();
        for (int i = 0; i < count; i++)
        {
            result = SeqOr(result, MatchQuantified(guard, element with { ChosenDisjunction = disjunction, ChosenBranch = i }, quantified));
        }

        return result;
    }

    private static bool IsDots(SyntaxNode e) => e.Kind is SyntaxKind.Dots or SyntaxKind.Nest or SyntaxKind.Disjunction or SyntaxKind.Conjunction;

    /// <summary>The neighbor a "..." must not cross, for the item next to it.</summary>
    private List<BefAft> Neighbor(SyntaxNode item, bool precedes)
    {
        switch (item.Kind)
        {
            case SyntaxKind.Dots or SyntaxKind.Nest:
                return [];
            case SyntaxKind.CompoundStatement:
                string pv = ParenVariable(item);
                return precedes
                    ? [new WParen(new RuleElement(RuleElementKind.SeqEnd, item, Stripped: true), pv)]
                    : [new WParen(new RuleElement(RuleElementKind.SeqStart, item, Stripped: true), pv)];
            case SyntaxKind.OptionalStatement:
                return Neighbor(item.AsOptionalStatement().Statement, precedes);
            case SyntaxKind.Disjunction or SyntaxKind.Conjunction:
                var result = new List<BefAft>();
                foreach (var branch in Matcher.Branches(item))
                {
                    var inner = branch.Kind == SyntaxKind.List ? branch.ChildNodes().ToList() : [branch];
                    if (inner.Count > 0)
                    {
                        result.AddRange(Neighbor(precedes ? inner[^1] : inner[0], precedes));
                    }
                }

                return result;
            default:
                return [new Other(item)];
        }
    }

    /// <summary>The negated code around "...": an absolute test of the neighbor under the bindings already made.</summary>
    private F ProcessBefAft(BefAft item, HashSet<string> quantified)
    {
        switch (item)
        {
            case WParen w:
                var brace = And(Formula.Pred(new CtlPredicate(CtlPredicateKind.Match, null, w.Brace)), Pred(CtlPredicateKind.Paren, w.ParenVariable));
                return quantified.Contains(w.ParenVariable) ? brace : Formula.Exists(w.ParenVariable, brace);
            case Other o:
                // Variables bound before the dots (or used by later rules) keep their value in the
                // exclusion; those first bound by the neighbor itself are closed inside it, so
                // "b(E); ... d();" stops at b(2) after b(1) for any E. Positions are not part of the
                // exclusion (spatch strips them there): "a(); ... f@p();" stops at the first f() even
                // when p is used by a later rule.
                return Statement(o.Statement, top: false, s_tail, WithoutPositions(quantified), null, null, null, guard: true, [], []);
            default:
                return Formula.False<CtlPredicate>();
        }
    }

    /// <summary>The quantified variables but the rule's positions, which an exclusion closes inside itself.</summary>
    private HashSet<string> WithoutPositions(HashSet<string> quantified)
    {
        HashSet<string>? result = null;
        foreach (var meta in _rule.Metavariables)
        {
            if (meta.Kind == MetavariableKind.Position && quantified.Contains(meta.Name))
            {
                result ??= new HashSet<string>(quantified, StringComparer.Ordinal);
                result.Remove(meta.Name);
            }
        }

        return result ?? quantified;
    }

    /// <summary>The paren variable of a compound statement: named after its depth of nested braces.</summary>
    private static string ParenVariable(SyntaxNode compound)
    {
        int depth = 0;
        foreach (var n in compound.DescendantNodesAndSelf())
        {
            if (n.Kind is SyntaxKind.CompoundStatement or SyntaxKind.FunctionDefinition)
            {
                int d = 0;
                for (SyntaxNode? x = n; x is { } y && y != compound; x = y.Parent)
                {
                    if (y.Kind == SyntaxKind.CompoundStatement)
                    {
                        d++;
                    }
                }

                depth = Math.Max(depth, d + 1);
            }
        }

        return "p" + depth;
    }

    // ---- Statements ----

    private F Statement(
        SyntaxNode s,
        bool top,
        After after,
        HashSet<string> quantified,
        LabelInfo? label,
        LabelInfo? llabel,
        LabelInfo? slabel,
        bool guard,
        IReadOnlyList<BefAft> before,
        IReadOnlyList<BefAft> after2)
    {
        switch (s.Kind)
        {
            case SyntaxKind.Dots:
                {
                    var dots = s.AsDots();
                    F? dotCode = _rule.Body.MinusMarks[dots.Ellipsis.Index] == TokenMark.Minus && !guard
                        ? MakeMatch(false, new RuleElement(RuleElementKind.MinusDots, s))
                        : null;
                    return DotsAndNests(plus: false, nest: null, dots.WhenList, before, after2, dotCode, after, label, guard, quantified);
                }

            case SyntaxKind.Nest:
                {
                    var nest = s.AsNest();
                    bool plus = nest.Open.Kind == SyntaxKind.NestPlusOpenToken;
                    var bodyItems = nest.Body.Kind == SyntaxKind.List ? nest.Body.ChildNodes().ToList() : [nest.Body];
                    var bodyVars = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var b in bodyItems)
                    {
                        bodyVars.UnionWith(FreeVariables(b));
                    }

                    var newQuantified = new HashSet<string>(quantified, StringComparer.Ordinal);
                    var nestFormula = StatementList(bodyItems, false, AfterToGuard(after), newQuantified, label, llabel, slabel, true, guard, [], []);

                    // A removed nest removes all the code it spans, like removed "...".
                    F? nestCode = _rule.Body.MinusMarks[nest.Open.Index] == TokenMark.Minus && !guard
                        ? MakeMatch(false, new RuleElement(RuleElementKind.MinusDots, s))
                        : null;
                    return DotsAndNests(plus, nestFormula, nest.WhenList, before, after2, nestCode, after, label, guard, quantified);
                }

            case SyntaxKind.Disjunction when Matcher.IsExpressionDisjunction(s):
                return MakeSeqAfter(ExpressionDisjunction(s, quantified, guard), after);

            case SyntaxKind.Disjunction:
                {
                    F result = Formula.False<CtlPredicate>();
                    foreach (var branch in Matcher.Branches(s))
                    {
                        var branchItems = branch.Kind == SyntaxKind.List ? branch.ChildNodes().ToList() : [branch];
                        var f = StatementList(branchItems, top, after, quantified, label, llabel, slabel, true, guard, before, after2);
                        if (top)
                        {
                            f = ProtectTopLevel(branchItems, f);
                        }

                        result = SeqOr(result, f);
                    }

                    return result;
                }

            case SyntaxKind.Conjunction:
                {
                    // The variables every branch names are quantified around the conjunction, not in each
                    // branch: a branch keeps only the bindings the others give too, as in spatch
                    // ("( if (E) return; & - if (E != 0) return; )" on "if (x != 0) return;" gives E = "x != 0",
                    // which the second branch gives through isnt_zero).
                    HashSet<string>? shared = null;
                    foreach (var branch in Matcher.Branches(s))
                    {
                        if (shared is null)
                        {
                            shared = new HashSet<string>(FreeVariables(branch), StringComparer.Ordinal);
                        }
                        else
                        {
                            shared.IntersectWith(FreeVariables(branch));
                        }
                    }

                    shared?.ExceptWith(quantified);
                    var inner = quantified;
                    if (shared is { Count: > 0 })
                    {
                        inner = new HashSet<string>(quantified, StringComparer.Ordinal);
                        inner.UnionWith(shared);
                    }

                    F result = Formula.True<CtlPredicate>();
                    foreach (var branch in Matcher.Branches(s))
                    {
                        var branchItems = branch.Kind == SyntaxKind.List ? branch.ChildNodes().ToList() : [branch];
                        result = And(result, StatementList(branchItems, top, after, inner, label, llabel, slabel, true, guard, before, after2));
                    }

                    return shared is { Count: > 0 } ? Quantify(guard, shared, result) : result;
                }

            case SyntaxKind.CompoundStatement:
                {
                    var result = Seq(s, after, quantified, label, llabel, slabel, guard);
                    foreach (var inner in BracesVariants(s))
                    {
                        var saved = _droppedBraces;
                        _droppedBraces = (inner, s);
                        result = SeqOr(result, Statement(inner, top, after, quantified, label, llabel, slabel, guard, before, after2));
                        _droppedBraces = saved;
                    }

                    if (MatchesAnyStatement(s))
                    {
                        result = SeqOr(result, MetaStatement(s, after, quantified, guard));
                    }

                    return result;
                }

            case SyntaxKind.IfStatement:
                if (s.AsIfStatement().Else is null)
                {
                    return IfThen(s, after, quantified, label, llabel, slabel, guard);
                }

                var withElse = IfThenElse(s, after, quantified, label, llabel, slabel, guard);
                if (NegatesIf(s))
                {
                    withElse = Or(withElse, IfThenElse(s, after, quantified, label, llabel, slabel, guard, negated: true));
                    if (DropsElse(s, negated: true))
                    {
                        withElse = Or(withElse, IfThen(s, after, quantified, label, llabel, slabel, guard, negated: true));
                    }
                }

                return DropsElse(s) ? Or(withElse, IfThen(s, after, quantified, label, llabel, slabel, guard)) : withElse;
            case SyntaxKind.WhileStatement:
                return ForWhile(s, RuleElementKind.WhileHeader, s.AsWhileStatement().Statement, after, quantified, label, guard);
            case SyntaxKind.ForStatement:
                return ForWhile(s, RuleElementKind.ForHeader, s.AsForStatement().Statement, after, quantified, label, guard);
            case SyntaxKind.IteratorStatement:
                return ForWhile(s, RuleElementKind.IteratorHeader, s.AsIteratorStatement().Statement, after, quantified, label, guard);
            case SyntaxKind.DoStatement:
                return DoWhile(s, after, quantified, label, guard);
            case SyntaxKind.SwitchStatement when IsPathSwitch(s):
                return Switch(s, after, quantified, llabel, guard);
            case SyntaxKind.FunctionDefinition:
                return FunctionDefinition(s, after, quantified, guard);
            case SyntaxKind.MetavariableStatement:
                return MetaStatement(s, after, quantified, guard);
            case SyntaxKind.BareExpression when s.AsBareExpression().Expression.Kind == SyntaxKind.Disjunction:
                return MakeSeqAfter(ExpressionDisjunction(s.AsBareExpression().Expression, quantified, guard), after);
            case SyntaxKind.BareExpression:
                {
                    var element = new RuleElement(RuleElementKind.Expression, s);
                    var term = Formula.InnerAnd(MatchQuantified(guard, element, quantified));
                    return MakeSeqAfter(term, after);
                }

            case SyntaxKind.TypeName:
                {
                    var element = new RuleElement(RuleElementKind.Type, s);
                    return MakeSeqAfter(Formula.InnerAnd(MatchQuantified(guard, element, quantified)), after);
                }

            case SyntaxKind.LabeledStatement when s.AsLabeledStatement().Statement is { } labeled:
                {
                    // "l: S" is the label node, then S.
                    var element = new RuleElement(RuleElementKind.Atom, s);
                    var rest = Statement(labeled, false, after, quantified, label, llabel, slabel, guard, [], after2);
                    return MakeSeq(MatchQuantified(guard, element, quantified), rest);
                }

            case SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement:
                {
                    var kind = s.Kind == SyntaxKind.CaseStatement ? RuleElementKind.Case : RuleElementKind.Default;
                    var element = new RuleElement(kind, s);
                    var inner = s.Kind == SyntaxKind.CaseStatement ? s.AsCaseStatement().Statement : s.AsDefaultStatement().Statement;
                    var head = MatchQuantified(guard, element, quantified);
                    return inner is { } st
                        ? MakeSeq(head, Statement(st, false, after, quantified, label, llabel, slabel, guard, [], after2))
                        : MakeSeqAfter(head, after);
                }

            default:
                {
                    var element = new RuleElement(RuleElementKind.Atom, s) { DroppedBraces = _droppedBraces is { } d && d.Inner == s ? d.Compound : null };
                    var term = LiftedDisjunction(s, quantified) is { } lifted
                        ? AtomBranches(element, lifted, guard, quantified)
                        : MatchQuantified(guard, element, quantified);
                    if (s.Kind == SyntaxKind.BreakStatement && (slabel ?? llabel) is { } target)
                    {
                        target.Used = true;
                        term = And(term, Pred(CtlPredicateKind.BreakContinueLabel, target.Variable));
                    }
                    else if (s.Kind == SyntaxKind.ContinueStatement && llabel is { } loop)
                    {
                        loop.Used = true;
                        term = And(term, Pred(CtlPredicateKind.BreakContinueLabel, loop.Variable));
                    }
                    else if (s.Kind == SyntaxKind.ReturnStatement && ImplicitReturnAllowed(s))
                    {
                        // What follows a return is not matched. A function may also end without
                        // "return;": then its closing brace stands for it.
                        var implicitReturn = MatchQuantified(guard, new RuleElement(RuleElementKind.ImplicitReturn, s), quantified);
                        var anyBrace = Formula.Pred(new CtlPredicate(CtlPredicateKind.Match, null, new RuleElement(RuleElementKind.AnyCloseBrace, s, Stripped: true)));
                        var noReturnBefore = Formula.AG(Not(Uncheck(Pred(CtlPredicateKind.Return))), Direction.Backward);
                        return Or(MakeSeqAfter(term, after), And(implicitReturn, And(AU(anyBrace, Pred(CtlPredicateKind.Exit), _exists), noReturnBefore)));
                    }

                    var single = MakeSeqAfter(term, after);
                    return !guard && SplitDeclaration(s, after, quantified) is { } split ? SeqOr(single, split) : single;
                }
        }
    }

    /// <summary>
    /// A declaration of several names in the rule, "int *q, b;", as spatch reads it: one declaration per
    /// name, in a row, the type with the first name's stars given to each ("int *q; int *b;"). Null for one name.
    /// </summary>
    private F? SplitDeclaration(SyntaxNode s, After after, HashSet<string> quantified)
    {
        if (s.Kind != SyntaxKind.Declaration || _droppedBraces is { } d && d.Inner == s)
        {
            return null;
        }

        int count = Matcher.ItemsOf(s.AsDeclaration().DeclaratorList).Elements.Count;
        if (count < 2)
        {
            return null;
        }

        var shared = FreeVariables(s).Where(v => !quantified.Contains(v)).ToList();
        var inner = new HashSet<string>(quantified, StringComparer.Ordinal);
        inner.UnionWith(shared);
        var parts = new List<F>(count + 1);
        for (int i = 0; i < count; i++)
        {
            parts.Add(MatchQuantified(false, new RuleElement(RuleElementKind.Atom, s) { SplitDeclarator = i }, inner));
        }

        if (after is AfterF a)
        {
            parts.Add(a.Formula);
        }

        return Quantify(false, shared, MakeSeq([.. parts]));
    }

    private static After AfterToGuard(After after) => after is AfterF a ? new Guard(a.Formula) : after;

    // ---- Dots and nests ----

    private F DotsAndNests(
        bool plus,
        F? nest,
        SyntaxNode whenList,
        IReadOnlyList<BefAft> before,
        IReadOnlyList<BefAft> after2,
        F? dotCode,
        After after,
        LabelInfo? label,
        bool guard,
        HashSet<string> quantified)
    {
        var whens = whenList.Tree is null ? [] : whenList.ChildNodes().Select(w => w.AsWhenClause()).ToList();
        bool whenAny = whens.Any(w => w.Code is null && w.Modifier?.Text == "any");
        bool strict = whens.Any(w => w.Code is null && w.Modifier?.Text == "strict");
        bool exists = _exists;
        if (whens.Any(w => w.Code is null && w.Modifier?.Text == "exists"))
        {
            exists = true;
        }
        else if (whens.Any(w => w.Code is null && w.Modifier?.Text == "forall"))
        {
            exists = false;
        }

        // The statements right before and after: not crossed (shortest path), unless "when any".
        F befAft = Formula.False<CtlPredicate>();
        if (!whenAny)
        {
            foreach (var b in before.Concat(after2))
            {
                befAft = Or(befAft, ProcessBefAft(b, quantified));
            }
        }

        F aftOnly = Formula.False<CtlPredicate>();
        foreach (var a in after2)
        {
            aftOnly = Or(aftOnly, ProcessBefAft(a, quantified));
        }

        F labelled = Formula.True<CtlPredicate>();
        if (label is not null)
        {
            label.Used = true;
            labelled = Pred(CtlPredicateKind.PrefixLabel, label.Variable);
        }

        F WhenCodes(F arg)
        {
            F positive = arg;
            F negative = Pred(CtlPredicateKind.After); // [after] is not part of the program
            foreach (var w in whens)
            {
                if (w.Code is not { } code)
                {
                    continue;
                }

                var codeItems = code.Kind == SyntaxKind.List ? code.ChildNodes().ToList() : [code];
                if (w.Modifier is { } modifier && modifier.Text is "true" or "false")
                {
                    var condition = codeItems.Count == 1 && codeItems[0].Kind == SyntaxKind.BareExpression ? codeItems[0].AsBareExpression().Expression : codeItems[0];
                    negative = Or(negative, modifier.Text == "true" ? WhenTrue(condition, quantified) : WhenFalse(condition, quantified));
                    continue;
                }

                if (w.Operator is { Kind: SyntaxKind.EqualsToken })
                {
                    positive = And(positive, StatementList(codeItems, false, s_tail, quantified, null, null, null, true, true, [], []));
                }
                else
                {
                    negative = Or(negative, StatementList(codeItems, false, s_tail, quantified, null, null, null, true, true, [], []));
                }
            }

            return And(positive, Not(negative));
        }

        string plusVariable = string.Empty;
        if (plus)
        {
            plusVariable = NextLabel().Variable;
        }

        F orNest, justNest;
        if (nest is null || (guard && !plus))
        {
            orNest = WhenCodes(Formula.True<CtlPredicate>());
            justNest = Formula.True<CtlPredicate>();
        }
        else
        {
            string v = NextLet();
            F isPlus(F x) => plus ? And(x, Pred(CtlPredicateKind.BindGood, plusVariable)) : x;
            var body = Formula.Let(v, nest, Formula.Or(isPlus(Formula.Ref<CtlPredicate>(v)), WhenCodes(Formula.Not(Uncheck(Formula.Ref<CtlPredicate>(v))))));
            orNest = body;
            justNest = body;
        }

        F ender = after switch
        {
            AfterF a => And(a.Formula, labelled),
            Guard g => And(Uncheck(g.Formula), labelled),
            VeryEnd => Or(Pred(CtlPredicateKind.Exit), Pred(CtlPredicateKind.ErrorExit)),
            End => Formula.True<CtlPredicate>(),
            _ => label is not null ? Or(Pred(CtlPredicateKind.Label, label.Variable), BackEX(Or(Pred(CtlPredicateKind.Return), Pred(CtlPredicateKind.Goto)))) : Pred(CtlPredicateKind.Exit),
        };
        if (after is Tail && label is not null)
        {
            label.Used = true;
        }

        F existsWithoutAfter = exists || _exists ? Not(Pred(CtlPredicateKind.After)) : Formula.True<CtlPredicate>();
        F x = And(existsWithoutAfter, And(dotCode ?? Formula.True<CtlPredicate>(), And(Not(befAft), And(orNest, labelled))));
        var result = DotsAu(strict, after is Tail or VeryEnd, justNest, x, aftOnly, ender, exists);
        if (plus)
        {
            result = Formula.Exists(plusVariable, And(result, Not(Pred(CtlPredicateKind.BindBad, plusVariable))));
        }

        if (exists != _exists)
        {
            // "when exists"/"when forall": the step into the dots takes their quantifier too.
            _switchedQuantifier.Add(result);
        }

        return result;
    }

    /// <summary>Where dots that end the code stop: what <see cref="DotsAndNests"/> takes for their end.</summary>
    private static F EndAfterDots(After after, LabelInfo? label)
    {
        switch (after)
        {
            case VeryEnd:
                return Or(Pred(CtlPredicateKind.Exit), Pred(CtlPredicateKind.ErrorExit));
            case End:
                return Formula.True<CtlPredicate>();
            default:
                if (label is null)
                {
                    return Pred(CtlPredicateKind.Exit);
                }

                label.Used = true;
                return Or(Pred(CtlPredicateKind.Label, label.Variable), BackEX(Or(Pred(CtlPredicateKind.Return), Pred(CtlPredicateKind.Goto))));
        }
    }

    /// <summary>
    /// A[x U y] (E[x U y] under exists), where under forall a path may also stop at an [after] node,
    /// or, in an escaping then-branch, at a return/continue/[after] without what follows or a
    /// goto/break after which it never comes.
    /// </summary>
    private F DotsAu(bool strict, bool toEnd, F nestBody, F x, F seqAfter, F y, bool exists)
    {
        if (exists)
        {
            return AU(x, y, exists: true);
        }

        if (toEnd)
        {
            return AU(x, Or(y, Or(Pred(CtlPredicateKind.After), Pred(CtlPredicateKind.ErrorExit))), exists: false);
        }

        if (strict)
        {
            return AU(x, Or(y, Pred(CtlPredicateKind.After)), exists: false);
        }

        string v = NextLet();
        var label = NextLabel();
        var labelPred = Pred(CtlPredicateKind.Label, label.Variable);
        var prefixPred = Pred(CtlPredicateKind.PrefixLabel, label.Variable);
        var refV = Formula.Ref<CtlPredicate>(v);
        var escape = Formula.Exists(
            label.Variable,
            And(
                And(Pred(CtlPredicateKind.EscapingTrueBranch), labelPred),
                AU(
                    And(Not(refV), And(nestBody, prefixPred)),
                    And(
                        prefixPred,
                        Or(
                            And(Or(Pred(CtlPredicateKind.After), Or(Pred(CtlPredicateKind.Return), Pred(CtlPredicateKind.Continue))), Not(seqAfter)),
                            And(Or(Pred(CtlPredicateKind.Goto), Pred(CtlPredicateKind.Break)), AG(Not(seqAfter))))),
                    exists: false)));
        var stopEarly = Or(Pred(CtlPredicateKind.After), escape);
        return AU(x, Formula.Let(v, y, Or(refV, stopEarly)), exists: false);
    }

    private F WhenTrue(SyntaxNode condition, HashSet<string> quantified)
    {
        var ifHeader = MatchQuantified(true, new RuleElement(RuleElementKind.IfTest, condition), quantified);
        var loopHeader = MatchQuantified(true, new RuleElement(RuleElementKind.LoopTest, condition), quantified);
        return Or(And(Pred(CtlPredicateKind.TrueBranch), BackEX(ifHeader)), And(Pred(CtlPredicateKind.InLoop), BackEX(loopHeader)));
    }

    private F WhenFalse(SyntaxNode condition, HashSet<string> quantified)
    {
        var ifHeader = MatchQuantified(true, new RuleElement(RuleElementKind.IfTest, condition), quantified);
        var loopHeader = MatchQuantified(true, new RuleElement(RuleElementKind.LoopTest, condition), quantified);
        return Or(
            And(Pred(CtlPredicateKind.FalseBranch), BackEX(ifHeader)),
            Or(And(Pred(CtlPredicateKind.FallThrough), BackEX(ifHeader)), And(Pred(CtlPredicateKind.LoopFallThrough), BackEX(loopHeader))));
    }

    /// <summary>
    /// Whether "return;" may stand for the end of a function without one: when its changes can
    /// all go before the closing brace (removed entirely, or kept with code added before it or
    /// after it but not between its tokens).
    /// </summary>
    private bool ImplicitReturnAllowed(SyntaxNode statement)
    {
        // "return ...;" is also "return;" (standard.iso's ret), so it may stand for the end too.
        var ret = statement.AsReturnStatement();
        if (ret.Expression is { } expression && expression.Kind != SyntaxKind.Dots)
        {
            return false;
        }

        var body = _rule.Body;
        int r = ret.ReturnKeyword.Index, semi = ret.Semicolon.Index;
        bool rMinus = body.MinusMarks[r] == TokenMark.Minus, semiMinus = body.MinusMarks[semi] == TokenMark.Minus;
        if (rMinus && semiMinus)
        {
            return true;
        }

        if (rMinus || semiMinus)
        {
            return false;
        }

        return body.GetPlus(r, PlusSide.After).Count == 0 && body.GetPlus(semi, PlusSide.Before).Count == 0;
    }
}
