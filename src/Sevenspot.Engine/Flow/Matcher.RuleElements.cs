using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

public sealed partial class Matcher
{
    /// <summary>
    /// The header of an if or a while (slots [0, 4)), where an isomorphism's variant also matches beside the
    /// pattern as written when it binds other values (see <see cref="_variantsBesideDirect"/>). The matches are
    /// gathered while that holds.
    /// </summary>
    private IEnumerable<MatchState> MatchConditionHeader(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        if (_isos is null || _variantsBesideDirect)
        {
            return MatchSlotRange(p, c, 0, 4, s);
        }

        _variantsBesideDirect = true;
        try
        {
            // PERF: most headers give no match; the list is made for the first one.
            List<MatchState>? matches = null;
            foreach (var m in MatchSlotRange(p, c, 0, 4, s))
            {
                (matches ??= []).Add(m);
            }

            return matches ?? (IEnumerable<MatchState>)[];
        }
        finally
        {
            _variantsBesideDirect = false;
        }
    }

    /// <summary>Matches a rule element against one node of a control-flow graph.</summary>
    /// <remarks><paramref name="shape"/>, the prepared graph the node belongs to, keeps the node's terms for the next match there.</remarks>
    public IEnumerable<MatchState> MatchElement(RuleElement re, ControlFlowNode node, MatchState s, FlowShape? shape = null)
    {
        if (re.ChosenDisjunction is null && re.SplitDeclarator is null)
        {
            return MatchElementCore(re, node, s, shape);
        }

        // The matches are gathered while the choice holds: it must not leak into a match the caller
        // starts between two of them.
        var (savedChosen, savedSplit) = (_chosen, _split);
        _chosen = re.ChosenDisjunction is { } disjunction ? (disjunction, re.ChosenBranch) : null;
        _split = re.SplitDeclarator is { } index ? (re.Pattern, index) : null;
        try
        {
            // PERF: most nodes give no match; the list is made for the first one.
            List<MatchState>? matches = null;
            foreach (var m in MatchElementCore(re, node, s, shape))
            {
                (matches ??= []).Add(m);
            }

            if (matches is null)
            {
                return [];
            }

            if (re.SplitDeclarator is { } part)
            {
                MarkDeclaratorParts(re, part, s, matches);
            }

            return matches;
        }
        finally
        {
            (_chosen, _split) = (savedChosen, savedSplit);
        }
    }

    /// <summary>
    /// The type and the semicolon stand for those of every declaration the rule's one is read as: code added
    /// around them goes once, around the whole row (in place of the last one when removed).
    /// </summary>
    /// <remarks>Apart from <see cref="MatchElement"/> so that the closure is made only for a split declaration.</remarks>
    private void MarkDeclaratorParts(RuleElement re, int part, MatchState s, List<MatchState> matches)
    {
        var declarators = ItemsOf(re.Pattern.AsDeclaration().DeclaratorList).Elements;
        var own = declarators[part].AsNode();
        int lastPart = declarators.Count - 1;
        TracePart PartOf(int token) =>
            token >= own.FirstTokenIndex && token <= own.LastTokenIndex ? TracePart.Whole
            : IsRemoved(token) ? (part == lastPart ? TracePart.Head : TracePart.Middle)
            : part == 0 ? TracePart.Head : part == lastPart ? TracePart.Tail : TracePart.Middle;
        for (int i = 0; i < matches.Count; i++)
        {
            matches[i] = matches[i].WithParts(s.Trace, PartOf);
        }
    }

    private IEnumerable<MatchState> MatchElementCore(RuleElement re, ControlFlowNode node, MatchState s, FlowShape? shape)
    {
        var c = node.Syntax;
        if (c is null)
        {
            return [];
        }

        var p = re.Pattern;
        switch (re.Kind)
        {
            case RuleElementKind.Atom when re.DroppedBraces is { } braces:
                return WithDroppedBraces(MatchAtom(p, node, c.Value, s), braces, c.Value);
            case RuleElementKind.Atom:
                return MatchAtom(p, node, c.Value, s);
            case RuleElementKind.Expression when re.TermVariable is { } term:
                return MatchTermAnywhere(p, term, node, c.Value, s, shape);
            case RuleElementKind.Expression:
                return MatchAnywhere(p, node, c.Value, s, type: false, shape);
            case RuleElementKind.Type:
                return MatchAnywhere(p, node, c.Value, s, type: true, shape);
            case RuleElementKind.IfHeader when re.NegatedTest && node.Kind == ControlFlowNodeKind.IfHeader && c.Value.Kind == SyntaxKind.IfStatement:
                return MatchNegatedIfHeader(p, c.Value, s);
            case RuleElementKind.IfHeader when node.Kind == ControlFlowNodeKind.IfHeader && c.Value.Kind == SyntaxKind.IfStatement:
                return MatchConditionHeader(p, c.Value, s);
            case RuleElementKind.ElseKeyword when node.Kind == ControlFlowNodeKind.ElseKeyword && c.Value.Kind == SyntaxKind.IfStatement:
                return MatchSlotRange(p, c.Value, 5, 6, s);
            case RuleElementKind.WhileHeader when node.Kind == ControlFlowNodeKind.WhileHeader && c.Value.Kind == SyntaxKind.WhileStatement:
                return MatchConditionHeader(p, c.Value, s);
            case RuleElementKind.ForHeader when node.Kind == ControlFlowNodeKind.ForHeader && c.Value.Kind == SyntaxKind.ForStatement:
                return MatchHeaderWithIsomorphisms(p, c.Value, 8, s);
            case RuleElementKind.IteratorHeader when node.Kind == ControlFlowNodeKind.IteratorHeader && c.Value.Kind == SyntaxKind.IteratorStatement:
                return MatchSlotRange(p, c.Value, 0, 4, s);
            case RuleElementKind.SwitchHeader when node.Kind == ControlFlowNodeKind.SwitchHeader && c.Value.Kind == SyntaxKind.SwitchStatement:
                return MatchSlotRange(p, c.Value, 0, 4, s);
            case RuleElementKind.DoHeader when node.Kind == ControlFlowNodeKind.DoHeader && c.Value.Kind == SyntaxKind.DoStatement:
                return MatchSlotRange(p, c.Value, 0, 1, s);
            case RuleElementKind.DoWhileTail when node.Kind == ControlFlowNodeKind.DoWhileTail && c.Value.Kind == SyntaxKind.DoStatement:
                return MatchSlotRange(p, c.Value, 2, 7, s);
            case RuleElementKind.SeqStart when node.Kind == ControlFlowNodeKind.BlockOpen && c.Value.Kind == SyntaxKind.CompoundStatement:
                return AddsAroundOwnedBlock(p, c.Value) ? [] : MatchSlotRange(p, c.Value, 0, 1, s);
            case RuleElementKind.SeqEnd when node.Kind == ControlFlowNodeKind.BlockClose && c.Value.Kind == SyntaxKind.CompoundStatement:
                return AddsAroundOwnedBlock(p, c.Value) ? [] : MatchSlotRange(p, c.Value, 2, 3, s);
            case RuleElementKind.FunctionHeader when node.Kind == ControlFlowNodeKind.FunctionHeader && c.Value.Kind == SyntaxKind.FunctionDefinition:
                return MatchFunctionHeader(p, c.Value, s);
            case RuleElementKind.MetaStatement when re.DroppedBraces is { } braces:
                return WithDroppedBraces(MatchMetaStatementNode(p, node, c.Value, s), braces, c.Value);
            case RuleElementKind.MetaStatement:
                return MatchMetaStatementNode(p, node, c.Value, s);
            case RuleElementKind.StatementList when node.Kind == ControlFlowNodeKind.BlockOpen && c.Value.Kind == SyntaxKind.CompoundStatement:
                return MatchStatementListBody(p, c.Value, s);
            case RuleElementKind.Case when node.Kind == ControlFlowNodeKind.Case && c.Value.Kind == SyntaxKind.CaseStatement:
                return MatchSlotRange(p, c.Value, 0, 5, s);
            case RuleElementKind.Default when node.Kind == ControlFlowNodeKind.Default && c.Value.Kind == SyntaxKind.DefaultStatement:
                return MatchSlotRange(p, c.Value, 0, 2, s);
            // A body whose closing brace is missing (a function that did not parse to its end) has no place for the return.
            case RuleElementKind.ImplicitReturn when node.Kind == ControlFlowNodeKind.BlockClose && c.Value.Kind == SyntaxKind.CompoundStatement:
                return c.Value.GetTokenSlot(2) is { } closeBrace && ImplicitReturn(p, closeBrace.Index, s) is { } atBrace ? [atBrace] : [];
            case RuleElementKind.AnyCloseBrace:
                return node.Kind == ControlFlowNodeKind.BlockClose ? [s] : [];
            case RuleElementKind.MinusDots:
                return MatchMinusDots(p, node, c.Value, s);
            case RuleElementKind.IfTest when node.Kind == ControlFlowNodeKind.IfHeader && c.Value.Kind == SyntaxKind.IfStatement:
                return MatchTest(p, c.Value.AsIfStatement().Condition, s);
            case RuleElementKind.LoopTest when node.Kind == ControlFlowNodeKind.WhileHeader && c.Value.Kind == SyntaxKind.WhileStatement:
                return MatchTest(p, c.Value.AsWhileStatement().Condition, s);
            case RuleElementKind.LoopTest when node.Kind == ControlFlowNodeKind.ForHeader && c.Value.Kind == SyntaxKind.ForStatement && c.Value.AsForStatement().Condition is { } condition:
                return MatchTest(p, condition, s);
            default:
                return [];
        }
    }

    /// <summary>
    /// A block of the pattern with code added before its opening brace or after its closing one does not
    /// match a block that belongs to a statement (a branch, a loop's body, a function's body): spatch
    /// leaves "if (x) { a(); }" and "int f() { a(); }" alone for "{ S } + foo();", where the code would
    /// land inside the owner or after the function. A block that stands alone matches, and so does a
    /// removed one, whose added code replaces it; a block that the pattern writes as a branch or a
    /// function's body is matched as such.
    /// </summary>
    private bool AddsAroundOwnedBlock(SyntaxNode p, SyntaxNode c)
    {
        if (p.Kind != SyntaxKind.CompoundStatement || IsOwnedBlock(p) || !IsOwnedBlock(c))
        {
            return false;
        }

        // On a removed brace the code takes the place of the block (the owner's part), which is fine.
        var body = _ctx.Rule.Body;
        return (body.MinusMarks[p.FirstTokenIndex] != TokenMark.Minus && body.GetPlus(p.FirstTokenIndex, PlusSide.Before).Count > 0)
            || (body.MinusMarks[p.LastTokenIndex] != TokenMark.Minus && body.GetPlus(p.LastTokenIndex, PlusSide.After).Count > 0);
    }

    private static bool IsOwnedBlock(SyntaxNode block) => block.Parent is { } owner
        && owner.Kind is SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.ForStatement or SyntaxKind.DoStatement
            or SyntaxKind.IteratorStatement or SyntaxKind.FunctionDefinition;

    /// <summary>The braces of the pattern that an isomorphism dropped stand on the first and last tokens of the code.</summary>
    private static IEnumerable<MatchState> WithDroppedBraces(IEnumerable<MatchState> matches, SyntaxNode braces, SyntaxNode c)
    {
        var compound = braces.AsCompoundStatement();
        // A case label stands for its statement up to the colon (see MatchCaseLabel).
        int last = c.Kind switch
        {
            SyntaxKind.CaseStatement => LastTokenBeforeSlot(c, 5),
            SyntaxKind.DefaultStatement => LastTokenBeforeSlot(c, 2),
            _ => c.LastTokenIndex,
        };
        foreach (var m in matches)
        {
            yield return m.Record(compound.OpenBrace.Index, c.FirstTokenIndex, c.FirstTokenIndex).Record(compound.CloseBrace.Index, last, last);
        }
    }

    /// <summary>
    /// "return;" matched at a closing brace: removed, it leaves an empty place before the brace for
    /// what replaces it; kept, its tokens stand on the brace, so what is added before it goes there.
    /// A position on the return is the brace's (spatch: "return@r ...;" at the end of a function
    /// binds r to the closing brace, columns 0-1).
    /// </summary>
    private MatchState? ImplicitReturn(SyntaxNode p, int brace, MatchState s)
    {
        var ret = p.AsReturnStatement();
        bool minus = _ctx.Rule.Body.MinusMarks[ret.ReturnKeyword.Index] == TokenMark.Minus;
        int last = minus ? brace - 1 : brace;
        s = s.Record(ret.ReturnKeyword.Index, brace, last).Record(ret.Semicolon.Index, brace, last);
        if (ret.Expression is { Kind: SyntaxKind.Dots } dots)
        {
            s = s.Record(dots.FirstTokenIndex, brace, last);
        }

        return WithPositions(ret.ReturnKeyword.Index, brace, brace, s);
    }

    /// <summary>
    /// The condition of a "when true"/"when false" clause ("A || ..." stands for a condition that has A
    /// as an operand, A alone included: MatchLogicalChain).
    /// </summary>
    private IEnumerable<MatchState> MatchTest(SyntaxNode p, SyntaxNode condition, MatchState s)
    {
        var pattern = p.Kind == SyntaxKind.BareExpression ? p.AsBareExpression().Expression : p;
        return Match(new SyntaxElement(pattern.Tree, ChildRefOf(pattern)), new SyntaxElement(condition.Tree, ChildRefOf(condition)), s);
    }

    /// <summary>Slots [from, to) of two nodes of the same kind.</summary>
    private IEnumerable<MatchState> MatchSlotRange(SyntaxNode p, SyntaxNode c, int from, int to, MatchState s)
    {
        if (p.Kind != c.Kind || !SlotRangeMayMatch(p, c, from, to))
        {
            return [];
        }

        return MatchHeaderSlots(p, c, from, to, s);
    }

    /// <summary>
    /// Whether slots [from, to) of two nodes of the same kind can match at all (as <see cref="SlotsMayMatch"/>;
    /// a slot absent on either side is left to <see cref="MatchHeaderSlots"/>). PERF: most headers of a
    /// function fail on a keyword or a plain name, before any enumerator or binding is made.
    /// </summary>
    private bool SlotRangeMayMatch(SyntaxNode p, SyntaxNode c, int from, int to)
    {
        if (p.ChildCount < to || c.ChildCount < to)
        {
            return true;
        }

        for (int slot = from; slot < to; slot++)
        {
            if (p.GetSlot(slot) is not { } pe || c.GetSlot(slot) is not { } ce)
            {
                continue;
            }

            if (pe.IsToken)
            {
                // A token of the rule matches only a token (Match).
                if (!ce.IsToken || !PlainTokenMayMatch(pe.AsToken(), ce.AsToken()))
                {
                    return false;
                }

                continue;
            }

            if (!ce.IsToken && !NodeMayMatch(pe.AsNode(), ce.AsNode()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"if (X)" of the rule against "if (Y)" where Y is the negation of X: !X, or == for !=.</summary>
    /// <remarks>PERF: tried at every if of a function; most give no match, found without an enumerator of its own.</remarks>
    private IEnumerable<MatchState> MatchNegatedIfHeader(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        // neg_if's form comes after the written one, as a later branch of a disjunction: an if the written
        // condition matches is not matched again negated ("if (\(!E\|E > N\))" against "if (n > N)").
        if (Any(MatchSlotRange(p, c, 0, 4, s)))
        {
            return [];
        }

        var pc = p.AsIfStatement().Condition;
        var cc = c.AsIfStatement().Condition;
        var heads = MatchHeaderSlots(p, c, 0, 2, s);
        if (heads is IReadOnlyList<MatchState> { Count: <= 1 } few)
        {
            if (few.Count == 0)
            {
                return [];
            }

            var negations = MatchNegation(pc, cc, few[0]);
            return negations is IReadOnlyCollection<MatchState> { Count: 0 } ? [] : NegatedIfHeaders(p, c, pc, cc, few, negations);
        }

        return NegatedIfHeaders(p, c, pc, cc, heads, null);
    }

    /// <summary>Whether there is a match, asked without an enumerator when the matches are known already.</summary>
    private static bool Any(IEnumerable<MatchState> matches)
    {
        if (matches is IReadOnlyCollection<MatchState> known)
        {
            return known.Count > 0;
        }

        using var e = matches.GetEnumerator();
        return e.MoveNext();
    }

    /// <summary>
    /// After each match of "if (": the rule's condition negated against the code's, then ")".
    /// <paramref name="negationsOfOnlyHead"/>, when given, are the negations of the one match in <paramref name="heads"/>.
    /// </summary>
    private IEnumerable<MatchState> NegatedIfHeaders(SyntaxNode p, SyntaxNode c, SyntaxNode pc, SyntaxNode cc, IEnumerable<MatchState> heads, IEnumerable<MatchState>? negationsOfOnlyHead)
    {
        foreach (var s1 in heads)
        {
            foreach (var s2 in negationsOfOnlyHead ?? MatchNegation(pc, cc, s1))
            {
                // The rule's condition stands for the whole negated condition of the code.
                var s3 = s2.Record(pc.FirstTokenIndex, cc.FirstTokenIndex, cc.LastTokenIndex);
                if (pc.LastTokenIndex != pc.FirstTokenIndex)
                {
                    s3 = s3.Record(pc.LastTokenIndex, cc.FirstTokenIndex, cc.LastTokenIndex);
                }

                foreach (var s4 in MatchHeaderSlots(p, c, 3, 4, s3))
                {
                    yield return s4;
                }
            }
        }
    }

    private IEnumerable<MatchState> MatchNegation(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        while (c.Kind == SyntaxKind.ParenthesizedExpression)
        {
            c = c.AsParenthesizedExpression().Expression;
        }

        if (p.Kind == SyntaxKind.Disjunction)
        {
            return MatchNegatedBranches(p, c, s);
        }

        if (c.Kind == SyntaxKind.PrefixUnary && c.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
        {
            return Match(new SyntaxElement(p.Tree, ChildRefOf(p)), new SyntaxElement(c.Tree, ChildRefOf(c.AsPrefixUnary().Operand)), s);
        }

        if (p.Kind == SyntaxKind.PrefixUnary && p.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
        {
            return Match(new SyntaxElement(p.Tree, ChildRefOf(p.AsPrefixUnary().Operand)), new SyntaxElement(c.Tree, ChildRefOf(c)), s);
        }

        if (p.Kind == SyntaxKind.BinaryExpression && c.Kind == SyntaxKind.BinaryExpression
            && Negates(p.AsBinaryExpression().Operator.Kind, c.AsBinaryExpression().Operator.Kind))
        {
            return MatchOperands(p, c, s);
        }

        // The negation of "X == NULL" is "X != NULL", which a plain test of X matches (isnt_null).
        if (p.Kind == SyntaxKind.BinaryExpression && p.AsBinaryExpression().Operator.Kind == SyntaxKind.EqualsEqualsToken
            && !(c.Kind == SyntaxKind.BinaryExpression && c.AsBinaryExpression().Operator.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken))
        {
            var pb = p.AsBinaryExpression();
            SyntaxNode? tested = IsNull(pb.Right) ? pb.Left : IsNull(pb.Left) ? pb.Right : null;

            // A position on the == has no token to go to in a plain test.
            if (tested is { } x && !_body.Positions.ContainsKey(pb.Operator.Index))
            {
                return Match(new SyntaxElement(p.Tree, ChildRefOf(x)), new SyntaxElement(c.Tree, ChildRefOf(c)), s);
            }
        }

        return [];
    }

    /// <summary>
    /// A disjunction of conditions negated: spatch lifts the disjunction out of the if, so each branch
    /// is negated on its own ("if (\(!A\|B\)) S1 else S2" also matches "if (A) S2 else S1"); the first
    /// branch that matches decides, as in a disjunction.
    /// </summary>
    private IEnumerable<MatchState> MatchNegatedBranches(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        foreach (var branch in Branches(p))
        {
            var item = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
            if (item.Kind == SyntaxKind.BareExpression)
            {
                item = item.AsBareExpression().Expression;
            }

            bool any = false;
            foreach (var r in MatchNegation(item, c, s))
            {
                any = true;
                yield return r;
            }

            if (any)
            {
                yield break;
            }
        }
    }

    private static bool IsNull(SyntaxNode e) => e.Kind == SyntaxKind.IdentifierName && e.AsIdentifierName().Identifier.Bytes.SequenceEqual("NULL"u8);

    private IEnumerable<MatchState> MatchOperands(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pb = p.AsBinaryExpression();
        var cb = c.AsBinaryExpression();
        foreach (var s1 in Match(new SyntaxElement(p.Tree, ChildRefOf(pb.Left)), new SyntaxElement(c.Tree, ChildRefOf(cb.Left)), s))
        {
            foreach (var s2 in Match(new SyntaxElement(p.Tree, ChildRefOf(pb.Right)), new SyntaxElement(c.Tree, ChildRefOf(cb.Right)), s1))
            {
                if (WithPositions(pb.Operator.Index, cb.Operator.Index, cb.Operator.Index, s2.Record(pb.Operator.Index, cb.Operator.Index, cb.Operator.Index)) is { } positioned)
                {
                    yield return positioned;
                }
            }
        }
    }

    private static bool Negates(SyntaxKind a, SyntaxKind b) =>
        (a == SyntaxKind.EqualsEqualsToken && b == SyntaxKind.ExclamationEqualsToken) || (a == SyntaxKind.ExclamationEqualsToken && b == SyntaxKind.EqualsEqualsToken);

    /// <summary>Slots [<paramref name="slot"/>, <paramref name="to"/>) of a header: "..." of the rule stands for a part the code leaves out.</summary>
    private IEnumerable<MatchState> MatchHeaderSlots(SyntaxNode p, SyntaxNode c, int slot, int to, MatchState s) =>
        MatchSlotsBetween(p, c, slot, to, s, AbsentSlots.DotsInHeader);

    private IEnumerable<MatchState> MatchAtom(SyntaxNode p, ControlFlowNode node, SyntaxNode c, MatchState s)
    {
        switch (p.Kind)
        {
            case SyntaxKind.LabeledStatement when node.Kind == ControlFlowNodeKind.Label && c.Kind == SyntaxKind.LabeledStatement:
                return MatchSlotRange(p, c, 0, 2, s);
            case SyntaxKind.ReturnStatement when node.Kind == ControlFlowNodeKind.Return:
            case SyntaxKind.BreakStatement when node.Kind == ControlFlowNodeKind.Break:
            case SyntaxKind.ContinueStatement when node.Kind == ControlFlowNodeKind.Continue:
            case SyntaxKind.GotoStatement when node.Kind == ControlFlowNodeKind.Goto:
                return Match(new SyntaxElement(p.Tree, ChildRefOf(p)), new SyntaxElement(c.Tree, ChildRefOf(c)), s);
            case SyntaxKind.CaseStatement when node.Kind == ControlFlowNodeKind.Case:
                return MatchSlotRange(p, c, 0, 5, s);
            case SyntaxKind.DefaultStatement when node.Kind == ControlFlowNodeKind.Default:
                return MatchSlotRange(p, c, 0, 2, s);
        }

        if (node.Kind != ControlFlowNodeKind.Statement || node.IsImplicit)
        {
            return [];
        }

        return Match(new SyntaxElement(p.Tree, ChildRefOf(p)), new SyntaxElement(c.Tree, ChildRefOf(c)), s);
    }

    /// <summary>The syntax a node stands for itself, without nested statements: a header's expressions, a statement, added to <paramref name="roots"/> in order.</summary>
    internal static void OwnSyntax(ControlFlowNode node, SyntaxNode c, List<SyntaxNode> roots)
    {
        switch (node.Kind)
        {
            case ControlFlowNodeKind.Statement or ControlFlowNodeKind.Return or ControlFlowNodeKind.Goto when !node.IsImplicit:
                roots.Add(c);
                break;
            case ControlFlowNodeKind.IfHeader when c.Kind == SyntaxKind.IfStatement:
                roots.Add(c.AsIfStatement().Condition);
                break;
            case ControlFlowNodeKind.WhileHeader when c.Kind == SyntaxKind.WhileStatement:
                roots.Add(c.AsWhileStatement().Condition);
                break;
            case ControlFlowNodeKind.DoWhileTail when c.Kind == SyntaxKind.DoStatement:
                roots.Add(c.AsDoStatement().Condition);
                break;
            case ControlFlowNodeKind.SwitchHeader when c.Kind == SyntaxKind.SwitchStatement:
                roots.Add(c.AsSwitchStatement().Expression);
                break;
            case ControlFlowNodeKind.ForHeader when c.Kind == SyntaxKind.ForStatement:
                for (int slot = 2; slot <= 6; slot += 2)
                {
                    if (c.GetNodeSlot(slot) is { } part)
                    {
                        roots.Add(part);
                    }
                }

                break;
            case ControlFlowNodeKind.IteratorHeader when c.Kind == SyntaxKind.IteratorStatement:
                roots.Add(c.AsIteratorStatement().ArgumentList);
                break;
            case ControlFlowNodeKind.Case when c.Kind == SyntaxKind.CaseStatement:
                roots.Add(c.AsCaseStatement().Value);
                break;
            case ControlFlowNodeKind.FunctionHeader when c.Kind == SyntaxKind.FunctionDefinition:
                roots.Add(c.AsFunctionDefinition().SpecifierList);
                roots.Add(c.AsFunctionDefinition().Declarator);
                break;
        }
    }

    /// <summary>
    /// An expression (or type) of the rule anywhere in what the node stands for. (A disjunction of expressions
    /// where a statement goes is one element per branch: CtlTranslator.ExpressionDisjunction.)
    /// </summary>
    private IEnumerable<MatchState> MatchAnywhere(SyntaxNode p, ControlFlowNode node, SyntaxNode c, MatchState s, bool type, FlowShape? shape)
    {
        var pattern = TermPattern(p);
        var terms = TermsAt(node, c, type, shape);
        int from = FirstTermMayMatch(pattern, terms, type);
        if (from < 0)
        {
            return [];
        }

        return !type && OnlyTermMayMatch(pattern, terms, from) ? MatchTerm(pattern, terms[from], s) : MatchTerms(pattern, terms, from, s, type, termVariable: null);
    }

    /// <summary>An expression anywhere in the node, with the term it matched bound to a hidden variable.</summary>
    private IEnumerable<MatchState> MatchTermAnywhere(SyntaxNode p, string variable, ControlFlowNode node, SyntaxNode c, MatchState s, FlowShape? shape)
    {
        var pattern = TermPattern(p);
        var terms = TermsAt(node, c, type: false, shape);
        int from = FirstTermMayMatch(pattern, terms, type: false);
        if (from < 0)
        {
            return [];
        }

        if (!OnlyTermMayMatch(pattern, terms, from))
        {
            return MatchTerms(pattern, terms, from, s, type: false, termVariable: variable);
        }

        // PERF: the one term is matched once; its matches, when known already, are bound at once.
        var term = terms[from];
        var matches = MatchTerm(pattern, term, s);
        if (matches is not IReadOnlyList<MatchState> known)
        {
            return BoundToTerm(matches, variable, term);
        }

        if (known.Count == 0)
        {
            return [];
        }

        var bound = new MatchState[known.Count];
        for (int i = 0; i < bound.Length; i++)
        {
            bound[i] = BindTerm(known[i], variable, term);
        }

        return bound;
    }

    /// <summary>The matches of a term, each with the term bound to the hidden variable <paramref name="variable"/>.</summary>
    private static IEnumerable<MatchState> BoundToTerm(IEnumerable<MatchState> matches, string variable, SyntaxNode term)
    {
        foreach (var r in matches)
        {
            yield return BindTerm(r, variable, term);
        }
    }

    private static MatchState BindTerm(MatchState r, string variable, SyntaxNode term) =>
        r.With(r.Env.Bind(variable, new TermValue(term.FirstTokenIndex, term.LastTokenIndex)));

    // PERF: a node's expressions are gathered once per file session and shared by every rule and environment.
    private static List<SyntaxNode> TermsAt(ControlFlowNode node, SyntaxNode c, bool type, FlowShape? shape) =>
        type || shape is null ? TermsOf(node, c, type) : shape.ExpressionTermsOf(node);

    private static SyntaxNode TermPattern(SyntaxNode p) => p.Kind == SyntaxKind.BareExpression ? p.AsBareExpression().Expression : p;

    /// <summary>
    /// The first term the pattern may match whatever the bindings, or -1. PERF: most nodes have none,
    /// and are passed over without the matcher's enumerators.
    /// </summary>
    private int FirstTermMayMatch(SyntaxNode pattern, List<SyntaxNode> terms, bool type)
    {
        if (type)
        {
            return terms.Count > 0 ? 0 : -1;
        }

        for (int i = 0; i < terms.Count; i++)
        {
            if (NodeMayMatch(pattern, terms[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether no term after <paramref name="from"/> may match the pattern. PERF: then the one term's
    /// matches are the node's, with no enumerator to go over the terms.
    /// </summary>
    private bool OnlyTermMayMatch(SyntaxNode pattern, List<SyntaxNode> terms, int from)
    {
        for (int i = from + 1; i < terms.Count; i++)
        {
            if (NodeMayMatch(pattern, terms[i]))
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<MatchState> MatchTerm(SyntaxNode pattern, SyntaxNode term, MatchState s) =>
        Match(new SyntaxElement(pattern.Tree, ChildRefOf(pattern)), new SyntaxElement(term.Tree, ChildRefOf(term)), s);

    /// <summary>
    /// The matches of a pattern at each of the given terms from <paramref name="from"/> on, in their order;
    /// with <paramref name="termVariable"/>, each binds the term it matched to that hidden variable.
    /// </summary>
    /// <remarks>PERF: one enumerator per node, not a second one to drop or bind the term.</remarks>
    private IEnumerable<MatchState> MatchTerms(SyntaxNode pattern, List<SyntaxNode> terms, int from, MatchState s, bool type, string? termVariable)
    {
        var pe = new SyntaxElement(pattern.Tree, ChildRefOf(pattern));
        for (int i = from; i < terms.Count; i++)
        {
            var x = terms[i];

            // PERF: most terms fail on a token or a kind whatever the bindings; they are passed over
            // without the matcher's enumerators and environments.
            if (!type && !NodeMayMatch(pattern, x))
            {
                continue;
            }

            foreach (var r in type ? MatchTypeOccurrence(pattern, x, s) : Match(pe, new SyntaxElement(x.Tree, ChildRefOf(x)), s))
            {
                yield return termVariable is null ? r : BindTerm(r, termVariable, x);
            }
        }
    }

    // PERF: the walk's stack, reused by each thread (the walk calls nothing that walks again).
    [ThreadStatic]
    private static Stack<SyntaxNode>? s_termStack;

    [ThreadStatic]
    private static List<SyntaxNode>? s_termRoots;

    [ThreadStatic]
    private static List<SyntaxNode>? s_terms;

    /// <summary>
    /// The terms a pattern may match in what a node stands for (expressions, or type occurrences), in
    /// pre-order, without looking into nested statements (statement expressions belong to their own nodes).
    /// </summary>
    internal static List<SyntaxNode> TermsOf(ControlFlowNode node, SyntaxNode c, bool type)
    {
        // PERF: gathered in a list reused by the thread, then copied at their final size.
        var terms = s_terms ??= [];
        terms.Clear();
        var stack = s_termStack ??= new Stack<SyntaxNode>();
        stack.Clear();
        var roots = s_termRoots ??= [];
        roots.Clear();
        OwnSyntax(node, c, roots);
        foreach (var root in roots)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (type ? IsTypeOccurrence(x) : SyntaxFacts.IsExpressionKind(x.Kind) || x.Kind is SyntaxKind.InitializerList or SyntaxKind.InitDeclarator)
                {
                    terms.Add(x);
                }

                if (x.Kind == SyntaxKind.StatementExpression)
                {
                    continue;
                }

                for (int i = x.ChildCount - 1; i >= 0; i--)
                {
                    if (x.GetNodeSlot(i) is { } child)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        List<SyntaxNode> result = terms.Count == 0 ? [] : new(terms);
        terms.Clear();
        return result;
    }

    internal static bool IsPlainAssignment(SyntaxNode p) =>
        p.Kind == SyntaxKind.AssignmentExpression && p.AsAssignmentExpression().Operator.Kind == SyntaxKind.EqualsToken
        && p.AsAssignmentExpression().Left.Kind == SyntaxKind.IdentifierName;

    /// <summary>
    /// An assignment "x = E" of the rule, as an expression, against a declarator with an initializer
    /// "T x = E" (as spatch matches it): x against the declared name, E against the initializer.
    /// </summary>
    internal IEnumerable<MatchState> MatchAssignmentToInitializer(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var assignment = p.AsAssignmentExpression();
        var init = c.AsInitDeclarator();
        // PERF: the initializer is checked first for what fails whatever the bindings, before the name
        // (its type, its environment) is bound.
        if (init.EqualsToken is not { } equals || init.Initializer is not { } value || !IsExpression(value) || !NodeMayMatch(assignment.Right, value)
            || Declarators.DeclaredIdentifier(init.Declarator, throughFunctions: false) is not { } name
            || name.Parent is not { Kind: SyntaxKind.IdentifierDeclarator } declared)
        {
            yield break;
        }

        var token = assignment.Left.AsIdentifierName().Identifier;
        if ((IsRemovedToken(token.Index) || IsRemovedToken(assignment.Operator.Index)) && !ReplacedByAssignment(p))
        {
            // The declaration must stay one: spatch leaves "int a = g(3);" alone for "- x = g(3) + f()",
            // "- x + y = g(3)" or "- = + +=".
            yield break;
        }

        var meta = _ctx.Meta(token);
        MatchState named;
        if (meta is null)
        {
            if (!TokensEqual(token, name) || WithPositions(token.Index, name.Index, name.Index, s.Record(token.Index, name.Index, name.Index)) is not { } literal)
            {
                yield break;
            }

            named = literal;
        }
        else
        {
            var typed = s;
            MetaValue? bound = meta.Kind switch
            {
                MetavariableKind.Expression or MetavariableKind.Metavariable or MetavariableKind.IdExpression
                    when TypeAllows(meta, declared, ref typed) => new CodeValue(declared),
                MetavariableKind.Identifier => new NameValue(name.Text, name),
                _ => null,
            };
            if (bound is null || BindChecked(meta, bound, typed.Env) is not { } env || RecordNode(token, declared, typed.With(env)) is not { } viaMeta)
            {
                yield break;
            }

            named = viaMeta;
        }

        named = named.Record(assignment.Operator.Index, equals.Index, equals.Index);
        foreach (var r in Match(new SyntaxElement(p.Tree, ChildRefOf(assignment.Right)), new SyntaxElement(c.Tree, ChildRefOf(value)), named))
        {
            yield return r;
        }
    }

    /// <summary>
    /// The whole assignment is removed and one assignment "y = E" is added in its place: spatch then
    /// rewrites a declaration it matched ("int a = g(3);" becomes "int y = k(3);").
    /// </summary>
    private bool ReplacedByAssignment(SyntaxNode p)
    {
        PlusChunk? only = null;
        for (int t = p.FirstTokenIndex; t <= p.LastTokenIndex; t++)
        {
            if (!IsRemovedToken(t))
            {
                return false;
            }

            foreach (var side in s_sides)
            {
                foreach (var chunk in _body.GetPlus(t, side))
                {
                    if (only is not null || !chunk.HasTokens)
                    {
                        return false;
                    }

                    only = chunk;
                }
            }
        }

        if (only is null)
        {
            return false;
        }

        var node = _body.Plus.GetToken(only.First).Parent;
        while (node is { } n && n.FirstTokenIndex == only.First)
        {
            if (n.LastTokenIndex == only.Last)
            {
                return IsPlainAssignment(n);
            }

            node = n.Parent;
        }

        return false;
    }

    private static readonly PlusSide[] s_sides = [PlusSide.Before, PlusSide.After];

    private bool IsRemovedToken(int index) => index >= 0 && index < _body.MinusMarks.Length && _body.MinusMarks[index] == TokenMark.Minus;

    private IEnumerable<MatchState> MatchFunctionHeader(SyntaxNode p, SyntaxNode c, MatchState s) =>
        MatchFunctionHeader(p, c.AsFunctionDefinition().SpecifierList, c.AsFunctionDefinition().Declarator, s);

    /// <summary>
    /// A function header of the rule against a prototype of the function (spatch changes the
    /// prototypes of a function whose header it changes): the header as for the definition, and the
    /// prototype's semicolon goes with the header's last token.
    /// </summary>
    public IEnumerable<MatchState> MatchPrototype(SyntaxNode p, SyntaxNode declaration, MatchState s)
    {
        var dv = declaration.AsDeclaration();
        if (dv.DeclaratorList.ChildCount != 1 || dv.DeclaratorList.GetNodeSlot(0) is not { Kind: SyntaxKind.InitDeclarator } init || dv.Semicolon is not { } semicolon)
        {
            yield break;
        }

        var pv = p.AsFunctionDefinition();
        int last = pv.Declarator.LastTokenIndex;

        // Removals are carried over, and code added inside the parameter list ("f(... + , int q)");
        // other added code in or next to the header may belong to the body.
        var function = pv.Declarator;
        while (function.Kind == SyntaxKind.PointerDeclarator)
        {
            function = function.AsPointerDeclarator().Declarator;
        }

        int open = function.Kind == SyntaxKind.FunctionDeclarator ? function.AsFunctionDeclarator().OpenParen.Index : -1;
        int close = function.Kind == SyntaxKind.FunctionDeclarator ? function.AsFunctionDeclarator().CloseParen.Index : -1;
        bool firstRemoved = p.FirstTokenIndex < _body.MinusMarks.Length && _body.MinusMarks[p.FirstTokenIndex] == TokenMark.Minus;
        int name = function.Kind == SyntaxKind.FunctionDeclarator ? function.AsFunctionDeclarator().Declarator.FirstTokenIndex : -1;
        int bodyBrace = pv.Body is { Kind: SyntaxKind.CompoundStatement } body ? body.AsCompoundStatement().OpenBrace.Index : -1;
        bool replaced = false, headerAtBrace = false;
        foreach (var (key, chunks) in _body.PlusCode)
        {
            // "- f(struct s *a, int b) {" "+ f(int b) {": the new header comes with the body's brace,
            // and goes to the prototype without it (spatch makes the prototype's change from the header alone).
            if (key.Token == bodyBrace && IsRemovedToken(bodyBrace) && name >= 0 && IsRemovedToken(name) && HeaderBeforeBrace(chunks))
            {
                headerAtBrace = replaced = true;
                continue;
            }

            bool inParameters = open >= 0 && ((key.Token > open && key.Token < close) || (key.Token == open && key.Side == PlusSide.After)
                || (key.Token == close && key.Side == PlusSide.Before));

            // Code added among the return type, storage and name replaces part of the header ("- T + void
            // fn(...)"); before a first token that stays it is code of its own, before the function.
            bool inType = open >= 0 && key.Token < open && (key.Token > p.FirstTokenIndex || key.Side == PlusSide.After || firstRemoved);
            // A header replaced from its name to its ')' ("- f(int a, int b) + f(int b)") is replaced in
            // the prototype too, as long as the new header brings no brace of the body with it.
            bool replacesHeader = name >= 0 && key.Token >= name && key.Token <= close && key.Token < _body.MinusMarks.Length
                && _body.MinusMarks[key.Token] == TokenMark.Minus && !HasBrace(chunks);
            if (key.Token >= p.FirstTokenIndex && key.Token <= last + 1 && !inParameters && !inType && !replacesHeader)
            {
                yield break;
            }

            replaced |= replacesHeader;
        }

        // The semicolon goes when the header's last token goes; a kept one keeps it (and code added before it stays inside),
        // as does a header replaced by a new one.
        bool lastRemoved = last < _body.MinusMarks.Length && _body.MinusMarks[last] == TokenMark.Minus && !replaced;
        foreach (var r in MatchFunctionHeader(p, dv.SpecifierList, init.AsInitDeclarator().Declarator, s))
        {
            var whole = WithStorageOfRemoved(p, pv.SpecifierList, dv.SpecifierList, r);
            if (headerAtBrace)
            {
                // The brace's added code lands just before the semicolon, cut before its own brace.
                whole = whole.RecordPart(bodyBrace, semicolon.Index, semicolon.Index - 1, TracePart.HeaderOnly);
            }

            yield return lastRemoved ? whole.Record(last, semicolon.Index, semicolon.Index) : whole;
        }
    }

    /// <summary>Whether every chunk starts with header code before a brace (the one that opens the body).</summary>
    private bool HeaderBeforeBrace(IReadOnlyList<PlusChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            if (_body.HeaderOf(chunk) is null)
            {
                return false;
            }
        }

        return chunks.Count > 0;
    }

    private bool HasBrace(IReadOnlyList<PlusChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            for (int t = chunk.First; t <= chunk.Last; t++)
            {
                if (_body.Plus.Tokens[t].Kind is SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private IEnumerable<MatchState> MatchFunctionHeader(SyntaxNode p, SyntaxNode cSpecifiers, SyntaxNode cDeclarator, MatchState s)
    {
        var pv = p.AsFunctionDefinition();
        var cv = (SpecifierList: cSpecifiers, Declarator: cDeclarator, Tree: cSpecifiers.Tree);
        IEnumerable<MatchState> afterType;
        if (TypeMetaOf(pv.SpecifierList, out var typeToken) is { } typeMeta)
        {
            int patternStars = CountStars(pv.Declarator);
            int codeStars = CountStars(cv.Declarator);
            if (codeStars < patternStars)
            {
                return [];
            }

            int absorbed = codeStars - patternStars;
            var env = BindChecked(typeMeta, new TypeValue(BuildTypeText(cv.SpecifierList, cv.Declarator, absorbed), new CodeValue(cv.SpecifierList)), s.Env);
            if (env is null)
            {
                return [];
            }

            // T is the return type, not the storage class: "- T + void" keeps "static", and a
            // storage class the rule writes ("- static T") is the code's own.
            if (MatchStorageClasses(pv.SpecifierList, cv.SpecifierList, s.With(env)) is not { } stored)
            {
                return [];
            }

            // "T@p f(...)": p is the return type's position, as for the type of a declaration.
            int first = FirstTypeToken(cv.SpecifierList);
            int last = LastAbsorbedToken(cv.SpecifierList, cv.Declarator, absorbed);
            if (WithPositions(typeToken.Index, first, last, stored.Record(typeToken.Index, first, last)) is not { } typed)
            {
                return [];
            }

            afterType = MatchStars(pv.Declarator, cv.Declarator, absorbed, typed);
        }
        else
        {
            // Written without a return type ("f(...) { ... }"), the rule matches any return type, a pointer
            // one too ("int *f(...)"): the code's stars go with its type.
            var cFunction = cv.Declarator;
            bool stripped = false;
            if (cFunction.Kind == SyntaxKind.PointerDeclarator && pv.Declarator.Kind != SyntaxKind.PointerDeclarator && !HasTypeSpecifier(pv.SpecifierList))
            {
                stripped = true;
                while (cFunction.Kind == SyntaxKind.PointerDeclarator)
                {
                    cFunction = cFunction.AsPointerDeclarator().Declarator;
                }
            }

            afterType = MatchFunctionSpecifiers(pv.SpecifierList, cv.SpecifierList, s)
                .SelectMany(st => Match(new SyntaxElement(p.Tree, ChildRefOf(pv.Declarator)), new SyntaxElement(cv.Tree, ChildRefOf(cFunction)), st));

            // "- foo(...) { ... }" written without a return type removes the code's return type and storage too
            // (when the rule adds nothing: a header replaced by added code keeps them, "- f(int x) { + f(void) {").
            int name = pv.Declarator.FirstTokenIndex;
            int close = pv.Declarator.LastTokenIndex;
            if (pv.SpecifierList.IsEmpty && !cv.SpecifierList.IsEmpty && !_ctx.CodeIsPattern && !_body.HasPlus && close < _body.MinusMarks.Length
                && _body.MinusMarks[name] == TokenMark.Minus && _body.MinusMarks[close] == TokenMark.Minus && !HasPlusAt(name))
            {
                int typeEnd = stripped ? cFunction.FirstTokenIndex - 1 : cv.SpecifierList.LastTokenIndex;
                afterType = afterType.Select(st => st.Record(name, cv.SpecifierList.FirstTokenIndex, typeEnd));
            }
        }

        // Attributes after the declarator: the pattern's must be present (optional_attributes).
        return afterType;
    }

    private static bool HasTypeSpecifier(SyntaxNode specifiers)
    {
        var types = new List<SyntaxElement>();
        Split(specifiers, types, []);
        return types.Count > 0;
    }

    private bool HasPlusAt(int token) =>
        _body.PlusCode.ContainsKey((token, PlusSide.Before)) || _body.PlusCode.ContainsKey((token, PlusSide.After));

    /// <summary>A function written without a return type in the rule ("foo(...) { ... }") matches any return type and storage.</summary>
    private IEnumerable<MatchState> MatchFunctionSpecifiers(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pTypes = new List<SyntaxElement>();
        var pOthers = new List<SyntaxElement>();
        Split(p, pTypes, pOthers);
        if (pTypes.Count == 0)
        {
            // Only storage/qualifiers: those must be in the code.
            foreach (var po in pOthers)
            {
                bool found = false;
                foreach (var co in c.Children)
                {
                    if (po.Kind == co.Kind && po.IsToken && co.IsToken)
                    {
                        s = s.Record(po.AsToken().Index, co.AsToken().Index, co.AsToken().Index);
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return [];
                }
            }

            return [s];
        }

        return MatchSpecifiers(p, c, s);
    }

    /// <summary>
    /// "{ SL }" at a block's opening brace: SL binds all the block's items, declarations included, and
    /// stands on their tokens (on none, just before the closing brace, for an empty block).
    /// </summary>
    private IEnumerable<MatchState> MatchStatementListBody(SyntaxNode p, SyntaxNode block, MatchState s)
    {
        if (_ctx.Meta(p.AsMetavariableStatement().Name) is not { Kind: MetavariableKind.StatementList } meta)
        {
            return [];
        }

        var list = block.AsCompoundStatement().StatementList;
        var items = ItemsOf(list);
        return RecordRun(new SyntaxElement(p.Tree, ChildRefOf(p)), meta, items, 0, items.Elements.Count, list, s) is { } recorded ? [recorded] : [];
    }

    /// <summary>A statement metavariable binds the whole statement that starts at the node.</summary>
    private IEnumerable<MatchState> MatchMetaStatementNode(SyntaxNode p, ControlFlowNode node, SyntaxNode c, MatchState s)
    {
        bool starts = node.Kind switch
        {
            ControlFlowNodeKind.Statement => !node.IsImplicit,
            ControlFlowNodeKind.IfHeader or ControlFlowNodeKind.WhileHeader or ControlFlowNodeKind.ForHeader or ControlFlowNodeKind.IteratorHeader
                or ControlFlowNodeKind.DoHeader or ControlFlowNodeKind.SwitchHeader or ControlFlowNodeKind.Return or ControlFlowNodeKind.Break
                or ControlFlowNodeKind.Continue or ControlFlowNodeKind.Goto or ControlFlowNodeKind.Label => true,
            ControlFlowNodeKind.BlockOpen => c.Parent is { } parent && parent.Kind != SyntaxKind.FunctionDefinition,
            _ => false,
        };
        if (node.Kind is ControlFlowNodeKind.Case or ControlFlowNodeKind.Default && c.Kind is SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement)
        {
            return MatchCaseLabel(p, c, s);
        }

        if (!starts)
        {
            return [];
        }

        // "{ ... }" read as any statement (braces0) binds nothing.
        return p.Kind == SyntaxKind.CompoundStatement ? [s] : MatchMetaStatement(p, c, s);
    }

    /// <summary>
    /// A statement metavariable at a case or default label: as in spatch it stands for the labelled
    /// statement as a whole, and the code added after it goes after the label's colon ("S + foo();"
    /// gives "case 1: foo(); one(); foo();"). Only a kept one matches there: what removing the label
    /// alone would leave is not defined.
    /// </summary>
    private IEnumerable<MatchState> MatchCaseLabel(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        if (p.Kind != SyntaxKind.MetavariableStatement)
        {
            yield break;
        }

        var token = p.AsMetavariableStatement().Name;
        if (_ctx.Meta(token) is not { Kind: MetavariableKind.Statement } meta || _ctx.Rule.Body.MinusMarks[token.Index] == TokenMark.Minus
            || BindChecked(meta, new CodeValue(c), s.Env) is not { } env)
        {
            yield break;
        }

        int colon = LastTokenBeforeSlot(c, c.Kind == SyntaxKind.CaseStatement ? 5 : 2);
        if (WithPositions(token.Index, c.FirstTokenIndex, colon, s.With(env).Record(token.Index, c.FirstTokenIndex, colon)) is { } r)
        {
            yield return r;
        }
    }

    /// <summary>Removed "...": records what the node stands for, so all of it goes.</summary>
    private IEnumerable<MatchState> MatchMinusDots(SyntaxNode p, ControlFlowNode node, SyntaxNode c, MatchState s)
    {
        var dots = p.FirstToken;
        switch (node.Kind)
        {
            case ControlFlowNodeKind.Statement or ControlFlowNodeKind.Return or ControlFlowNodeKind.Goto or ControlFlowNodeKind.Break
                or ControlFlowNodeKind.Continue when !node.IsImplicit:
                yield return s.Record(dots.Index, c.FirstTokenIndex, c.LastTokenIndex);
                break;
            case ControlFlowNodeKind.IfHeader when c.Kind == SyntaxKind.IfStatement:
            case ControlFlowNodeKind.WhileHeader when c.Kind == SyntaxKind.WhileStatement:
            case ControlFlowNodeKind.SwitchHeader when c.Kind == SyntaxKind.SwitchStatement:
                // the header: from the keyword to the closing parenthesis
                yield return s.Record(dots.Index, c.FirstTokenIndex, c.GetTokenSlot(3) is { } close ? close.Index : c.FirstTokenIndex);
                break;
            case ControlFlowNodeKind.ElseKeyword when c.Kind == SyntaxKind.IfStatement && c.GetTokenSlot(5) is { } elseKeyword:
                yield return s.Record(dots.Index, elseKeyword.Index, elseKeyword.Index);
                break;
            case ControlFlowNodeKind.BlockOpen when c.Kind == SyntaxKind.CompoundStatement:
                yield return s.Record(dots.Index, c.AsCompoundStatement().OpenBrace.Index, c.AsCompoundStatement().OpenBrace.Index);
                break;
            case ControlFlowNodeKind.Case when c.Kind == SyntaxKind.CaseStatement:
                // the label: from "case" to the colon (the statement it labels is a node of its own)
                yield return s.Record(dots.Index, c.FirstTokenIndex, LastTokenBeforeSlot(c, 5));
                break;
            case ControlFlowNodeKind.Default when c.Kind == SyntaxKind.DefaultStatement:
                yield return s.Record(dots.Index, c.FirstTokenIndex, LastTokenBeforeSlot(c, 2));
                break;
            case ControlFlowNodeKind.BlockClose when c.Kind == SyntaxKind.CompoundStatement && c.GetTokenSlot(2) is { } closeBrace:
                yield return s.Record(dots.Index, closeBrace.Index, closeBrace.Index);
                break;
            default:
                yield return s;
                break;
        }
    }

    /// <summary>The last token of the slots before a slot (a case label without the statement it labels).</summary>
    private static int LastTokenBeforeSlot(SyntaxNode c, int slot)
    {
        for (int i = slot - 1; i >= 0; i--)
        {
            if (c.GetSlot(i) is { } e)
            {
                return e.IsNode ? e.AsNode().LastTokenIndex : e.AsToken().Index;
            }
        }

        return c.FirstTokenIndex;
    }

    /// <summary>
    /// The metavariables of this rule that a pattern subtree mentions (inherited ones excluded),
    /// counting those of the code added at its tokens: they need one value wherever it goes.
    /// </summary>
    internal IEnumerable<string> FreeVariables(SyntaxNode p)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in p.DescendantTokens())
        {
            AddPlusVariables(token.Index, names);
            if (token.Kind == SyntaxKind.IdentifierToken && _ctx.Meta(token) is { } meta && !meta.IsInherited && meta.Kind != MetavariableKind.FreshIdentifier)
            {
                names.Add(meta.Name);
                AddLengthVariable(meta, names);
                AddDeclaredTypeVariables(meta, names);
            }

            if (_body.Positions.TryGetValue(token.Index, out var positions))
            {
                foreach (string position in positions)
                {
                    if (_ctx.Meta(position) is { IsInherited: false })
                    {
                        names.Add(position);
                    }
                }
            }
        }

        return names;
    }

    /// <summary>"list[n] L": matching L binds the length n too (a later rule may inherit it).</summary>
    internal static void AddLengthVariable(Metavariable meta, HashSet<string> names)
    {
        if (meta.ListLengthName is { } length && !length.Contains('.', StringComparison.Ordinal))
        {
            names.Add(length);
        }
    }

    /// <summary>
    /// Adds the metavariables named in a typed metavariable's declared type ("T E;", "struct i *p;"): matching the
    /// metavariable binds them, so the pattern node that mentions it binds them too and they keep one value across
    /// the rule ("- f(E); ... - f(sizeof(T));" removes only the sizeof of E's type).
    /// </summary>
    internal void AddDeclaredTypeVariables(Metavariable meta, HashSet<string> names)
    {
        foreach (string type in meta.Types)
        {
            foreach (string word in type.Split([' ', '*', '[', ']', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word != meta.Name && _ctx.Meta(word) is { IsInherited: false } typeMeta
                    && typeMeta.Kind is not (MetavariableKind.FreshIdentifier or MetavariableKind.Symbol))
                {
                    names.Add(typeMeta.Name);
                }
            }
        }
    }

    /// <summary>Adds the metavariables used in the code added before or after a pattern token.</summary>
    internal void AddPlusVariables(int patternToken, HashSet<string> names)
    {
        foreach (var side in (ReadOnlySpan<PlusSide>)[PlusSide.Before, PlusSide.After])
        {
            foreach (var chunk in _body.GetPlus(patternToken, side))
            {
                for (int i = chunk.First; i <= chunk.Last; i++)
                {
                    var t = _body.Plus.GetToken(i);
                    if (t.Kind == SyntaxKind.IdentifierToken && _ctx.Meta(t) is { IsInherited: false } meta
                        && meta.Kind is not (MetavariableKind.FreshIdentifier or MetavariableKind.Symbol))
                    {
                        names.Add(meta.Name);
                    }
                    else if (t.Kind == SyntaxKind.IdentifierToken && _ctx.Meta(t) is { Kind: MetavariableKind.FreshIdentifier } fresh)
                    {
                        AddFreshIdentifierInputs(fresh, names);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A fresh identifier in added code is made from other metavariables (its seed's "a" ## x, its script's
    /// arguments): the code needs their values where it goes, as if it named them ("fresh identifier g =
    /// script:python(T, m) { ... }" with T bound by a declaration elsewhere in the rule).
    /// </summary>
    private void AddFreshIdentifierInputs(Metavariable fresh, HashSet<string> names)
    {
        foreach (var part in fresh.Seed)
        {
            if (part.IsMetavariable)
            {
                AddLocalInput(part.Text, names);
            }
        }

        foreach (var constraint in fresh.Constraints)
        {
            if (constraint is ScriptConstraint script)
            {
                foreach (string argument in script.Arguments)
                {
                    AddLocalInput(argument, names);
                }
            }
        }
    }

    private void AddLocalInput(string name, HashSet<string> names)
    {
        if (!name.Contains('.', StringComparison.Ordinal) && _ctx.Meta(name) is { IsInherited: false } input
            && input.Kind is not (MetavariableKind.FreshIdentifier or MetavariableKind.Symbol))
        {
            names.Add(input.Name);
        }
    }
}
