namespace Sevenspot.C;

/// <summary>
/// Pattern mode: the C grammar extended for SmPL. A pattern is a sequence of items (statements,
/// declarations, function definitions, bare expressions) with "...", nests "&lt;... ...&gt;",
/// disjunctions "( | )", conjunctions "( &amp; )", optional "?" statements and when clauses.
/// Metavariables are names classified by <see cref="PatternOptions.Classify"/>.
/// </summary>
public sealed partial class Parser
{
    private readonly PatternOptions? _pattern;
    private readonly int _whenName = -1;
    private readonly int _whenUpperName = -1;

    // Parsing the code of a when clause: it ends with its line ("... when != tmp" then "tmp = a;").
    private bool _inWhenCode;

    private Parser(LexedText lexed, ParseOptions options, PatternOptions pattern)
        : this(lexed, options)
    {
        _pattern = pattern;
        _whenName = lexed.Names.Find(pattern.WhenKeyword);
        _whenUpperName = lexed.Names.Find(pattern.WhenKeyword.ToUpperInvariant());
    }

    /// <summary>Parses the tokens of an SmPL pattern (produced by the SmPL lexer) into a PatternBody tree.</summary>
    public static SyntaxTree ParsePattern(LexedText lexed, PatternOptions pattern, ParseOptions? options = null)
    {
        var parser = new Parser(lexed, options ?? ParseOptions.Default, pattern);
        parser.ParsePatternBody();
        return parser._b.Build(lexed, parser._diagnostics);
    }

    private bool IsWhen(int index) => KindAt(index) == SyntaxKind.IdentifierToken && (_tokens[index].Name == _whenName || _tokens[index].Name == _whenUpperName);

    private void ParsePatternBody()
    {
        int body = _b.Mark;
        int list = _b.Mark;
        var previous = SyntaxKind.None;
        while (Kind != SyntaxKind.EndOfFileToken && !_failed)
        {
            int start = _pos;
            ParsePatternItem(topLevel: true);
            if (_pos == start && !_failed)
            {
                Fail($"unexpected {Describe(_pos)}");
            }

            if (_failed)
            {
                break;
            }

            // spatch reads no "..." beside a function definition at the top of a rule, before or after it.
            var item = _b.Mark > list ? _b.KindAt(_b.Mark - 1) : SyntaxKind.None;
            if (((item == SyntaxKind.FunctionDefinition && previous == SyntaxKind.Dots) || (item == SyntaxKind.Dots && previous == SyntaxKind.FunctionDefinition)))
            {
                Fail($"unexpected {Describe(start)} beside a function definition: '...' does not go between top-level functions and code");
                _failToken = start;
            }

            previous = item;
        }

        if (_failed)
        {
            var (reason, token) = TakeFailure();
            AddDiagnostic(Text.DiagnosticId.SmplSyntaxError, token, reason);
            // Keep the tree well formed: swallow the rest as an error node.
            int error = _b.Mark;
            int tokens = _b.Mark;
            while (_pos < _eof)
            {
                Eat();
            }

            Finish(SyntaxKind.List, tokens);
            Finish(SyntaxKind.ErrorNode, error, error: true);
        }

        Finish(SyntaxKind.List, list);
        Eat();
        Finish(SyntaxKind.PatternBody, body);
    }

    /// <summary>Does the current token end a statement-level pattern item (so an expression before it is bare)?</summary>
    private bool AtPatternItemEnd() => Kind is SyntaxKind.EndOfFileToken or SyntaxKind.EllipsisToken or SyntaxKind.DisjunctionBarToken
        or SyntaxKind.ConjunctionAmpToken or SyntaxKind.DisjunctionCloseToken or SyntaxKind.NestCloseToken or SyntaxKind.NestPlusCloseToken
        or SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken or SyntaxKind.DisjunctionOpenToken or SyntaxKind.CloseBraceToken
        || IsWhen(_pos) || AtLineStart(_pos);

    /// <summary>One item of a statement sequence in a pattern.</summary>
    private void ParsePatternItem(bool topLevel)
    {
        switch (Kind)
        {
            case SyntaxKind.EllipsisToken:
                ParseDots();
                return;
            case SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken when !NestIsAssigned(_pos):
                ParseStatementNest();
                return;
            case SyntaxKind.DisjunctionOpenToken when IsDeclarerNameDisjunction(_pos):
                {
                    // \(D1\|D2\)(...); with declarer metavariables: a declarer whose name is a disjunction
                    int mark = _b.Mark;
                    PushEmptyList();
                    ParseNameDisjunction();
                    ParseMacroDeclarationRest(mark, nameParsed: true);
                    return;
                }

            case SyntaxKind.DisjunctionOpenToken when !(topLevel && IsDeclaredNameDisjunction(_pos) && LooksLikePatternFunction()) && !IsTypeDisjunction(_pos, out _):
                ParseStatementDisjunction(topLevel);
                return;
            case SyntaxKind.OptionalToken:
                {
                    int mark = _b.Mark;
                    Eat();
                    ParsePatternItem(topLevel);
                    Finish(SyntaxKind.OptionalStatement, mark);
                    return;
                }

            case SyntaxKind.IdentifierToken when PatternKindOf(_pos) is PatternNameKind.Statement or PatternNameKind.Declaration or PatternNameKind.Field
                && PeekKind() is not (SyntaxKind.OpenParenToken or SyntaxKind.EqualsToken or SyntaxKind.DotToken or SyntaxKind.ArrowToken or SyntaxKind.OpenBracketToken):
                {
                    int mark = _b.Mark;
                    Eat();
                    Finish(SyntaxKind.MetavariableStatement, mark);
                    return;
                }
        }

        if (Kind == SyntaxKind.OpenBraceToken && (PeekKind() == SyntaxKind.DotToken || PeekKind() == SyntaxKind.OpenBracketToken))
        {
            // { .field = E, ... }: an initializer list pattern
            int m = _b.Mark;
            ParseInitializerList();
            Finish(SyntaxKind.BareExpression, m);
            return;
        }

        if (topLevel && LooksLikePatternFunction())
        {
            ParseDeclaration(DeclarationContext.TopLevel);
            return;
        }

        if (TryParseTypeItem())
        {
            return;
        }

        if (IsDeclarationStart())
        {
            ParseLocalDeclaration();
            return;
        }

        var recovery = SaveRecovery();
        ParseStatementCore();
        if (_failed)
        {
            // An expression without ';' stands alone: "foo(x)" matches any statement containing it.
            var kind = _failKind;
            var (reason, token) = TakeFailure();
            Restore(recovery);
            int mark = _b.Mark;
            ParseExpression();
            if (!_failed && AtPatternItemEnd() && Kind != SyntaxKind.OpenBraceToken && !StartsStatementAfterBareExpression())
            {
                // Only an expression that "...", a nest's or the block's end follows is refused there, directly
                // or at the end of its disjunction; one that ends a lone branch, or a disjunction that goes on as
                // an operand ("\\(kfree\\|vfree\\)(E)"), is left to the reading of the whole construct.
                if (topLevel || _inWhenCode || !EndsSequenceItem(_pos) || FollowsDots(recovery.Position))
                {
                    Finish(SyntaxKind.BareExpression, mark);
                    return;
                }

                reason = $"expected ';' before {Describe(_pos)}: in braces, an expression without ';' comes only right after '...'";
                token = _pos;
            }

            if (!_failed && Kind == SyntaxKind.OpenBraceToken && KindAt(recovery.Position) == SyntaxKind.IdentifierToken && KindAt(recovery.Position + 1) == SyntaxKind.OpenParenToken)
            {
                // "for_each_x(d, ...)" then "{ ... }" on the next line: a loop only when the rule
                // declares the name as an iterator; a call followed by a block is no code spatch reads.
                reason = $"'{_lexed.TextAt(recovery.Position)}(...)' followed by a block: declare '{_lexed.TextAt(recovery.Position)}' as an iterator (iterator name {_lexed.TextAt(recovery.Position)};) to match a loop";
                token = _pos;
            }

            TakeFailure();
            Restore(recovery);
            _failed = true;
            _failReason = reason;
            _failToken = token;
            _failKind = kind;
        }
    }

    /// <summary>
    /// Whether the token at <paramref name="index"/>, which ends a bare expression, is "...", a nest's
    /// or a block's end, or a disjunction's bar or close after which (at the disjunction's end) one of
    /// those comes.
    /// </summary>
    private bool EndsSequenceItem(int index)
    {
        if (IsSequenceEnd(index))
        {
            return true;
        }

        if (KindAt(index) is not (SyntaxKind.DisjunctionBarToken or SyntaxKind.DisjunctionCloseToken or SyntaxKind.ConjunctionAmpToken))
        {
            return false;
        }

        for (int depth = 0; index < _eof; index++)
        {
            switch (KindAt(index))
            {
                case SyntaxKind.DisjunctionOpenToken:
                    depth++;
                    break;
                case SyntaxKind.DisjunctionCloseToken when depth > 0:
                    depth--;
                    break;
                case SyntaxKind.DisjunctionCloseToken:
                    return IsSequenceEnd(index + 1);
            }
        }

        return false;

        bool IsSequenceEnd(int i) => i < _eof
            && KindAt(i) is SyntaxKind.EllipsisToken or SyntaxKind.CloseBraceToken or SyntaxKind.NestCloseToken or SyntaxKind.NestPlusCloseToken;
    }

    /// <summary>
    /// Whether the item at <paramref name="start"/>, inside braces or a nest, comes right after "..."
    /// (its when clauses included) or a nest's opening, directly or as the head of a disjunction
    /// branch there. spatch reads an expression without ';' in a block only there:
    /// "f(...) { ... - foo(d) ... }" is read, "f(...) { - foo(d) ... }" and "{ bar(d); - foo(d) }" are
    /// parse errors.
    /// </summary>
    private bool FollowsDots(int start)
    {
        int i = start - 1;
        while (i >= 0)
        {
            switch (KindAt(i))
            {
                case SyntaxKind.EllipsisToken or SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken:
                    return true;
                case SyntaxKind.DisjunctionOpenToken:
                    i--;
                    continue;
                case SyntaxKind.DisjunctionBarToken or SyntaxKind.ConjunctionAmpToken:
                    // The branch starts where its disjunction does.
                    for (int depth = 0; --i >= 0;)
                    {
                        var kind = KindAt(i);
                        if (kind == SyntaxKind.DisjunctionCloseToken)
                        {
                            depth++;
                        }
                        else if (kind == SyntaxKind.DisjunctionOpenToken && depth-- == 0)
                        {
                            break;
                        }
                    }

                    i--;
                    continue;
            }

            // The last token of a when clause: "..." (or a nest's opening) then "when" earlier on its line
            // ("{ ... when != x = E"), or on an earlier line when the clauses go on over several lines,
            // each starting with "when".
            for (int j = i; j >= 0; j--)
            {
                if (KindAt(j) is SyntaxKind.EllipsisToken or SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken && IsWhen(j + 1))
                {
                    return true;
                }

                if (AtLineStart(j) && !IsWhen(j))
                {
                    break;
                }
            }

            return false;
        }

        return false;
    }

    /// <summary>
    /// Whether a statement starts on the line after a bare expression: spatch reads an expression
    /// without ';' only where nothing follows it in the sequence but "..." or the end of a branch
    /// ("- foo(d)" then "bar(d);" is a parse error at bar).
    /// </summary>
    private bool StartsStatementAfterBareExpression() =>
        !_inWhenCode && AtLineStart(_pos) && !IsWhen(_pos) && Kind is SyntaxKind.IdentifierToken or SyntaxKind.IfKeyword or SyntaxKind.ForKeyword or SyntaxKind.WhileKeyword or SyntaxKind.DoKeyword
            or SyntaxKind.SwitchKeyword or SyntaxKind.ReturnKeyword or SyntaxKind.BreakKeyword or SyntaxKind.ContinueKeyword or SyntaxKind.GotoKeyword;

    /// <summary>A type standing alone as an item ("- Scsi_Cmnd + struct scsi_cmnd"): a TypeName.</summary>
    private bool TryParseTypeItem()
    {
        var k = Kind;
        bool typeStart = IsTypeNameStart(_pos) || k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword || SyntaxFacts.IsTypeKeyword(k)
            || (k == SyntaxKind.IdentifierToken && IsKnownTypeName(_pos));
        if (!typeStart)
        {
            return false;
        }

        var recovery = SaveRecovery();
        ParseTypeName();
        // A name on the next line that ends a declaration ("- T + U\n x;", "T\n+ attr\n f(P);") makes it
        // a declaration after all: SmPL, like C, reads no meaning into the line break.
        bool declaredBelow = Kind == SyntaxKind.IdentifierToken && DeclaredNameAt(_pos);
        if (!_failed && AtPatternItemEnd() && !declaredBelow && Kind is not (SyntaxKind.OpenBraceToken or SyntaxKind.SemicolonToken) && !DeclaresName(_b.NodeChild(_b.NodeIndexAt(_b.Mark - 1), 1)))
        {
            return true;
        }

        TakeFailure();
        Restore(recovery);
        return false;
    }

    /// <summary>
    /// Whether the name at <paramref name="i"/> is what a declaration declares, judging by what follows
    /// it: ";", "=", ",", "[", or a parameter list and ";" (a prototype).
    /// </summary>
    private bool DeclaredNameAt(int i) =>
        KindAt(i + 1) is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken or SyntaxKind.CommaToken or SyntaxKind.OpenBracketToken
        || (KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) is > 0 and var close && KindAt(close + 1) == SyntaxKind.SemicolonToken);

    /// <summary>"\(D1\|D2\)(" where every branch is a declarer metavariable.</summary>
    private bool IsDeclarerNameDisjunction(int i)
    {
        if (KindAt(i) != SyntaxKind.DisjunctionOpenToken)
        {
            return false;
        }

        i++;
        while (KindAt(i) == SyntaxKind.IdentifierToken && PatternKindOf(i) == PatternNameKind.Declarer)
        {
            i++;
            if (KindAt(i) == SyntaxKind.DisjunctionBarToken)
            {
                i++;
                continue;
            }

            return KindAt(i) == SyntaxKind.DisjunctionCloseToken && KindAt(i + 1) == SyntaxKind.OpenParenToken;
        }

        return false;
    }

    /// <summary>"\(a\|b\)" of plain names (after "->" or "."): a disjunction of field names.</summary>
    private bool IsFieldNameDisjunction(int i)
    {
        if (KindAt(i) != SyntaxKind.DisjunctionOpenToken)
        {
            return false;
        }

        i++;
        while (KindAt(i) == SyntaxKind.IdentifierToken)
        {
            i++;
            if (KindAt(i) == SyntaxKind.DisjunctionBarToken)
            {
                i++;
                continue;
            }

            return KindAt(i) == SyntaxKind.DisjunctionCloseToken;
        }

        return false;
    }

    /// <summary>"\(a\|b\)" followed by what follows a declared name: a disjunction of names a declaration declares.</summary>
    private bool IsDeclaredNameDisjunction(int i) => IsDeclaredNameDisjunction(i, out _);

    private bool IsDeclaredNameDisjunction(int i, out int close)
    {
        close = -1;
        if (KindAt(i) != SyntaxKind.DisjunctionOpenToken)
        {
            return false;
        }

        i++;
        while (KindAt(i) == SyntaxKind.IdentifierToken)
        {
            i++;
            if (KindAt(i) is SyntaxKind.DisjunctionBarToken or SyntaxKind.ConjunctionAmpToken)
            {
                i++;
                continue;
            }

            close = i;
            return KindAt(i) == SyntaxKind.DisjunctionCloseToken
                && KindAt(i + 1) is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken or SyntaxKind.CommaToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken;
        }

        return false;
    }

    /// <summary>Whether a built declarator names something (so it is a declaration, not a type).</summary>
    private bool DeclaresName(int declarator)
    {
        while (declarator >= 0)
        {
            switch (_b.NodeKind(declarator))
            {
                case SyntaxKind.IdentifierDeclarator or SyntaxKind.Disjunction:
                    return true;
                case SyntaxKind.PointerDeclarator or SyntaxKind.ParenthesizedDeclarator:
                    declarator = _b.NodeChild(declarator, 2);
                    break;
                case SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator:
                    declarator = _b.NodeChild(declarator, 0);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>NAME(...) { or T NAME(...) { at the top of a pattern: a function definition.</summary>
    private bool LooksLikePatternFunction()
    {
        int i = _pos;
        for (int steps = 0; steps < 32 && i < _eof; steps++)
        {
            var k = KindAt(i);
            if (k == SyntaxKind.DisjunctionOpenToken && IsTypeDisjunction(i, out int typeEnd))
            {
                // \(int\|long\) f(...) { ... }: the return type is a disjunction
                i = typeEnd + 1;
                continue;
            }

            if (k == SyntaxKind.DisjunctionOpenToken && IsDeclaredNameDisjunction(i, out int nameEnd))
            {
                // void \(f\|g\)(...) { ... }: the name is a disjunction
                i = nameEnd + 1;
                continue;
            }

            if (k == SyntaxKind.IdentifierToken && IsAttributeName(i) && KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) > 0)
            {
                // An attribute with arguments before the type: aarg(1) int f() { ... }
                i = MatchOf(i + 1) + 1;
                continue;
            }

            if (k == SyntaxKind.OpenParenToken)
            {
                int close = MatchOf(i);
                if (close < 0)
                {
                    return false;
                }

                int after = close + 1;
                while (KindAt(after) == SyntaxKind.IdentifierToken && IsAttributeName(after))
                {
                    after = KindAt(after + 1) == SyntaxKind.OpenParenToken && MatchOf(after + 1) > 0 ? MatchOf(after + 1) + 1 : after + 1;
                }

                return KindAt(after) == SyntaxKind.OpenBraceToken && i > _pos && KindAt(i - 1) is SyntaxKind.IdentifierToken or SyntaxKind.CloseParenToken or SyntaxKind.DisjunctionCloseToken
                    && !(i == _pos + 1 && IsIteratorName(_pos));
            }

            if (k is SyntaxKind.SemicolonToken or SyntaxKind.OpenBraceToken or SyntaxKind.EqualsToken or SyntaxKind.DisjunctionBarToken or SyntaxKind.EllipsisToken)
            {
                return false;
            }

            i++;
        }

        return false;
    }

    private void ParseDots()
    {
        int mark = _b.Mark;
        Eat();
        ParseWhenClauses();
        Finish(SyntaxKind.Dots, mark);
    }

    private void ParseWhenClauses()
    {
        int list = _b.Mark;
        while (IsWhen(_pos) && !_failed)
        {
            int mark = _b.Mark;
            Eat();
            if (Kind == SyntaxKind.IdentifierToken && PeekKind() is not (SyntaxKind.ExclamationEqualsToken or SyntaxKind.EqualsToken))
            {
                // when any / strict / forall / exists, possibly as a comma-separated list
                _b.PushAbsent();
                Eat();
                _b.PushAbsent();
                Finish(SyntaxKind.WhenClause, mark);
                while (Kind == SyntaxKind.CommaToken && PeekKind() == SyntaxKind.IdentifierToken)
                {
                    int m = _b.Mark;
                    Eat(); // the comma stands in for "when"
                    _b.PushAbsent();
                    Eat();
                    _b.PushAbsent();
                    Finish(SyntaxKind.WhenClause, m);
                }

                continue;
            }

            if (Kind is SyntaxKind.ExclamationEqualsToken or SyntaxKind.EqualsToken)
            {
                Eat();
            }
            else
            {
                Fail($"expected '!=' or '=' after when, before {Describe(_pos)}");
                _b.PushAbsent();
            }

            // when != true E / when != false E: E must not be the test of the branch taken.
            if (Kind == SyntaxKind.IdentifierToken && _lexed.TextAt(_pos) is "true" or "false" && !AtLineStart(_pos + 1)
                && PeekKind() is not (SyntaxKind.SemicolonToken or SyntaxKind.EndOfFileToken))
            {
                Eat();
            }
            else
            {
                _b.PushAbsent();
            }

            ParseWhenCode();
            Finish(SyntaxKind.WhenClause, mark);
        }

        Finish(SyntaxKind.List, list);
    }

    /// <summary>The code of a when clause: a statement (ending with ';'), a disjunction, or an expression.</summary>
    private void ParseWhenCode()
    {
        int list = _b.Mark;
        bool outer = _inWhenCode;
        _inWhenCode = true;
        ParsePatternItem(topLevel: false);
        _inWhenCode = outer;
        Finish(SyntaxKind.List, list);
    }

    /// <summary>
    /// Whether the nest opening at the position is assigned to ("&lt;+... x ...+&gt; = E"): then it is the
    /// left operand of an expression, whatever it matches, not a nest of statements.
    /// </summary>
    private bool NestIsAssigned(int position)
    {
        int depth = 0;
        for (int i = position; i < _eof; i++)
        {
            switch (KindAt(i))
            {
                case SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken:
                    depth++;
                    break;
                case SyntaxKind.NestCloseToken or SyntaxKind.NestPlusCloseToken when --depth == 0:
                    return IsAssignmentOperator(KindAt(i + 1));
            }
        }

        return false;
    }

    private void ParseStatementNest()
    {
        int mark = _b.Mark;
        var close = Kind == SyntaxKind.NestOpenToken ? SyntaxKind.NestCloseToken : SyntaxKind.NestPlusCloseToken;
        Eat();
        ParseWhenClauses();
        int body = _b.Mark;
        while (Kind != close && Kind != SyntaxKind.EndOfFileToken && !_failed)
        {
            int start = _pos;
            ParsePatternItem(topLevel: false);
            if (_pos == start)
            {
                Fail($"unexpected {Describe(_pos)} in a nest");
            }
        }

        Finish(SyntaxKind.List, body);
        Expect(close);
        Finish(SyntaxKind.Nest, mark);
    }

    /// <summary>
    /// The current token separates two branches ('|' or a first-column '&amp;'): a group is a disjunction or a
    /// conjunction, not both, so the first separator of the other kind is refused where it stands, as spatch
    /// refuses it ("( A | &amp;x )" at the '&amp;': a first-column '&amp;' is always a conjunction's).
    /// </summary>
    private bool SameBranchSeparator(ref SyntaxKind separator)
    {
        if (separator == SyntaxKind.None)
        {
            separator = Kind;
        }
        else if (separator != Kind)
        {
            Fail(Kind == SyntaxKind.ConjunctionAmpToken
                ? "a '&' in the first column separates the branches of a conjunction, and this group is a disjunction"
                : "a '|' in the first column separates the branches of a disjunction, and this group is a conjunction");
            return false;
        }

        return true;
    }

    private void ParseStatementDisjunction(bool topLevel)
    {
        var recovery = SaveRecovery();
        int mark = _b.Mark;
        Eat();
        int branches = _b.Mark;
        bool conjunction = false;
        bool allBare = true;
        bool firstBare = false;
        bool first = true;
        var separator = SyntaxKind.None;
        while (!_failed)
        {
            int branch = _b.Mark;
            int items = 0;
            while (Kind is not (SyntaxKind.DisjunctionBarToken or SyntaxKind.ConjunctionAmpToken or SyntaxKind.DisjunctionCloseToken or SyntaxKind.EndOfFileToken) && !_failed)
            {
                int start = _pos;
                ParsePatternItem(topLevel);
                items++;
                if (_b.KindAt(_b.Mark - 1) != SyntaxKind.BareExpression)
                {
                    allBare = false;
                }

                if (_pos == start)
                {
                    Fail($"unexpected {Describe(_pos)} in a disjunction");
                }
            }

            if (items != 1)
            {
                allBare = false;
            }

            firstBare |= first && items == 1 && _b.KindAt(_b.Mark - 1) == SyntaxKind.BareExpression;
            first = false;
            Finish(SyntaxKind.List, branch);
            if (Kind is SyntaxKind.DisjunctionBarToken or SyntaxKind.ConjunctionAmpToken)
            {
                if (!SameBranchSeparator(ref separator))
                {
                    break;
                }

                conjunction |= Kind == SyntaxKind.ConjunctionAmpToken;
                Eat();
                continue;
            }

            break;
        }

        Finish(SyntaxKind.SeparatedList, branches);
        Expect(SyntaxKind.DisjunctionCloseToken);
        Finish(conjunction ? SyntaxKind.Conjunction : SyntaxKind.Disjunction, mark);
        if (!_failed && (allBare || firstBare))
        {
            // Every branch is an expression: read the whole thing as an expression, which may go on
            // ("( f | g )(x);"). So is it when the first branch is one: spatch then reads the others
            // as expressions too, and a statement or declaration among them is a parse error where
            // it stops being an expression ("( foo(E) | bar(E); )" at the ';').
            Restore(recovery);
            int e = _b.Mark;
            ParseExpression();
            if (Kind == SyntaxKind.SemicolonToken)
            {
                Eat();
                Finish(SyntaxKind.ExpressionStatement, e);
            }
            else
            {
                Finish(SyntaxKind.BareExpression, e);
            }
        }
    }

    /// <summary>In an expression: "...", a nest, or a disjunction of expressions.</summary>
    private bool TryParsePatternPrimary()
    {
        switch (Kind)
        {
            case SyntaxKind.EllipsisToken:
                ParseDots();
                return true;
            case SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken:
                {
                    int mark = _b.Mark;
                    var close = Kind == SyntaxKind.NestOpenToken ? SyntaxKind.NestCloseToken : SyntaxKind.NestPlusCloseToken;
                    Eat();
                    ParseWhenClauses();
                    ParseExpression();
                    Expect(close);
                    Finish(SyntaxKind.Nest, mark);
                    return true;
                }

            case SyntaxKind.DisjunctionOpenToken:
                {
                    int mark = _b.Mark;
                    Eat();
                    int branches = _b.Mark;
                    bool conjunction = false;
                    var separator = SyntaxKind.None;
                    bool initializer = _pos >= 2 && KindAt(_pos - 2) == SyntaxKind.EqualsToken;
                    while (!_failed)
                    {
                        if (Kind == SyntaxKind.OpenBraceToken && !initializer && PeekKind() is not (SyntaxKind.DotToken or SyntaxKind.OpenBracketToken))
                        {
                            // A block is no expression: "( - foo(E) | { ... } )" mixes the two, which spatch
                            // refuses at the brace (its first branch makes it a disjunction of expressions).
                            Fail("a disjunction whose first branch is an expression holds expressions only, not a block");
                            break;
                        }

                        if (IsTypeNameStart(_pos) && PeekKind() is SyntaxKind.DisjunctionBarToken or SyntaxKind.DisjunctionCloseToken or SyntaxKind.AsteriskToken)
                        {
                            ParseTypeName();
                        }
                        else
                        {
                            ParseExpression();
                        }

                        if (Kind is SyntaxKind.DisjunctionBarToken or SyntaxKind.ConjunctionAmpToken)
                        {
                            if (!SameBranchSeparator(ref separator))
                            {
                                break;
                            }

                            conjunction |= Kind == SyntaxKind.ConjunctionAmpToken;
                            Eat();
                            continue;
                        }

                        break;
                    }

                    Finish(SyntaxKind.SeparatedList, branches);
                    if (Kind != SyntaxKind.DisjunctionCloseToken && !_failed)
                    {
                        Fail($"a disjunction of expressions goes on with '|' or ends with ')', not {Describe(_pos)}");
                    }

                    Expect(SyntaxKind.DisjunctionCloseToken);
                    Finish(conjunction ? SyntaxKind.Conjunction : SyntaxKind.Disjunction, mark);
                    return true;
                }
        }

        return false;
    }

    /// <summary>A disjunction of plain names in a pattern (struct tags, declarer names), the current token being its opening.</summary>
    private void ParseNameDisjunction()
    {
        int d = _b.Mark;
        Eat();
        int branches = _b.Mark;
        while (!_failed)
        {
            int n = _b.Mark;
            Expect(SyntaxKind.IdentifierToken);
            Finish(SyntaxKind.IdentifierName, n);
            if (Kind != SyntaxKind.DisjunctionBarToken)
            {
                break;
            }

            Eat();
        }

        Finish(SyntaxKind.SeparatedList, branches);
        Expect(SyntaxKind.DisjunctionCloseToken);
        Finish(SyntaxKind.Disjunction, d);
    }
}
