using Sevenspot.C;
using Sevenspot.Engine.Ctl;
using F = Sevenspot.Engine.Ctl.Formula<Sevenspot.Engine.CtlPredicate>;

namespace Sevenspot.Engine;

internal sealed partial class CtlTranslator
{
    /// <summary>
    /// { body }: the opening brace (tied to its closing one by a paren variable and labelling the
    /// block), then the body up to the matching closing brace.
    /// </summary>
    private F Seq(SyntaxNode s, After after, HashSet<string> quantified, LabelInfo? label, LabelInfo? llabel, LabelInfo? slabel, bool guard)
    {
        var compound = s.AsCompoundStatement();
        var bodyItems = compound.StatementList.ChildNodes().ToList();
        var lbrace = new RuleElement(RuleElementKind.SeqStart, s);
        var rbrace = new RuleElement(RuleElementKind.SeqEnd, s);
        var lbFvs = ElementVariables(lbrace);
        var bodyFvs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in bodyItems)
        {
            bodyFvs.UnionWith(FreeVariables(item));
        }

        var rbFvs = ElementVariables(rbrace);
        var fvs = SeqFvs(quantified, [lbFvs, bodyFvs, rbFvs]);
        var (lbOnly, b1) = fvs[0];
        var (_, b2) = fvs[1];
        var (rbOnly, _) = fvs[2];

        // { ... } alone at the end of a pattern: only the opening brace.
        bool emptyBody = bodyItems.Count == 1 && bodyItems[0].Kind == SyntaxKind.Dots && bodyItems[0].AsDots().WhenList.ChildCount == 0
            && _rule.Body.MinusMarks[bodyItems[0].FirstTokenIndex] == Smpl.TokenMark.Context;
        if (emptyBody && after is Tail or End or VeryEnd && !ContainsModification(rbrace))
        {
            return Quantify(guard, lbOnly, MakeMatch(guard, lbrace));
        }

        string pv = ParenVariable(s);
        var lv = NextLabel();
        lv.Used = true;
        var parenPred = Pred(CtlPredicateKind.Paren, pv);
        var labelPred = Pred(CtlPredicateKind.Label, lv.Variable);
        var startBrace = And(Quantify(guard, lbOnly, MakeMatch(guard, lbrace)), And(parenPred, labelPred));
        var endBrace = Quantify(
            guard,
            rbOnly,
            AU(MakeMatch(guard, rbrace with { Stripped = true }), And(MakeMatch(guard, rbrace), parenPred), _exists));

        var quantified2 = new HashSet<string>(quantified, StringComparer.Ordinal);
        quantified2.UnionWith(b1);
        quantified2.UnionWith(b2);
        quantified2.Add(pv);
        quantified2.Add(lv.Variable);
        if (WholeBodyStatementList(bodyItems) is { } list)
        {
            // { SL }: the list is bound at the opening brace, then the block is left as a whole
            var listMatch = MatchQuantified(guard, new RuleElement(RuleElementKind.StatementList, list), quantified2);
            // Code added after the list goes before the closing brace, so it changes the brace too
            // (spatch: "{ SL + fini(); }" reaches a branch's or a loop's block, not a function's body).
            bool closeChanged = ContainsModification(rbrace) || _rule.Body.GetPlus(list.LastTokenIndex, Smpl.PlusSide.After).Count > 0;
            if (after is Tail or End or VeryEnd && !closeChanged)
            {
                // Nothing after it: the opening brace suffices, and a function's body (which has no [after]) is one too.
                return Quantify(guard, b1, Quantify(guard, b2, And(Quantify(guard, lbOnly, MakeMatch(guard, lbrace)), listMatch)));
            }

            var whole = MakeSeqEx(And(startBrace, listMatch), Pred(CtlPredicateKind.After), MakeSeqAfter(endBrace, after));
            return Formula.Exists(pv, Formula.Exists(lv.Variable, Quantify(guard, b1, Quantify(guard, b2, whole))));
        }

        if (emptyBody)
        {
            // match { and } but nothing else
            var simple = MakeSeqEx(startBrace, Pred(CtlPredicateKind.After), MakeSeqAfter(endBrace, after));
            return Formula.Exists(pv, Formula.Exists(lv.Variable, Quantify(guard, b1, simple)));
        }

        var body = StatementList(
            bodyItems,
            false,
            new AfterF(MakeSeqAfter(endBrace, after)),
            quantified2,
            lv,
            llabel,
            slabel,
            false,
            guard,
            [new WParen(lbrace with { Stripped = true }, pv)],
            [new WParen(rbrace with { Stripped = true }, pv)]);
        var inner = Or(_exists ? Formula.False<CtlPredicate>() : Pred(CtlPredicateKind.After), Quantify(guard, b2, body));
        var asGiven = Formula.Exists(pv, Formula.Exists(lv.Variable, Quantify(guard, b1, MakeSeq(startBrace, inner))));
        if (!EndsInReturn(bodyItems, dotsBefore: false))
        {
            return asGiven;
        }

        // Error handling code: the block may also be reached by a goto (the code after its label,
        // without the braces), or leave by a goto before its end.
        var quantifiedNoParen = new HashSet<string>(quantified, StringComparer.Ordinal);
        quantifiedNoParen.UnionWith(b1);
        quantifiedNoParen.UnionWith(b2);
        var afterGoto = StatementList(bodyItems, false, s_end, quantifiedNoParen, null, llabel, slabel, true, guard, [], []);
        var viaGoto = Quantify(guard, b1, MakeSeq(Pred(CtlPredicateKind.Goto), AU(MakeMatch(guard, rbrace with { Stripped = true }), AX(Quantify(guard, b2, afterGoto)), _exists)));

        var realCode = Quantify(guard, b2, StatementList(
            bodyItems,
            false,
            s_tail,
            quantified2,
            null,
            llabel,
            slabel,
            false,
            guard,
            [new WParen(lbrace with { Stripped = true }, pv)],
            [new WParen(rbrace with { Stripped = true }, pv)]));
        F leavesByGoto;
        if (ContainsModification(rbrace))
        {
            // The closing brace must still be reached, after a goto.
            var lv2 = NextLabel();
            var start2 = And(Quantify(guard, lbOnly, MakeMatch(guard, lbrace)), And(parenPred, Pred(CtlPredicateKind.Label, lv2.Variable)));
            var escape = Formula.AU(
                Pred(CtlPredicateKind.PrefixLabel, lv2.Variable),
                Or(Pred(CtlPredicateKind.After), And(Pred(CtlPredicateKind.Goto), Formula.AF(endBrace, Direction.Forward, Strictness.Strict))),
                Direction.Forward,
                Strictness.Strict);
            leavesByGoto = Formula.Exists(pv, Formula.Exists(lv2.Variable, Quantify(guard, b1, MakeSeq(start2, And(escape, realCode)))));
        }
        else
        {
            var start3 = And(Quantify(guard, lbOnly, MakeMatch(guard, lbrace)), parenPred);
            var alwaysGoto = And(EX(Pred(CtlPredicateKind.GotoAfter)), Not(EX(And(Pred(CtlPredicateKind.After), Not(Pred(CtlPredicateKind.GotoAfter))))));
            leavesByGoto = Formula.Exists(pv, Quantify(guard, b1, MakeSeq(And(start3, alwaysGoto), realCode)));
        }

        return Or(asGiven, Or(viaGoto, leavesByGoto));
    }

    /// <summary>Whether a block of the pattern ends in a return, after a "..." or a nest (error handling code).</summary>
    private static bool EndsInReturn(IReadOnlyList<SyntaxNode> items, bool dotsBefore)
    {
        if (items.Count == 0)
        {
            return false;
        }

        foreach (var item in items)
        {
            dotsBefore |= item.Kind is SyntaxKind.Dots or SyntaxKind.Nest;
        }

        var last = items[^1];
        switch (last.Kind)
        {
            case SyntaxKind.ReturnStatement:
                return dotsBefore;
            case SyntaxKind.Disjunction:
                return Matcher.Branches(last).All(b => EndsInReturn(b.Kind == SyntaxKind.List ? b.ChildNodes().ToList() : [b], dotsBefore));
            case SyntaxKind.Conjunction:
                return Matcher.Branches(last).Any(b => EndsInReturn(b.Kind == SyntaxKind.List ? b.ChildNodes().ToList() : [b], dotsBefore));
            default:
                return false;
        }
    }

    /// <summary>
    /// The end of an if, loop or switch: the header, the branches (each reached by EX), and the
    /// [after] (or loop exit) branch that leads to what follows the statement.
    /// </summary>
    private F EndControlStructure(HashSet<string> fvs, F header, Func<F, List<F>> body, F afterPred, F? afterChecks, F? noAfterChecks, After after, bool guard)
    {
        var afterBranch = MakeSeqAfter2(afterPred, after);
        var cases = body(afterBranch);
        F conjunction = Formula.True<CtlPredicate>();
        foreach (var c in cases)
        {
            conjunction = And(conjunction, EX(c));
        }

        var checks = after is AfterF ? afterChecks : noAfterChecks;
        return Quantify(guard, fvs, And(header, checks is null ? conjunction : And(checks, conjunction)));
    }

    /// <summary>if (E) S; <paramref name="negated"/>: "if (E) S1 else S2" as if (!E) S2 (neg_if, then drop_else).</summary>
    private F IfThen(SyntaxNode s, After after, HashSet<string> quantified, LabelInfo? label, LabelInfo? llabel, LabelInfo? slabel, bool guard, bool negated = false)
    {
        var ifs = s.AsIfStatement();
        var header = new RuleElement(RuleElementKind.IfHeader, s) { NegatedTest = negated };
        var thenBranch = negated ? ifs.Else!.Value : ifs.Statement;
        var fvs = SeqFvs(quantified, [ElementVariables(header), FreeVariables(thenBranch), []]);
        var (efvs, b1) = fvs[0];
        var (_, b2) = fvs[1];
        var bfvs = new HashSet<string>(b1.Concat(b2), StringComparer.Ordinal);
        var newQuantified = new HashSet<string>(quantified.Concat(bfvs), StringComparer.Ordinal);
        var ifHeader = Quantify(guard, efvs, MakeMatch(guard, header));
        var lv = NextLabel();
        var trueBranch = MakeSeq(Pred(CtlPredicateKind.TrueBranch), Statement(thenBranch, false, s_tail, newQuantified, lv, llabel, slabel, guard, [], []));
        var result = EndControlStructure(
            bfvs,
            lv.Used ? And(ifHeader, Pred(CtlPredicateKind.Label, lv.Variable)) : ifHeader,
            afterBranch => [trueBranch, Pred(CtlPredicateKind.FallThrough), afterBranch],
            Pred(CtlPredicateKind.After),
            EX(Pred(CtlPredicateKind.After)),
            null,
            after,
            guard);
        return lv.Used ? Formula.Exists(lv.Variable, result) : result;
    }

    /// <summary>
    /// if (E) S1 else S2; <paramref name="negated"/>: the neg_if form, which matches if (!E) S2 else S1
    /// (the rule's then-branch against the code's else-branch).
    /// </summary>
    private F IfThenElse(SyntaxNode s, After after, HashSet<string> quantified, LabelInfo? label, LabelInfo? llabel, LabelInfo? slabel, bool guard, bool negated = false)
    {
        var ifs = s.AsIfStatement();
        var header = new RuleElement(RuleElementKind.IfHeader, s) { NegatedTest = negated };
        var els = new RuleElement(RuleElementKind.ElseKeyword, s);
        var thenBranch = negated ? ifs.Else!.Value : ifs.Statement;
        var elseBranch = negated ? ifs.Statement : ifs.Else!.Value;

        // Code added anywhere in the if may use what either branch binds (a replacement of the
        // whole if is hung on its last token): those variables are quantified around the if.
        var headerVars = new HashSet<string>(ElementVariables(header), StringComparer.Ordinal);
        for (int t = s.FirstTokenIndex; t <= s.LastTokenIndex; t++)
        {
            _matcher.AddPlusVariables(t, headerVars);
        }

        var f1 = SeqFvs(quantified, [headerVars, FreeVariables(thenBranch), []]);
        var elseVars = new HashSet<string>(ElementVariables(els).Concat(FreeVariables(elseBranch)), StringComparer.Ordinal);
        var f2 = SeqFvs(quantified, [headerVars, elseVars, []]);
        // A variable of both branches (if (E) S1 else S1) is one binding for the whole if, as are those shared with the header.
        var both = new HashSet<string>(f1[0].Shared.Concat(f1[1].Shared).Concat(f2[0].Shared).Concat(f2[1].Shared), StringComparer.Ordinal);
        both.UnionWith(f1[1].Only.Where(f2[1].Only.Contains));
        var exponly = new HashSet<string>(f1[0].Only.Where(f2[0].Only.Contains), StringComparer.Ordinal);
        var newQuantified = new HashSet<string>(quantified.Concat(both), StringComparer.Ordinal);
        var ifHeader = Quantify(guard, exponly, MakeMatch(guard, header));
        var lv = NextLabel();
        var trueBranch = MakeSeq(Pred(CtlPredicateKind.TrueBranch), Statement(thenBranch, false, s_tail, newQuantified, lv, llabel, slabel, guard, [], []));
        var falseBranch = MakeSeq(
            Pred(CtlPredicateKind.FalseBranch),
            Quantify(guard, ElementVariables(els).Where(v => !newQuantified.Contains(v)), MakeMatch(guard, els)),
            Statement(elseBranch, false, s_tail, newQuantified, lv, llabel, slabel, guard, [], []));
        var result = EndControlStructure(
            both,
            lv.Used ? And(ifHeader, Pred(CtlPredicateKind.Label, lv.Variable)) : ifHeader,
            afterBranch => [trueBranch, falseBranch, afterBranch],
            Pred(CtlPredicateKind.After),
            And(EX(Pred(CtlPredicateKind.FalseBranch)), EX(Pred(CtlPredicateKind.After))),
            EX(Pred(CtlPredicateKind.FalseBranch)),
            after,
            guard);
        return lv.Used ? Formula.Exists(lv.Variable, result) : result;
    }

    private F ForWhile(SyntaxNode s, RuleElementKind headerKind, SyntaxNode bodyStatement, After after, HashSet<string> quantified, LabelInfo? label, bool guard)
    {
        var header = new RuleElement(headerKind, s);
        var fvs = SeqFvs(quantified, [ElementVariables(header), FreeVariables(bodyStatement), []]);
        var (efvs, b1) = fvs[0];
        var (_, b2) = fvs[1];
        var bfvs = new HashSet<string>(b1.Concat(b2), StringComparer.Ordinal);

        // while (E) S with a plain statement metavariable at the end: the header alone.
        if (bodyStatement.Kind == SyntaxKind.MetavariableStatement && after is Tail or End or VeryEnd && !ContainsModification(new RuleElement(RuleElementKind.MetaStatement, bodyStatement)))
        {
            return Quantify(guard, efvs, MakeMatch(guard, header));
        }

        var newQuantified = new HashSet<string>(quantified.Concat(bfvs), StringComparer.Ordinal);
        var headerF = Quantify(guard, efvs, MakeMatch(guard, header));
        var lv = NextLabel();
        var body = MakeSeq(Pred(CtlPredicateKind.InLoop), Statement(bodyStatement, false, s_tail, newQuantified, lv, lv, null, guard, [], []));
        var result = EndControlStructure(
            bfvs,
            lv.Used ? And(headerF, Pred(CtlPredicateKind.Label, lv.Variable)) : headerF,
            afterBranch => [body, afterBranch],
            Pred(CtlPredicateKind.LoopFallThrough),
            EX(Pred(CtlPredicateKind.LoopFallThrough)),
            null,
            after,
            guard);
        return lv.Used ? Formula.Exists(lv.Variable, result) : result;
    }

    private F DoWhile(SyntaxNode s, After after, HashSet<string> quantified, LabelInfo? label, bool guard)
    {
        var doHeader = new RuleElement(RuleElementKind.DoHeader, s);
        var tail = new RuleElement(RuleElementKind.DoWhileTail, s);
        var bodyStatement = s.AsDoStatement().Statement;
        var fvs = SeqFvs(quantified, [ElementVariables(doHeader), FreeVariables(bodyStatement), ElementVariables(tail)]);
        var (doFvs, b1) = fvs[0];
        var (_, b2) = fvs[1];
        var (whileFvs, _) = fvs[2];
        var bfvs = new HashSet<string>(b1.Concat(b2), StringComparer.Ordinal);
        var header = Quantify(guard, doFvs, MakeMatch(guard, doHeader));
        var tailer = Quantify(guard, whileFvs, MakeMatch(guard, tail));
        var newQuantified = new HashSet<string>(quantified.Concat(bfvs), StringComparer.Ordinal);
        var tailBranch = And(tailer, And(EX(Pred(CtlPredicateKind.InLoop)), EX(Pred(CtlPredicateKind.FallThrough))));
        var lv = NextLabel();
        var body = Statement(bodyStatement, false, new AfterF(tailBranch), newQuantified, lv, lv, null, guard, [], []);
        var result = EndControlStructure(
            bfvs,
            lv.Used ? And(header, Pred(CtlPredicateKind.Label, lv.Variable)) : header,
            afterBranch => [body, afterBranch],
            Pred(CtlPredicateKind.After),
            EX(Pred(CtlPredicateKind.After)),
            null,
            after,
            guard);
        return lv.Used ? Formula.Exists(lv.Variable, result) : result;
    }

    /// <summary>A whole function: its header, then its body from the opening brace to the closing one before [exit].</summary>
    private F FunctionDefinition(SyntaxNode s, After after, HashSet<string> quantified, bool guard)
    {
        var fn = s.AsFunctionDefinition();
        var body = fn.Body;
        var header = new RuleElement(RuleElementKind.FunctionHeader, s);
        var lbrace = new RuleElement(RuleElementKind.SeqStart, body);
        var rbrace = new RuleElement(RuleElementKind.SeqEnd, body);
        var bodyItems = body.AsCompoundStatement().StatementList.ChildNodes().ToList();
        var bodyFvs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in bodyItems)
        {
            bodyFvs.UnionWith(FreeVariables(item));
        }

        var fvs = SeqFvs(quantified, [ElementVariables(header), ElementVariables(lbrace), bodyFvs, ElementVariables(rbrace)]);
        var (hFvs, b1) = fvs[0];
        var (lbFvs, b2) = fvs[1];
        var (_, b3) = fvs[2];
        var (rbFvs, _) = fvs[3];
        var functionHeader = Quantify(guard, hFvs, MakeMatch(guard, header));
        var startBrace = Quantify(guard, lbFvs, MakeMatch(guard, lbrace));
        var endBrace = And(
            Quantify(guard, rbFvs, MakeMatch(guard, rbrace)),
            And(BackEX(Not(Pred(CtlPredicateKind.FakeBrace))), AU(MakeMatch(guard, rbrace with { Stripped = true }), Or(Pred(CtlPredicateKind.Exit), Pred(CtlPredicateKind.ErrorExit)), _exists)));
        var quantified3 = new HashSet<string>(quantified.Concat(b1).Concat(b2).Concat(b3), StringComparer.Ordinal);

        F bodyCode;
        bool rbraceChanged = ContainsModification(rbrace);
        if (bodyItems.Count == 1 && bodyItems[0].Kind == SyntaxKind.Dots && bodyItems[0].AsDots().WhenList.ChildCount == 0
            && _rule.Body.MinusMarks[bodyItems[0].FirstTokenIndex] == Smpl.TokenMark.Context && !rbraceChanged)
        {
            // { ... }: any body
            bodyCode = startBrace;
        }
        else if (WholeBodyStatementList(bodyItems) is { } list)
        {
            // { SL }: any body, bound at the opening brace; a changed closing brace is the one on every path
            var listMatch = And(startBrace, MatchQuantified(guard, new RuleElement(RuleElementKind.StatementList, list), quantified3));
            bodyCode = Quantify(guard, b3, rbraceChanged ? And(listMatch, AX(AU(Formula.True<CtlPredicate>(), endBrace, _exists))) : listMatch);
        }
        else if (bodyItems.Count == 1 && bodyItems[0].Kind == SyntaxKind.Nest && !rbraceChanged && bodyItems[0].AsNest().WhenList.ChildCount == 0
            // A nest that names what the header or the brace binds, or what a later rule inherits, goes
            // the general way: the shortcut below leaves those variables free under its negation and
            // loses the nest's witnesses (its changes, and every value it binds).
            && !bodyFvs.Overlaps(b1) && !bodyFvs.Overlaps(b2) && !bodyFvs.Overlaps(quantified)
            && bodyItems[0].AsNest().Open.Kind == SyntaxKind.NestOpenToken && _rule.Body.MinusMarks[bodyItems[0].FirstTokenIndex] == Smpl.TokenMark.Context)
        {
            // { <... P ...> }: P anywhere in the body
            var nest = bodyItems[0].AsNest();
            var nestItems = nest.Body.Kind == SyntaxKind.List ? nest.Body.ChildNodes().ToList() : [nest.Body];
            var pattern = StatementList(nestItems, false, new Guard(MakeSeqAfter(endBrace, after)), quantified3, null, null, null, true, guard, [], []);
            string v = NextLet();
            var complete = Formula.Let(v, pattern, Formula.Or(Formula.Ref<CtlPredicate>(v), Formula.Not(Uncheck(Formula.Ref<CtlPredicate>(v)))));
            bodyCode = Formula.AndAny(startBrace, complete);
        }
        else
        {
            string pv = ParenVariable(body);
            var withParen = new HashSet<string>(quantified3, StringComparer.Ordinal) { pv };
            var inner = StatementList(
                bodyItems,
                false,
                new AfterF(MakeSeqAfter(endBrace, after)),
                withParen,
                null,
                null,
                null,
                false,
                guard,
                [new WParen(lbrace with { Stripped = true }, pv)],
                [new WParen(rbrace with { Stripped = true }, pv)]);
            bodyCode = Formula.Exists(pv, MakeSeq(And(startBrace, Pred(CtlPredicateKind.Paren, pv)), Quantify(guard, b3, inner)));
        }

        return Quantify(guard, b1, MakeSeq(functionHeader, Quantify(guard, b2, bodyCode)));
    }

    /// <summary>
    /// The statement list metavariable that is the whole body of a block of the pattern ("{ SL }"), or
    /// null. Elsewhere (after or before other statements of the block) such a metavariable matches
    /// nothing, as in spatch.
    /// </summary>
    private SyntaxNode? WholeBodyStatementList(List<SyntaxNode> bodyItems) =>
        bodyItems.Count == 1 && bodyItems[0].Kind == SyntaxKind.MetavariableStatement
            && _rule.Find(bodyItems[0].AsMetavariableStatement().Name.Text) is { Kind: Smpl.MetavariableKind.StatementList }
            ? bodyItems[0]
            : null;

    /// <summary>A statement metavariable: it matches where a statement starts, and what follows comes after the whole statement.</summary>
    private F MetaStatement(SyntaxNode s, After after, HashSet<string> quantified, bool guard)
    {
        var element = new RuleElement(RuleElementKind.MetaStatement, s) { DroppedBraces = _droppedBraces is { } d && d.Inner == s ? d.Compound : null };
        var match = MatchQuantified(guard, element, quantified);
        if (after is not AfterF a)
        {
            return match;
        }

        var toEnd = Or(Pred(CtlPredicateKind.After), Pred(CtlPredicateKind.LoopFallThrough));
        var isCompound = EX(MakeSeqEx(toEnd, And(Formula.True<CtlPredicate>(), AX(a.Formula))));
        var notCompound = And(Not(EX(toEnd)), AX(a.Formula));
        return And(match, Or(isCompound, notCompound));
    }
}
