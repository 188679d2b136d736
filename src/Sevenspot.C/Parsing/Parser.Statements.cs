using Sevenspot.Text;

namespace Sevenspot.C;

public sealed partial class Parser
{
    private void ParseCompoundStatement()
    {
        int mark = _b.Mark;
        Expect(SyntaxKind.OpenBraceToken);
        if (_failed)
        {
            PushEmptyList();
            _b.PushAbsent();
            Finish(SyntaxKind.CompoundStatement, mark);
            return;
        }

        int list = _b.Mark;
        while (Kind != SyntaxKind.CloseBraceToken && Kind != SyntaxKind.EndOfFileToken && !_failed)
        {
            int before = _pos;
            ParseBlockItem();
            if (_pos == before && !_failed)
            {
                Fail($"unexpected {Describe(_pos)}");
            }
        }

        Finish(SyntaxKind.List, list);
        if (Kind == SyntaxKind.CloseBraceToken)
        {
            Eat();
        }
        else
        {
            // A missing '}' at the end of the file: keep what was parsed, flagged as an error. In a rule,
            // an item that failed is the error to report, where it failed (as spatch reports one).
            if (!(_failed && _pattern is not null))
            {
                AddDiagnostic(DiagnosticId.ExpectedToken, _pos, "'}'", Describe(_pos));
            }

            _b.PushAbsent();
        }

        Finish(SyntaxKind.CompoundStatement, mark);
    }

    /// <summary>A declaration or statement inside a block; a failure becomes an ErrorStatement.</summary>
    private void ParseBlockItem()
    {
        _options.CancellationToken.ThrowIfCancellationRequested();
        if (_pattern is not null)
        {
            ParsePatternItem(topLevel: false); // a malformed rule is an error, not something to recover from
            return;
        }

        var recovery = SaveRecovery();
        int start = _pos;
        if (IsDeclarationStart())
        {
            ParseLocalDeclaration();
        }
        else
        {
            ParseStatementCore();
        }

        if (_failed || _pos == start)
        {
            var (reason, token) = TakeFailure();
            Restore(recovery);
            ParseErrorStatement(reason.Length > 0 ? reason : $"unexpected {Describe(start)}", token, DiagnosticId.UnparsableStatement);
        }
    }

    /// <summary>A statement in a position that takes one (the body of if, while, ...).</summary>
    private void ParseStatement() => ParseBlockItem();

    private void ParseLocalDeclaration()
    {
        if (Kind == SyntaxKind.IdentifierToken && PeekKind() == SyntaxKind.OpenParenToken && !IsKnownTypeName(_pos) && !IsAttributeName(_pos)
            && (!IsTypeMacroCall(_pos) || IsDeclarerWithAttributes(_pos)))
        {
            // A declarer macro: DEFINE_WAIT(wait); LIST_HEAD(list);
            int mark = _b.Mark;
            PushEmptyList();
            ParseMacroDeclarationRest(mark);
            return;
        }

        if (Kind == SyntaxKind.StaticAssertKeyword)
        {
            ParseStaticAssert();
            return;
        }

        ParseDeclaration(DeclarationContext.Block);
    }

    private void ParseErrorStatement(string reason, int failToken, DiagnosticId id)
    {
        int mark = _b.Mark;
        int list = _b.Mark;
        int start = _pos;
        SkipToStatementEnd(stopAfterBlock: true);
        if (_pos == start && Kind != SyntaxKind.CloseBraceToken && Kind != SyntaxKind.EndOfFileToken)
        {
            Eat();
        }

        Finish(SyntaxKind.List, list);
        Finish(SyntaxKind.ErrorStatement, mark, error: true);
        AddDiagnostic(id, failToken, reason);
    }

    /// <summary>Does the current token begin a declaration (rather than a statement)?</summary>
    private bool IsDeclarationStart()
    {
        var k = Kind;
        if (k == SyntaxKind.ExtensionKeyword)
        {
            return IsSpecifierKeyword(PeekKind());
        }

        if (IsSpecifierKeyword(k) || k is SyntaxKind.StaticAssertKeyword)
        {
            return true;
        }

        if (_pattern is not null && IsTypeDisjunction(_pos, out _))
        {
            return true; // \(int\|char\) x;
        }

        if (k == SyntaxKind.LabelKeyword)
        {
            return true;
        }

        if (k != SyntaxKind.IdentifierToken)
        {
            return false;
        }

        var next = PeekKind();
        if (_pattern is not null)
        {
            // In a pattern an expression metavariable is never a type, a name followed by an
            // operator metavariable is an operand, and a line break ends the item.
            var pk = PatternKindOf(_pos);
            // A type then, on the next line, the name or an attribute before it (T\n- __attribute__((a))\n p;) goes on.
            // A name no rule declares reads as a type there too ("Packet\n- p\n+ *p\n;"): two names in a row
            // followed by ';', '=', ',' or '[' can only be a declaration, as spatch reads them. Only a name that
            // starts its line, and not in a when clause, whose code ends with its line: "... when != tmp" then
            // "tmp = a;" is no "tmp tmp = a;". An identifier metavariable is no such name ("I y;" is refused).
            bool typeThenName = (IsKnownTypeName(_pos) && ((next == SyntaxKind.IdentifierToken && DeclaredNameAt(_pos + 1))
                || next == SyntaxKind.AttributeKeyword || (next == SyntaxKind.IdentifierToken && IsAttributeName(_pos + 1))))
                || (pk == PatternNameKind.None && !_inWhenCode && AtLineStart(_pos) && next == SyntaxKind.IdentifierToken
                    && PatternKindOf(_pos + 1) is PatternNameKind.None or PatternNameKind.Identifier && DeclaredNameAt(_pos + 1) && KindAt(_pos + 2) != SyntaxKind.OpenParenToken);
            if (pk is PatternNameKind.Expression or PatternNameKind.UnaryOperator || (AtLineStart(_pos + 1) && !typeThenName)
                || PatternKindOf(_pos + 1) is PatternNameKind.BinaryOperator or PatternNameKind.AssignmentOperator)
            {
                return false;
            }
        }

        var macro = MacroKindOf(_pos);
        if (next == SyntaxKind.OpenParenToken)
        {
            if (macro == MacroKind.Declarer || macro == MacroKind.TypeBuilder || PatternKindOf(_pos) == PatternNameKind.Declarer)
            {
                return true;
            }

            if (IsKnownTypeName(_pos))
            {
                return PeekKind(2) == SyntaxKind.AsteriskToken; // foo_t (*fn)(void);
            }

            if (macro == MacroKind.AttributeWithArguments)
            {
                return true;
            }

            // DECLARE_BITMAP(x, 8); DEFINE_WAIT(w); in a block.
            int close = MatchOf(_pos + 1);
            if (close > 0 && KindAt(close + 1) == SyntaxKind.SemicolonToken && IsAllCaps(_pos))
            {
                var bytes = _lexed.Names.GetBytes(_tokens[_pos].Name);
                return bytes.StartsWith("DEFINE_"u8) || bytes.StartsWith("DECLARE_"u8);
            }

            // A type macro: TAILQ_HEAD(x, y) head; or LIST_ENTRY(foo) *p;
            if (close > 0 && KindAt(close + 1) == SyntaxKind.AsteriskToken)
            {
                return IsAllCaps(_pos) && !IsIteratorName(_pos) && IsDeclaredNameAt(SkipPointerPrefix(close + 1));
            }

            return close > 0 && !IsIteratorName(_pos) && KindAt(close + 1) == SyntaxKind.IdentifierToken && KindAt(close + 2) is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken or SyntaxKind.CommaToken;
        }

        if (macro is MacroKind.Attribute or MacroKind.Specifier)
        {
            return true;
        }

        if (IsKnownTypeName(_pos))
        {
            return next is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken || IsSpecifierKeyword(next) || next == SyntaxKind.AttributeKeyword
                || (_pattern is not null && next is SyntaxKind.OpenBraceToken or SyntaxKind.DisjunctionOpenToken);
        }

        if (SyntaxFacts.IsQualifierKeyword(next) && !AtLineStart(_pos + 1))
        {
            return true; // U32 const x = ...;
        }

        if (_pattern is null && next == SyntaxKind.IdentifierToken && IsAllCaps(_pos) && AtLineStart(_pos + 1) && MacroKindOf(_pos) == MacroKind.None)
        {
            return false; // a macro statement on its own line: PREAMBLE
        }

        if (next == SyntaxKind.IdentifierToken)
        {
            // "T x ..." can only be a declaration; but "fallthrough;"-like statement macros
            // followed by a name do not occur, while an iterator or macro call has '('.
            var third = PeekKind(2);
            return third is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken or SyntaxKind.CommaToken or SyntaxKind.OpenBracketToken
                or SyntaxKind.OpenParenToken or SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken or SyntaxKind.ColonToken or SyntaxKind.AttributeKeyword
                || SyntaxFacts.IsQualifierKeyword(third) || third == SyntaxKind.AsmKeyword;
        }

        if (next == SyntaxKind.AsteriskToken)
        {
            // T *x; T **x = ...; T * const x; — an expression "a * b;" has no effect, so read it as a declaration.
            int i = SkipPointerPrefix(_pos + 1);
            if (KindAt(i) == SyntaxKind.IdentifierToken)
            {
                return IsDeclaredNameAt(i);
            }

            return KindAt(i) == SyntaxKind.OpenParenToken && KindAt(i + 1) == SyntaxKind.AsteriskToken && i == _pos + 2;
        }

        return false;
    }

    /// <summary>From a '*' after a type: the index after the stars, qualifiers and attribute words.</summary>
    private int SkipPointerPrefix(int i)
    {
        while (KindAt(i) == SyntaxKind.AsteriskToken || SyntaxFacts.IsQualifierKeyword(KindAt(i)) || (KindAt(i) == SyntaxKind.IdentifierToken && IsAttributeName(i)))
        {
            i++;
        }

        return i;
    }

    /// <summary>Is the token at index a declared name: a name followed by what follows a declarator (;, =, ',', '[' or an attribute)?</summary>
    private bool IsDeclaredNameAt(int i)
    {
        if (KindAt(i) != SyntaxKind.IdentifierToken)
        {
            return false;
        }

        var after = KindAt(i + 1);
        return after is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken or SyntaxKind.CommaToken or SyntaxKind.OpenBracketToken
            || (after == SyntaxKind.IdentifierToken && IsAttributeName(i + 1));
    }

    /// <summary>NAME(args) that the specifier parser reads as a type: TAILQ_ENTRY(buf) link; LIST_ENTRY(x) *p;</summary>
    private bool IsTypeMacroCall(int index)
    {
        var macro = MacroKindOf(index);
        if (macro == MacroKind.TypeBuilder)
        {
            return true;
        }

        int close = MatchOf(index + 1);
        return macro != MacroKind.Declarer && close > 0 && KindAt(close + 1) is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken && !AtLineStart(close + 1);
    }

    private void ParseStatementCore()
    {
        if (!Enter())
        {
            Leave();
            return;
        }

        switch (Kind)
        {
            case SyntaxKind.OpenBraceToken:
                ParseCompoundStatement();
                break;
            case SyntaxKind.SemicolonToken:
                {
                    int mark = _b.Mark;
                    Eat();
                    Finish(SyntaxKind.EmptyStatement, mark);
                    break;
                }

            case SyntaxKind.IfKeyword:
                ParseIf();
                break;
            case SyntaxKind.SwitchKeyword:
                ParseKeywordParenStatement(SyntaxKind.SwitchStatement);
                break;
            case SyntaxKind.WhileKeyword:
                ParseKeywordParenStatement(SyntaxKind.WhileStatement);
                break;
            case SyntaxKind.DoKeyword:
                ParseDo();
                break;
            case SyntaxKind.ForKeyword:
                ParseFor();
                break;
            case SyntaxKind.GotoKeyword:
                ParseGoto();
                break;
            case SyntaxKind.ContinueKeyword:
                ParseJump(SyntaxKind.ContinueStatement);
                break;
            case SyntaxKind.BreakKeyword:
                ParseJump(SyntaxKind.BreakStatement);
                break;
            case SyntaxKind.ReturnKeyword:
                ParseReturn();
                break;
            case SyntaxKind.CaseKeyword:
                ParseCase();
                break;
            case SyntaxKind.DefaultKeyword when PeekKind() == SyntaxKind.ColonToken:
                ParseDefault();
                break;
            case SyntaxKind.AsmKeyword:
                ParseAsmStatement();
                break;
            case SyntaxKind.IdentifierToken when PeekKind() == SyntaxKind.ColonToken:
                ParseLabel();
                break;
            case SyntaxKind.IdentifierToken when PeekKind() == SyntaxKind.OpenParenToken:
                ParseCallLikeStatement();
                break;
            case SyntaxKind.IdentifierToken when IsBareMacroStatement():
                {
                    int mark = _b.Mark;
                    Eat();
                    _b.PushAbsent();
                    PushEmptyList();
                    _b.PushAbsent();
                    if (!TryEat(SyntaxKind.SemicolonToken))
                    {
                        _b.PushAbsent();
                    }

                    Finish(SyntaxKind.MacroStatement, mark);
                    break;
                }
            default:
                ParseExpressionStatement();
                break;
        }

        Leave();
    }

    /// <summary>An all-capitals name alone on its line, followed by a statement or '}': POSTAMBLE.</summary>
    private bool IsBareMacroStatement()
    {
        if (_pattern is not null || !IsAllCaps(_pos) || !AtLineStart(_pos + 1))
        {
            return false;
        }

        var next = PeekKind();
        return next is SyntaxKind.CloseBraceToken or SyntaxKind.IdentifierToken or SyntaxKind.IfKeyword or SyntaxKind.ForKeyword
            or SyntaxKind.WhileKeyword or SyntaxKind.DoKeyword or SyntaxKind.SwitchKeyword or SyntaxKind.ReturnKeyword or SyntaxKind.BreakKeyword
            or SyntaxKind.ContinueKeyword or SyntaxKind.GotoKeyword or SyntaxKind.OpenBraceToken || IsSpecifierKeyword(next);
    }

    private void ParseExpressionStatement()
    {
        int mark = _b.Mark;
        ParseExpression();
        Expect(SyntaxKind.SemicolonToken);
        Finish(SyntaxKind.ExpressionStatement, mark);
    }

    /// <summary>NAME(args) at the start of a statement: a loop macro, a macro statement, or an ordinary call.</summary>
    private void ParseCallLikeStatement()
    {
        int close = MatchOf(_pos + 1);
        if (close > 0)
        {
            int after = close + 1;
            var next = KindAt(after);
            bool startsStatement = next is SyntaxKind.OpenBraceToken or SyntaxKind.IdentifierToken or SyntaxKind.IfKeyword or SyntaxKind.ForKeyword
                or SyntaxKind.WhileKeyword or SyntaxKind.DoKeyword or SyntaxKind.SwitchKeyword or SyntaxKind.ReturnKeyword or SyntaxKind.BreakKeyword
                or SyntaxKind.ContinueKeyword or SyntaxKind.GotoKeyword;
            bool iteratorBody = IsIteratorName(_pos) && next is SyntaxKind.OpenParenToken or SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken or SyntaxKind.AsteriskToken or SyntaxKind.SemicolonToken
                || IsSpecifierKeyword(next) || next == SyntaxKind.AsmKeyword;
            bool iteratorHere = (startsStatement && (next == SyntaxKind.OpenBraceToken || IsIteratorName(_pos) || !AtLineStart(after))) || (iteratorBody && next != SyntaxKind.SemicolonToken);
            if (_pattern is not null)
            {
                // In a rule, only a known loop macro takes a body; a line break ends "f(x)" otherwise.
                iteratorHere = IsIteratorName(_pos) && (next == SyntaxKind.OpenBraceToken || startsStatement || iteratorBody) && next != SyntaxKind.SemicolonToken;
            }

            if (iteratorHere)
            {
                ParseIterator();
                return;
            }

            if (_pattern is null && (startsStatement || (next is SyntaxKind.CloseBraceToken or SyntaxKind.EndOfFileToken or SyntaxKind.CaseKeyword or SyntaxKind.DefaultKeyword && AtLineStart(after))))
            {
                // A macro used as a statement without a ';'.
                int mark = _b.Mark;
                Eat();
                Eat();
                ParseArgumentListContents();
                Expect(SyntaxKind.CloseParenToken);
                _b.PushAbsent();
                Finish(SyntaxKind.MacroStatement, mark);
                return;
            }

            if (IsIteratorName(_pos) && next != SyntaxKind.SemicolonToken && MacroKindOf(_pos) == MacroKind.Iterator)
            {
                ParseIterator();
                return;
            }
        }

        ParseExpressionStatement();
    }

    private void ParseIterator()
    {
        int mark = _b.Mark;
        Eat();
        Eat();
        ParseArgumentListContents();
        Expect(SyntaxKind.CloseParenToken);
        ParseStatement();
        Finish(SyntaxKind.IteratorStatement, mark);
    }

    private void ParseIf()
    {
        int mark = _b.Mark;
        Eat();
        Expect(SyntaxKind.OpenParenToken);
        ParseExpression();
        Expect(SyntaxKind.CloseParenToken);
        if (_failed)
        {
            return;
        }

        ParseStatement();
        if (Kind == SyntaxKind.ElseKeyword)
        {
            Eat();
            ParseStatement();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.IfStatement, mark);
    }

    private void ParseKeywordParenStatement(SyntaxKind kind)
    {
        int mark = _b.Mark;
        Eat();
        Expect(SyntaxKind.OpenParenToken);
        ParseExpression();
        Expect(SyntaxKind.CloseParenToken);
        if (kind == SyntaxKind.SwitchStatement && _pattern is not null)
        {
            CheckPatternSwitchBody();
        }

        if (_failed)
        {
            return;
        }

        ParseStatement();
        Finish(kind, mark);
    }

    /// <summary>
    /// In a pattern, a switch body is declarations then case lines (spatch's grammar): dots before
    /// the first label have no meaning there and are rejected where they stand.
    /// </summary>
    private void CheckPatternSwitchBody()
    {
        if (Kind != SyntaxKind.OpenBraceToken)
        {
            return;
        }

        int depth = 0;
        for (int i = _pos + 1; i < _eof; i++)
        {
            var k = KindAt(i);
            if (k is SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken)
            {
                depth++;
            }
            else if (k is SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken)
            {
                if (depth-- == 0)
                {
                    return;
                }
            }
            else if (depth == 0 && k is SyntaxKind.CaseKeyword or SyntaxKind.DefaultKeyword)
            {
                return;
            }
            else if (depth == 0 && k is SyntaxKind.EllipsisToken or SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken)
            {
                int saved = _pos;
                _pos = i;
                Fail($"unexpected {Describe(i)} in a switch body before its first case (only declarations may come there)");
                _pos = saved;
                return;
            }
        }
    }

    private void ParseDo()
    {
        int mark = _b.Mark;
        Eat();
        ParseStatement();
        if (Kind == SyntaxKind.IdentifierToken && PeekKind() == SyntaxKind.OpenParenToken)
        {
            // do { ... } while_each_thread(g, t);  the loop test is a macro.
            Eat();
            Eat();
            int m = _b.Mark;
            ParseArgumentListContents();
            Finish(SyntaxKind.MacroArgument, m);
        }
        else
        {
            Expect(SyntaxKind.WhileKeyword);
            Expect(SyntaxKind.OpenParenToken);
            ParseExpression();
        }

        Expect(SyntaxKind.CloseParenToken);
        Expect(SyntaxKind.SemicolonToken);
        Finish(SyntaxKind.DoStatement, mark);
    }

    private void ParseFor()
    {
        int mark = _b.Mark;
        Eat();
        Expect(SyntaxKind.OpenParenToken);
        if (Kind == SyntaxKind.SemicolonToken)
        {
            _b.PushAbsent();
            Eat();
        }
        else if (IsDeclarationStart())
        {
            ParseDeclaration(DeclarationContext.For);
            _b.PushAbsent();
        }
        else
        {
            ParseExpression();
            Expect(SyntaxKind.SemicolonToken);
        }

        if (Kind == SyntaxKind.SemicolonToken)
        {
            _b.PushAbsent();
        }
        else
        {
            ParseExpression();
        }

        Expect(SyntaxKind.SemicolonToken);
        if (Kind == SyntaxKind.CloseParenToken)
        {
            _b.PushAbsent();
        }
        else
        {
            ParseExpression();
        }

        Expect(SyntaxKind.CloseParenToken);
        if (_failed)
        {
            return;
        }

        ParseStatement();
        Finish(SyntaxKind.ForStatement, mark);
    }

    private void ParseGoto()
    {
        int mark = _b.Mark;
        Eat();
        if (Kind == SyntaxKind.IdentifierToken && PeekKind() == SyntaxKind.SemicolonToken)
        {
            int m = _b.Mark;
            Eat();
            Finish(SyntaxKind.IdentifierName, m);
        }
        else
        {
            ParseExpression(); // computed goto: goto *ptr;
        }

        Expect(SyntaxKind.SemicolonToken);
        Finish(SyntaxKind.GotoStatement, mark);
    }

    private void ParseJump(SyntaxKind kind)
    {
        int mark = _b.Mark;
        Eat();
        Expect(SyntaxKind.SemicolonToken);
        Finish(kind, mark);
    }

    private void ParseReturn()
    {
        int mark = _b.Mark;
        Eat();
        if (Kind == SyntaxKind.SemicolonToken)
        {
            _b.PushAbsent();
        }
        else
        {
            ParseExpression();
        }

        Expect(SyntaxKind.SemicolonToken);
        Finish(SyntaxKind.ReturnStatement, mark);
    }

    private void ParseCase()
    {
        int mark = _b.Mark;
        Eat();
        ParseConditional();
        if (Kind == SyntaxKind.EllipsisToken)
        {
            Eat();
            ParseConditional();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Expect(SyntaxKind.ColonToken);
        ParseLabelTarget();
        Finish(SyntaxKind.CaseStatement, mark);
    }

    private void ParseDefault()
    {
        int mark = _b.Mark;
        Eat();
        Eat();
        ParseLabelTarget();
        Finish(SyntaxKind.DefaultStatement, mark);
    }

    private void ParseLabel()
    {
        int mark = _b.Mark;
        Eat();
        Eat();
        ParseAttributeList();
        ParseLabelTarget();
        Finish(SyntaxKind.LabeledStatement, mark);
    }

    /// <summary>The statement after a label; absent before '}' or another label of a switch.</summary>
    private void ParseLabelTarget()
    {
        if (_failed || Kind is SyntaxKind.CloseBraceToken or SyntaxKind.CaseKeyword or SyntaxKind.EndOfFileToken
            || (Kind == SyntaxKind.DefaultKeyword && PeekKind() == SyntaxKind.ColonToken)
            || (_pattern is not null && Kind is SyntaxKind.EllipsisToken or SyntaxKind.NestCloseToken or SyntaxKind.NestPlusCloseToken
                or SyntaxKind.DisjunctionBarToken or SyntaxKind.DisjunctionCloseToken or SyntaxKind.ConjunctionAmpToken))
        {
            _b.PushAbsent();
            return;
        }

        // A statement that fails before it starts leaves nothing: the slot is then absent.
        int before = _b.Mark;
        ParseStatement();
        if (_b.Mark == before)
        {
            _b.PushAbsent();
        }
    }

    private void ParseAsmStatement()
    {
        int mark = _b.Mark;
        Eat();
        int qualifiers = _b.Mark;
        while (Kind is SyntaxKind.VolatileKeyword or SyntaxKind.GotoKeyword or SyntaxKind.InlineKeyword)
        {
            Eat();
        }

        Finish(SyntaxKind.List, qualifiers);
        Expect(SyntaxKind.OpenParenToken);
        ParseAssignment();
        int sections = _b.Mark;
        while (Kind == SyntaxKind.ColonToken && !_failed)
        {
            int s = _b.Mark;
            Eat();
            int operands = _b.Mark;
            while (Kind != SyntaxKind.ColonToken && Kind != SyntaxKind.CloseParenToken && Kind != SyntaxKind.EndOfFileToken && !_failed)
            {
                ParseAsmOperand();
                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                Eat();
            }

            Finish(SyntaxKind.SeparatedList, operands);
            Finish(SyntaxKind.AsmSection, s);
        }

        Finish(SyntaxKind.List, sections);
        Expect(SyntaxKind.CloseParenToken);
        if (!TryEat(SyntaxKind.SemicolonToken))
        {
            _b.PushAbsent();
        }

        Finish(SyntaxKind.AsmStatement, mark);
    }

    private void ParseAsmOperand()
    {
        int mark = _b.Mark;
        if (Kind == SyntaxKind.OpenBracketToken)
        {
            Eat();
            Expect(SyntaxKind.IdentifierToken);
            Expect(SyntaxKind.CloseBracketToken);
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
            _b.PushAbsent();
        }

        ParsePrimary();
        if (Kind == SyntaxKind.OpenParenToken)
        {
            Eat();
            ParseExpression();
            Expect(SyntaxKind.CloseParenToken);
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.AsmOperand, mark);
    }
}
