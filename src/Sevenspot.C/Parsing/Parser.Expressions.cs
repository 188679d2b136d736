namespace Sevenspot.C;

public sealed partial class Parser
{
    /// <summary>A full expression, commas included.</summary>
    private void ParseExpression()
    {
        int mark = _b.Mark;
        ParseAssignment();
        while (Kind == SyntaxKind.CommaToken && !_failed)
        {
            Eat();
            ParseAssignment();
            Finish(SyntaxKind.CommaExpression, mark);
        }
    }

    /// <summary>An assignment expression; <paramref name="rightOfAssignment"/> when it is the value of an assignment.</summary>
    private void ParseAssignment(bool rightOfAssignment = false)
    {
        if (!Enter())
        {
            PushErrorExpression();
            Leave();
            return;
        }

        int mark = _b.Mark;
        ParseConditional();
        if ((IsAssignmentOperator(Kind) || PatternKindOf(_pos) == PatternNameKind.AssignmentOperator) && !_failed)
        {
            if (rightOfAssignment && !IsAssignmentOperator(Kind))
            {
                // spatch reads no operator metavariable in an assignment that is another's value ("x = y a E").
                Fail($"unexpected {Describe(_pos)}: an assignment operator metavariable does not go in the value of an assignment (parenthesize it)");
                Leave();
                return;
            }

            Eat();
            ParseAssignment(rightOfAssignment: true);
            Finish(SyntaxKind.AssignmentExpression, mark);
        }

        Leave();
    }

    private static bool IsAssignmentOperator(SyntaxKind kind) => OperatorPrecedence.IsAssignment(kind);

    private static bool IsPostfixOperator(SyntaxKind kind) => kind is SyntaxKind.OpenBracketToken or SyntaxKind.OpenParenToken
        or SyntaxKind.DotToken or SyntaxKind.ArrowToken or SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken;

    private void ParseConditional()
    {
        int mark = _b.Mark;
        ParseBinary(OperatorPrecedence.LogicalOr);
        if (Kind == SyntaxKind.QuestionToken && !_failed)
        {
            if (!Enter())
            {
                Leave();
                return;
            }

            Eat();
            if (Kind == SyntaxKind.ColonToken)
            {
                _b.PushAbsent(); // GNU a ?: b
            }
            else
            {
                ParseExpression();
            }

            Expect(SyntaxKind.ColonToken);
            ParseConditional();
            Finish(SyntaxKind.ConditionalExpression, mark);
            Leave();
        }
    }

    private void ParseBinary(int minPrecedence)
    {
        int mark = _b.Mark;
        ParseUnary();
        while (!_failed)
        {
            int precedence = OperatorPrecedence.OfBinary(Kind);
            if (precedence == OperatorPrecedence.Top && _pattern is not null && PatternKindOf(_pos) == PatternNameKind.BinaryOperator)
            {
                precedence = OperatorPrecedence.LogicalOr; // an operator metavariable: a op b
            }

            if (precedence < minPrecedence || precedence == OperatorPrecedence.Top)
            {
                break;
            }

            Eat();
            ParseBinary(precedence + 1); // binary operators group to the left
            Finish(SyntaxKind.BinaryExpression, mark);
        }
    }

    private void ParseUnary()
    {
        if (!Enter())
        {
            PushErrorExpression();
            Leave();
            return;
        }

        int mark = _b.Mark;
        switch (Kind)
        {
            case SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken or SyntaxKind.AmpersandToken or SyntaxKind.AsteriskToken
                or SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.TildeToken or SyntaxKind.ExclamationToken
                or SyntaxKind.AmpersandAmpersandToken or SyntaxKind.ExtensionKeyword:
                Eat();
                ParseUnary();
                Finish(SyntaxKind.PrefixUnary, mark);
                break;
            case SyntaxKind.IdentifierToken when _pattern is not null && PatternKindOf(_pos) == PatternNameKind.UnaryOperator:
                Eat();
                ParseUnary();
                Finish(SyntaxKind.PrefixUnary, mark);
                break;
            case SyntaxKind.SizeofKeyword or SyntaxKind.AlignofKeyword:
                Eat();
                if (Kind == SyntaxKind.OpenParenToken && !IsPostfixOperator(KindAt(_pos + 3)) && IsGuessedSizeofTypeName(_pos))
                {
                    // sizeof(u32), the name a type only by guess: the name in parentheses, not a cast.
                    int operand = _b.Mark;
                    Eat();
                    int name = _b.Mark;
                    Eat();
                    Finish(SyntaxKind.IdentifierName, name);
                    Eat();
                    Finish(SyntaxKind.ParenthesizedExpression, operand);
                    Finish(SyntaxKind.SizeofExpression, mark);
                }
                else if (Kind == SyntaxKind.OpenParenToken && (IsTypeNameStart(_pos + 1) || IsSizeofTypeName(_pos)) && !IsCompoundLiteralAfterType(_pos))
                {
                    Eat();
                    ParseTypeName();
                    Expect(SyntaxKind.CloseParenToken);
                    Finish(SyntaxKind.SizeofType, mark);
                }
                else
                {
                    ParseUnary();
                    Finish(SyntaxKind.SizeofExpression, mark);
                }

                break;
            case SyntaxKind.OpenParenToken when IsCastAt(_pos):
                Eat();
                ParseTypeName();
                Expect(SyntaxKind.CloseParenToken);
                if (Kind == SyntaxKind.OpenBraceToken)
                {
                    ParseInitializerList();
                    Finish(SyntaxKind.CompoundLiteral, mark);
                    ParsePostfixOperators(mark);
                }
                else
                {
                    ParseUnary();
                    Finish(SyntaxKind.CastExpression, mark);
                }

                break;
            default:
                ParsePrimary();
                ParsePostfixOperators(mark);
                break;
        }

        Leave();
    }

    private bool IsCompoundLiteralAfterType(int open)
    {
        int close = MatchOf(open);
        return close > 0 && KindAt(close + 1) == SyntaxKind.OpenBraceToken;
    }

    private void ParsePostfixOperators(int mark)
    {
        while (!_failed)
        {
            switch (Kind)
            {
                case SyntaxKind.OpenBracketToken:
                    Eat();
                    ParseExpression();
                    Expect(SyntaxKind.CloseBracketToken);
                    Finish(SyntaxKind.ElementAccess, mark);
                    break;
                case SyntaxKind.OpenParenToken:
                    Eat();
                    ParseArgumentListContents();
                    Expect(SyntaxKind.CloseParenToken);
                    Finish(SyntaxKind.CallExpression, mark);
                    break;
                case SyntaxKind.DotToken or SyntaxKind.ArrowToken:
                    Eat();
                    if (Kind == SyntaxKind.IdentifierToken || (Kind >= SyntaxFacts.FirstKeyword && Kind <= SyntaxFacts.LastKeyword))
                    {
                        Eat(); // a field may be spelt like a keyword in macro-heavy code (p->default)
                    }
                    else if (_pattern is not null && Kind == SyntaxKind.DisjunctionOpenToken && IsFieldNameDisjunction(_pos))
                    {
                        ParseNameDisjunction(); // dev->\(probe\|remove\): one of several fields
                    }
                    else
                    {
                        Fail($"expected a field name before {Describe(_pos)}");
                        _b.PushAbsent();
                    }

                    Finish(SyntaxKind.MemberAccess, mark);
                    break;
                case SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken:
                    Eat();
                    Finish(SyntaxKind.PostfixUnary, mark);
                    break;
                default:
                    return;
            }
        }
    }

    private void ParsePrimary()
    {
        if (_pattern is not null && TryParsePatternPrimary())
        {
            return;
        }

        int mark = _b.Mark;
        switch (Kind)
        {
            case SyntaxKind.IdentifierToken:
                if (PeekKind() == SyntaxKind.StringLiteralToken && (IsStringMacro(_pos) || IsAllCaps(_pos)))
                {
                    ParseConcatenatedString();
                    return;
                }

                Eat();
                Finish(SyntaxKind.IdentifierName, mark);
                return;
            case SyntaxKind.IntegerLiteralToken or SyntaxKind.FloatLiteralToken or SyntaxKind.CharLiteralToken:
                Eat();
                Finish(SyntaxKind.LiteralExpression, mark);
                return;
            case SyntaxKind.StringLiteralToken:
                if (PeekKind() == SyntaxKind.StringLiteralToken || (PeekKind() == SyntaxKind.IdentifierToken && (IsStringMacro(_pos + 1) || IsAllCaps(_pos + 1))))
                {
                    ParseConcatenatedString();
                    return;
                }

                Eat();
                Finish(SyntaxKind.LiteralExpression, mark);
                return;
            case SyntaxKind.OpenParenToken:
                Eat();
                if (Kind == SyntaxKind.OpenBraceToken)
                {
                    ParseCompoundStatement();
                    Expect(SyntaxKind.CloseParenToken);
                    Finish(SyntaxKind.StatementExpression, mark);
                    return;
                }

                ParseExpression();
                Expect(SyntaxKind.CloseParenToken);
                Finish(SyntaxKind.ParenthesizedExpression, mark);
                return;
            case SyntaxKind.GenericKeyword:
                ParseGeneric();
                return;
            case SyntaxKind.OpenBraceToken:
                ParseInitializerList();
                return;
            default:
                Fail($"expected expression before {Describe(_pos)}");
                PushErrorExpression();
                return;
        }
    }

    private void PushErrorExpression()
    {
        int mark = _b.Mark;
        PushEmptyList();
        Finish(SyntaxKind.ErrorNode, mark, error: true);
    }

    /// <summary>Adjacent string literals and string macros: "a" "b", KERN_INFO "x", "%" PRIu64.</summary>
    private void ParseConcatenatedString()
    {
        int mark = _b.Mark;
        int list = _b.Mark;
        while (true)
        {
            if (Kind == SyntaxKind.StringLiteralToken)
            {
                Eat();
            }
            else if (Kind == SyntaxKind.IdentifierToken && (IsStringMacro(_pos) || IsAllCaps(_pos))
                && (PeekKind() is SyntaxKind.StringLiteralToken || KindAt(_pos - 1) == SyntaxKind.StringLiteralToken))
            {
                if (PeekKind() == SyntaxKind.OpenParenToken && MatchOf(_pos + 1) > 0)
                {
                    int close = MatchOf(_pos + 1);
                    while (_pos <= close)
                    {
                        Eat();
                    }
                }
                else
                {
                    Eat();
                }
            }
            else
            {
                break;
            }
        }

        Finish(SyntaxKind.List, list);
        Finish(SyntaxKind.ConcatenatedString, mark);
    }

    private void ParseGeneric()
    {
        int mark = _b.Mark;
        Eat();
        Expect(SyntaxKind.OpenParenToken);
        int list = _b.Mark;
        ParseAssignment();
        while (Kind == SyntaxKind.CommaToken && !_failed)
        {
            Eat();
            int a = _b.Mark;
            if (Kind == SyntaxKind.DefaultKeyword)
            {
                Eat();
            }
            else
            {
                ParseTypeName();
            }

            Expect(SyntaxKind.ColonToken);
            ParseAssignment();
            Finish(SyntaxKind.GenericAssociation, a);
        }

        Finish(SyntaxKind.SeparatedList, list);
        Expect(SyntaxKind.CloseParenToken);
        Finish(SyntaxKind.GenericSelection, mark);
    }

    /// <summary>Arguments of a call or macro, without the parentheses: a SeparatedList.</summary>
    private void ParseArgumentListContents()
    {
        int list = _b.Mark;
        if (Kind != SyntaxKind.CloseParenToken)
        {
            while (!_failed)
            {
                ParseArgument();
                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                Eat();
            }
        }

        Finish(SyntaxKind.SeparatedList, list);
    }

    /// <summary>
    /// One argument: an expression, a type (container_of(p, struct foo, list)), an initializer,
    /// or, when none of these fits, the balanced tokens up to the next ',' or ')' (macro arguments
    /// such as operators or statements).
    /// </summary>
    private void ParseArgument()
    {
        if (Kind is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken)
        {
            int empty = _b.Mark;
            PushEmptyList();
            Finish(SyntaxKind.MacroArgument, empty);
            return;
        }

        var recovery = SaveRecovery();
        if (IsTypeArgumentStart())
        {
            ParseTypeName();
        }
        else
        {
            ParseAssignment();
        }

        if (!_failed && Kind is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken)
        {
            return;
        }

        // A rule's argument is an expression or a type: the error is where the parse stopped, as
        // spatch reports it ("- g(;" at the ';'), not at the end of the file the balanced tokens reach.
        if ((_failed && _failKind == ParseFailureKind.NestingTooDeep) || _pattern is not null)
        {
            return;
        }

        TakeFailure();
        Restore(recovery);
        int mark = _b.Mark;
        int list = _b.Mark;
        while (Kind is not (SyntaxKind.CommaToken or SyntaxKind.CloseParenToken or SyntaxKind.EndOfFileToken))
        {
            if (Kind is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken)
            {
                int close = MatchOf(_pos);
                if (close < 0)
                {
                    Fail("unbalanced brackets in a macro argument");
                    break;
                }

                while (_pos <= close)
                {
                    Eat();
                }

                continue;
            }

            if (Kind is SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken)
            {
                Fail($"unexpected {Describe(_pos)} in a macro argument");
                break;
            }

            Eat();
        }

        Finish(SyntaxKind.List, list);
        Finish(SyntaxKind.MacroArgument, mark);
    }

    private bool IsTypeArgumentStart()
    {
        var k = Kind;
        if (SyntaxFacts.IsTypeKeyword(k) || SyntaxFacts.IsQualifierKeyword(k)
            || k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.TypeofKeyword)
        {
            return true;
        }

        if (k == SyntaxKind.IdentifierToken && IsKnownTypeName(_pos))
        {
            var next = PeekKind();
            if (next is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken)
            {
                return true;
            }

            if (next == SyntaxKind.AsteriskToken)
            {
                int i = _pos + 1;
                while (KindAt(i) == SyntaxKind.AsteriskToken || SyntaxFacts.IsQualifierKeyword(KindAt(i)))
                {
                    i++;
                }

                return KindAt(i) is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken;
            }
        }

        return false;
    }

    /// <summary>Does a type name start at index (inside parentheses of a cast, sizeof, typeof)?</summary>
    private bool IsTypeNameStart(int index)
    {
        var k = KindAt(index);
        if (SyntaxFacts.IsTypeKeyword(k) || SyntaxFacts.IsQualifierKeyword(k)
            || k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.TypeofKeyword or SyntaxKind.AttributeKeyword)
        {
            return true;
        }

        if (k != SyntaxKind.IdentifierToken)
        {
            return false;
        }

        var next = KindAt(index + 1);
        if (SyntaxFacts.IsQualifierKeyword(next))
        {
            return true; // (code const *)
        }

        if (IsKnownTypeName(index))
        {
            return next is SyntaxKind.CloseParenToken or SyntaxKind.AsteriskToken or SyntaxKind.OpenBracketToken or SyntaxKind.IdentifierToken
                || SyntaxFacts.IsQualifierKeyword(next) || (next == SyntaxKind.OpenParenToken && KindAt(index + 2) == SyntaxKind.AsteriskToken);
        }

        if (IsAttributeName(index))
        {
            return true;
        }

        if (MacroKindOf(index) == MacroKind.TypeBuilder)
        {
            return true;
        }

        // (X *) (X **) (X * const): only a type can be followed by stars up to ')'. In a pattern,
        // only a declared type is one ("(T1 *)E" is refused, as by spatch).
        if (_pattern is not null)
        {
            return false;
        }

        int i = index + 1;
        if (KindAt(i) == SyntaxKind.IdentifierToken && IsAttributeName(i))
        {
            i++;
        }

        if (KindAt(i) == SyntaxKind.AsteriskToken)
        {
            while (KindAt(i) == SyntaxKind.AsteriskToken || SyntaxFacts.IsQualifierKeyword(KindAt(i)) || (KindAt(i) == SyntaxKind.IdentifierToken && IsAttributeName(i)))
            {
                i++;
            }

            return KindAt(i) == SyntaxKind.CloseParenToken;
        }

        // (X Y) or (X Y *): two names in a row, one of them an attribute.
        return next == SyntaxKind.IdentifierToken && KindAt(index + 2) is SyntaxKind.CloseParenToken or SyntaxKind.AsteriskToken;
    }

    /// <summary>Is the '(' at index the start of a cast or compound literal?</summary>
    private bool IsCastAt(int open)
    {
        int close = MatchOf(open);
        if (close < 0 || KindAt(open + 1) == SyntaxKind.OpenBraceToken)
        {
            return false;
        }

        if (IsTypeNameStart(open + 1))
        {
            return !IsMacroFileOnlyPatternType(open + 1);
        }

        // (X) followed by something that can only be an operand: a cast to an unknown typedef. Not in
        // a pattern, where only declared types are types (spatch reads "(T1)E" as "(T1)" then a stray
        // E, an error, when T1 is no type metavariable or typedef of the rule).
        if (close == open + 2 && KindAt(open + 1) == SyntaxKind.IdentifierToken)
        {
            if (_pattern is not null)
            {
                return false;
            }

            var after = KindAt(close + 1);
            return after is SyntaxKind.IdentifierToken or SyntaxKind.IntegerLiteralToken or SyntaxKind.FloatLiteralToken
                or SyntaxKind.CharLiteralToken or SyntaxKind.StringLiteralToken or SyntaxKind.TildeToken or SyntaxKind.ExclamationToken
                or SyntaxKind.SizeofKeyword;
        }

        return false;
    }
}
