namespace Sevenspot.C;

public sealed partial class Parser
{
    private enum DeclarationContext
    {
        TopLevel,
        Block,
        Member,
        For,
        Parameter,
        TypeName,
    }

    private enum DeclaratorMode
    {
        /// <summary>A name is required (variables, functions).</summary>
        Named,

        /// <summary>No name (type names in casts, sizeof, macro arguments).</summary>
        Abstract,

        /// <summary>A name may or may not be there (parameters, bit-field members).</summary>
        Either,
    }

    private struct SpecifierInfo
    {
        public bool Any;
        public bool SawType;
        public bool Typedef;

        /// <summary>The specifiers are followed by a declarer macro call (static DEFINE_MUTEX(m);).</summary>
        public bool MacroCall;

        /// <summary>The specifiers are followed by a function header written as a macro (static CALLBACK(f) { ... }).</summary>
        public bool MacroFunction;
    }

    // Name token of the declarator being parsed (outside parameter lists); -1 if none.
    private int _declaratorName = -1;

    // Whether the last parameter list read was a K&R identifier list.
    private bool _lastParametersKnr;

    // Blocks of file-level items (extern "C" {, namespace n {) opened and not yet closed.
    private int _openFileBlocks;

    // ---- File level ----

    private void ParseCompilationUnit()
    {
        int unit = _b.Mark;
        int list = _b.Mark;
        while (Kind != SyntaxKind.EndOfFileToken)
        {
            ParseTopLevelItem();
        }

        Finish(SyntaxKind.List, list);
        Eat();
        Finish(SyntaxKind.CompilationUnit, unit);
    }

    private void ParseTopLevelItem()
    {
        _options.CancellationToken.ThrowIfCancellationRequested();
        var recovery = SaveRecovery();
        int start = _pos;
        _itemStart = start;
        _itemMark = _b.Mark;
        int skipped = _skippedBodies?.Count ?? 0;
        ParseExternalDeclaration();
        if (_failed || _pos == start)
        {
            var (reason, token) = TakeFailure();
            Restore(recovery);
            if (_skippedBodies is { } bodies && bodies.Count > skipped)
            {
                bodies.RemoveRange(skipped, bodies.Count - skipped);
            }

            SkipTopLevelError(start, reason.Length > 0 ? reason : $"unexpected {Describe(start)}", token);
        }
    }

    private void ParseExternalDeclaration()
    {
        switch (Kind)
        {
            case SyntaxKind.SemicolonToken:
                int mark = _b.Mark;
                Eat();
                Finish(SyntaxKind.EmptyDeclaration, mark);
                return;
            case SyntaxKind.StaticAssertKeyword:
                ParseStaticAssert();
                return;
            case SyntaxKind.AsmKeyword:
                ParseAsmStatement();
                return;
            case SyntaxKind.CloseBraceToken when _openFileBlocks > 0 && _pattern is null:
                int close = _b.Mark;
                Eat();
                Finish(SyntaxKind.FileBlockClose, close);
                _openFileBlocks--;
                return;
            case SyntaxKind.CloseBraceToken:
                Fail("unexpected '}'");
                return;
            case SyntaxKind.ExternKeyword when _pattern is null && PeekKind() == SyntaxKind.StringLiteralToken && PeekKind(2) == SyntaxKind.OpenBraceToken:
                ParseFileBlockOpen(named: true);
                return;
            case SyntaxKind.IdentifierToken when _pattern is null && IsNamespaceHead():
                ParseFileBlockOpen(named: PeekKind() == SyntaxKind.IdentifierToken);
                return;
            case SyntaxKind.IdentifierToken when _pattern is null && AtLineStart(_pos + 1) && IsAllCaps(_pos) && MacroKindOf(_pos) == MacroKind.None
                && PeekKind() is not (SyntaxKind.SemicolonToken or SyntaxKind.CommaToken or SyntaxKind.EqualsToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken):
                {
                    // A macro alone on its line at file scope: BTF_ID_UNUSED
                    int m = _b.Mark;
                    PushEmptyList();
                    Eat();
                    for (int i = 0; i < 7; i++)
                    {
                        _b.PushAbsent();
                    }

                    Finish(SyntaxKind.MacroDeclaration, m);
                    return;
                }

            case SyntaxKind.IdentifierToken when PeekKind() == SyntaxKind.OpenParenToken && !IsKnownTypeName(_pos) && !IsAttributeName(_pos):
                if (TryParseTopLevelMacro())
                {
                    return;
                }

                break;
        }

        ParseDeclaration(DeclarationContext.TopLevel);
    }

    /// <summary>
    /// "namespace n {" or "namespace {": spatch reads the items of such a block as file-level items,
    /// in C files too; "namespace" is an ordinary name in C, so a declaration "namespace n;" is left alone.
    /// </summary>
    private bool IsNamespaceHead()
    {
        bool shape = PeekKind() == SyntaxKind.OpenBraceToken
            || (PeekKind() == SyntaxKind.IdentifierToken && PeekKind(2) == SyntaxKind.OpenBraceToken);
        return shape && _tokens[_pos].Name == _lexed.Names.Find("namespace"u8);
    }

    /// <summary>
    /// The head of a block of file-level items, extern "C" { or namespace n {. The items that follow
    /// are items of the file as if the block were not there, and its "}" is an item of its own, so
    /// rules see and change the functions and declarations inside as spatch does.
    /// </summary>
    private void ParseFileBlockOpen(bool named)
    {
        int mark = _b.Mark;
        Eat();
        if (named)
        {
            Eat();
        }
        else
        {
            _b.PushAbsent();
        }

        Expect(SyntaxKind.OpenBraceToken);
        Finish(SyntaxKind.FileBlockOpen, mark);
        _openFileBlocks++;
    }

    /// <summary>
    /// At file scope, NAME(args) with no specifiers is a macro: a declarer (NAME(args);), a
    /// macro invocation on its own line, or a function header written as a macro (SYSCALL_DEFINE3(...) {).
    /// </summary>
    private bool TryParseTopLevelMacro()
    {
        int close = MatchOf(_pos + 1);
        if (close < 0)
        {
            return false;
        }

        int after = close + 1;
        var next = KindAt(after);
        if ((SyntaxFacts.IsStorageKeyword(next) || SyntaxFacts.IsTypeKeyword(next)) && !AtLineStart(after))
        {
            return false; // an attribute macro before the specifiers: TARGET_ATTRIBUTE("x") static int f(void)
        }

        if (next == SyntaxKind.OpenBraceToken && StartsDesignatedInitializer(after))
        {
            // A declarer whose expansion ends in "= ": FIXTURE_VARIANT_ADD(f, v) { .x = 1, };
            int m = _b.Mark;
            PushEmptyList();
            ParseMacroDeclarationRest(m);
            return true;
        }

        if (next == SyntaxKind.OpenBraceToken)
        {
            if (!IsAllCaps(_pos))
            {
                return false; // an old-style function without a return type: f(void) { ... }
            }

            int mark = _b.Mark;
            PushEmptyList();
            ParseMacroDeclarator();
            int attributes = _b.Mark;
            Finish(SyntaxKind.List, attributes);
            ParseFunctionBody(mark);
            return true;
        }

        if (next == SyntaxKind.SemicolonToken && OpensParameterDeclarations(_pos))
        {
            return false; // a prototype without a return type: f(int x);
        }

        if (next is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken || AtLineStart(after) || IsDeclarerWithAttributes(_pos))
        {
            int mark = _b.Mark;
            PushEmptyList();
            ParseMacroDeclarationRest(mark);
            return true;
        }

        return false;
    }

    /// <summary>
    /// NAME( at <paramref name="name"/> opens parameter declarations rather than macro arguments: the name is
    /// not written in capitals (as macros are) and the first parameter starts with a type keyword or
    /// qualifier, or the list is empty.
    /// </summary>
    private bool OpensParameterDeclarations(int name)
    {
        if (IsAllCaps(name) || MacroKindOf(name) != MacroKind.None)
        {
            return false;
        }

        var first = KindAt(name + 2);
        return SyntaxFacts.IsTypeKeyword(first) || SyntaxFacts.IsQualifierKeyword(first)
            || first is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.CloseParenToken;
    }

    private void SkipTopLevelError(int start, string reason, int failToken)
    {
        int mark = _b.Mark;
        int list = _b.Mark;
        int bodyOpen = -1;
        int depth = 0;
        while (_pos < _eof)
        {
            if (_pos > start && FollowsUnterminatedLiteral(_pos))
            {
                break;
            }

            var kind = Kind;
            if (kind == SyntaxKind.OpenBraceToken && depth == 0)
            {
                // A '{' after ')' (or after attributes following it) at file scope opens a function body.
                if (bodyOpen < 0 && LooksLikeFunctionBody(_pos))
                {
                    bodyOpen = _pos;
                }

                int close = MatchOf(_pos);
                if (close < 0)
                {
                    close = FindBraceAtLineStart(_pos);
                }

                while (_pos <= close && _pos < _eof)
                {
                    Eat();
                }

                if (bodyOpen >= 0 || Kind != SyntaxKind.SemicolonToken)
                {
                    if (Kind == SyntaxKind.SemicolonToken)
                    {
                        Eat();
                    }

                    break;
                }

                continue;
            }

            if (kind is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken)
            {
                depth++;
            }
            else if (kind is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken && depth > 0)
            {
                depth--;
            }
            else if (kind == SyntaxKind.CloseBraceToken && depth == 0)
            {
                Eat(); // stray '}' (e.g. from an #ifdef'd opening)
                break;
            }
            else if (kind == SyntaxKind.SemicolonToken && depth == 0)
            {
                Eat();
                break;
            }

            Eat();
        }

        if (_pos == start && _pos < _eof)
        {
            Eat();
        }

        Finish(SyntaxKind.List, list);
        Finish(SyntaxKind.ErrorNode, mark, error: true);
        if (bodyOpen >= 0)
        {
            AddDiagnostic(Text.DiagnosticId.UnparsableFunction, failToken, GuessFunctionName(start, bodyOpen), reason);
        }
        else
        {
            AddDiagnostic(Text.DiagnosticId.UnparsableDeclaration, failToken, reason);
        }
    }

    private bool LooksLikeFunctionBody(int open)
    {
        int i = open - 1;
        // Skip attributes and K&R parameter declarations back to a ')'.
        for (int steps = 0; i >= 0 && steps < 64; steps++, i--)
        {
            var k = KindAt(i);
            if (k == SyntaxKind.CloseParenToken)
            {
                return true;
            }

            if (k is SyntaxKind.EqualsToken or SyntaxKind.SemicolonToken or SyntaxKind.CloseBraceToken || i < 0)
            {
                return k == SyntaxKind.SemicolonToken && steps > 0 && AtLineStart(open);
            }
        }

        return false;
    }

    private int FindBraceAtLineStart(int from)
    {
        for (int i = from + 1; i < _eof; i++)
        {
            if (KindAt(i) == SyntaxKind.CloseBraceToken && AtLineStart(i) && _lexed.Text.GetLinePosition(_tokens[i].Start).Column == 0)
            {
                return i;
            }
        }

        return _eof - 1;
    }

    private string GuessFunctionName(int start, int bodyOpen)
    {
        for (int i = start; i < bodyOpen; i++)
        {
            if (KindAt(i) == SyntaxKind.IdentifierToken && KindAt(i + 1) == SyntaxKind.OpenParenToken && !IsAttributeName(i))
            {
                return _lexed.TextAt(i);
            }
        }

        return "?";
    }

    // ---- Declarations ----

    private void ParseDeclaration(DeclarationContext context)
    {
        int mark = _b.Mark;
        var spec = ParseSpecifiers(context);
        if (_failed)
        {
            return;
        }

        if (spec.MacroCall)
        {
            ParseMacroDeclarationRest(mark);
            return;
        }

        if (spec.MacroFunction && context == DeclarationContext.TopLevel)
        {
            ParseMacroDeclarator();
            int attributes = _b.Mark;
            Finish(SyntaxKind.List, attributes);
            ParseFunctionBody(mark);
            return;
        }

        if (Kind == SyntaxKind.SemicolonToken && spec.Any)
        {
            PushEmptyList(SyntaxKind.SeparatedList);
            Eat();
            Finish(SyntaxKind.Declaration, mark);
            return;
        }

        if (_pattern is not null && spec.Any && _b.KindAt(_b.Mark - 1) == SyntaxKind.List && AtPatternItemEnd() && Kind != SyntaxKind.IdentifierToken
            && !IsDeclaredNameDisjunction(_pos))
        {
            // "struct foo { ... }" in a pattern may omit the final ';'
            PushEmptyList(SyntaxKind.SeparatedList);
            _b.PushAbsent();
            Finish(SyntaxKind.Declaration, mark);
            return;
        }

        if (!spec.Any && context != DeclarationContext.TopLevel)
        {
            Fail($"expected declaration specifiers before {Describe(_pos)}");
            return;
        }

        int list = _b.Mark;
        int declarator = _b.Mark;
        _declaratorName = -1;
        _lastParametersKnr = false;
        ParseDeclarator(context == DeclarationContext.Member ? DeclaratorMode.Either : DeclaratorMode.Named);
        if (_failed)
        {
            return;
        }

        if (context == DeclarationContext.TopLevel && IsFunctionDeclarator(_b.NodeIndexAt(declarator)) && StartsFunctionBody())
        {
            ParseFunctionRest(mark);
            return;
        }

        while (true)
        {
            if (spec.Typedef && _declaratorName >= 0)
            {
                DeclareTypedef(_declaratorName);
            }

            ParseInitDeclaratorRest(declarator, context);
            if (_failed || Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            Eat();
            declarator = _b.Mark;
            _declaratorName = -1;
            ParseDeclarator(context == DeclarationContext.Member ? DeclaratorMode.Either : DeclaratorMode.Named);
        }

        Finish(SyntaxKind.SeparatedList, list);
        if (context == DeclarationContext.Member && Kind == SyntaxKind.CloseBraceToken)
        {
            _b.PushAbsent(); // gcc accepts a last member without ';'
        }
        else
        {
            Expect(SyntaxKind.SemicolonToken);
        }

        Finish(SyntaxKind.Declaration, mark);
    }

    private bool IsFunctionDeclarator(int node)
    {
        while (node >= 0)
        {
            switch (_b.NodeKind(node))
            {
                case SyntaxKind.FunctionDeclarator:
                    return true;
                case SyntaxKind.PointerDeclarator:
                    node = _b.NodeChild(node, 2);
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    node = _b.NodeChild(node, 2);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>After a function declarator at file scope: '{', attributes then '{', or K&amp;R parameter declarations.</summary>
    private bool StartsFunctionBody()
    {
        if (_lastParametersKnr && StartsKnrDeclarations())
        {
            return true;
        }

        int i = _pos;
        for (int steps = 0; steps < 16; steps++)
        {
            var k = KindAt(i);
            if (k == SyntaxKind.OpenBraceToken)
            {
                return true;
            }

            if (k == SyntaxKind.AttributeKeyword && KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) > 0)
            {
                i = MatchOf(i + 1) + 1;
                continue;
            }

            if (k == SyntaxKind.IdentifierToken)
            {
                if (KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) > 0)
                {
                    i = MatchOf(i + 1) + 1;
                }
                else
                {
                    i++;
                }

                continue;
            }

            return _lastParametersKnr && IsSpecifierKeyword(k);
        }

        return false;
    }

    /// <summary>
    /// K&amp;R parameter declarations whose types are names not known as types ("b c;"): only
    /// names, specifier keywords, stars, commas and array bounds, each ended by ';', then '{'.
    /// </summary>
    private bool StartsKnrDeclarations()
    {
        bool ended = false;
        for (int i = _pos; i < _pos + 64; i++)
        {
            var k = KindAt(i);
            switch (k)
            {
                case SyntaxKind.OpenBraceToken:
                    return ended;
                case SyntaxKind.SemicolonToken:
                    ended = true;
                    continue;
                case SyntaxKind.OpenBracketToken when MatchOf(i) > 0:
                    i = MatchOf(i);
                    ended = false;
                    continue;
                case SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken or SyntaxKind.CommaToken:
                    ended = false;
                    continue;
                default:
                    if (!IsSpecifierKeyword(k))
                    {
                        return false;
                    }

                    ended = false;
                    continue;
            }
        }

        return false;
    }

    private void ParseFunctionRest(int mark)
    {
        // Each K&R parameter declaration parsed below resets _lastParametersKnr.
        bool knr = _lastParametersKnr;
        int attributes = _b.Mark;
        while (Kind != SyntaxKind.OpenBraceToken && Kind != SyntaxKind.EndOfFileToken && !_failed)
        {
            if (Kind == SyntaxKind.AttributeKeyword)
            {
                ParseAttributeSpecifier();
            }
            else if (Kind == SyntaxKind.IdentifierToken && !IsKnownTypeName(_pos) && !(knr && KindAt(_pos + 1) is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken))
            {
                ParseAttributeMacro(allowArguments: true);
            }
            else if (knr)
            {
                ParseDeclaration(DeclarationContext.Block);
            }
            else
            {
                Fail($"expected '{{' before {Describe(_pos)}");
            }
        }

        Finish(SyntaxKind.List, attributes);
        if (_failed)
        {
            return;
        }

        ParseFunctionBody(mark);
    }

    /// <summary>After a declarator: bit-field width, attributes, '= initializer'; wraps it into an InitDeclarator.</summary>
    private void ParseInitDeclaratorRest(int declarator, DeclarationContext context)
    {
        if (Kind == SyntaxKind.ColonToken && context == DeclarationContext.Member)
        {
            Eat();
            ParseConditional();
            Finish(SyntaxKind.BitFieldDeclarator, declarator);
        }

        ParseTrailingAttributes();
        if (Kind == SyntaxKind.EqualsToken)
        {
            Eat();
            ParseInitializer();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.InitDeclarator, declarator);
    }

    /// <summary>Attributes after a declarator: __attribute__((...)), asm("name"), and attribute words (__initdata, __acquires(x)).</summary>
    private void ParseTrailingAttributes()
    {
        int list = _b.Mark;
        while (!_failed)
        {
            var k = Kind;
            if (k == SyntaxKind.AttributeKeyword)
            {
                ParseAttributeSpecifier();
            }
            else if (k == SyntaxKind.AsmKeyword)
            {
                ParseAsmLabel();
            }
            else if (k == SyntaxKind.IdentifierToken)
            {
                // After a complete declarator, an identifier can only be an attribute macro.
                ParseAttributeMacro(allowArguments: true);
            }
            else if (SyntaxFacts.IsQualifierKeyword(k))
            {
                Eat();
            }
            else
            {
                break;
            }
        }

        Finish(SyntaxKind.List, list);
    }

    private void ParseMacroDeclarationRest(int mark, bool nameParsed = false)
    {
        if (!nameParsed)
        {
            Eat(); // name
        }

        Eat(); // (
        ParseArgumentListContents();
        Expect(SyntaxKind.CloseParenToken);
        if (Kind == SyntaxKind.AttributeKeyword || (Kind == SyntaxKind.IdentifierToken && IsAttributeName(_pos)))
        {
            ParseAttributeList();
        }
        else
        {
            _b.PushAbsent();
        }

        if (Kind == SyntaxKind.EqualsToken)
        {
            Eat();
            ParseInitializer();
        }
        else if (Kind == SyntaxKind.OpenBraceToken && StartsDesignatedInitializer(_pos))
        {
            _b.PushAbsent();
            ParseInitializer();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
        }

        if (!TryEat(SyntaxKind.SemicolonToken))
        {
            _b.PushAbsent();
        }

        Finish(SyntaxKind.MacroDeclaration, mark);
    }

    /// <summary>
    /// At a declarer's name: its arguments are followed by attributes and then ';' or '='
    /// (DECLARER(a, b) __attr;), which a call or a function declaration cannot be.
    /// </summary>
    private bool IsDeclarerWithAttributes(int index)
    {
        if (MacroKindOf(index) != MacroKind.Declarer && !(_pattern is not null && PatternKindOf(index) == PatternNameKind.Declarer))
        {
            return false;
        }

        int close = MatchOf(index + 1);
        if (close < 0)
        {
            return false;
        }

        int i = close + 1;
        bool any = false;
        while (true)
        {
            if (KindAt(i) == SyntaxKind.AttributeKeyword && KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) > 0)
            {
                i = MatchOf(i + 1) + 1;
            }
            else if (KindAt(i) == SyntaxKind.IdentifierToken && IsAttributeName(i))
            {
                i = KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) > 0 && MacroKindOf(i) == MacroKind.AttributeWithArguments ? MatchOf(i + 1) + 1 : i + 1;
            }
            else
            {
                break;
            }

            any = true;
        }

        return any && KindAt(i) is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken;
    }

    /// <summary>A '{' at open whose first element is designated (.name = or [index] =): an initializer, not a body.</summary>
    private bool StartsDesignatedInitializer(int open)
    {
        var first = KindAt(open + 1);
        if (first == SyntaxKind.DotToken)
        {
            return KindAt(open + 2) == SyntaxKind.IdentifierToken && KindAt(open + 3) is SyntaxKind.EqualsToken or SyntaxKind.DotToken or SyntaxKind.OpenBracketToken;
        }

        return first == SyntaxKind.OpenBracketToken && MatchOf(open + 1) is var close && close > 0 && KindAt(close + 1) == SyntaxKind.EqualsToken;
    }

    private void ParseMacroDeclarator()
    {
        int mark = _b.Mark;
        Eat(); // name
        Eat(); // (
        ParseArgumentListContents();
        Expect(SyntaxKind.CloseParenToken);
        Finish(SyntaxKind.MacroDeclarator, mark);
    }

    private void ParseStaticAssert()
    {
        int mark = _b.Mark;
        Eat();
        Expect(SyntaxKind.OpenParenToken);
        ParseArgumentListContents();
        Expect(SyntaxKind.CloseParenToken);
        if (!TryEat(SyntaxKind.SemicolonToken))
        {
            _b.PushAbsent();
        }

        Finish(SyntaxKind.StaticAssertDeclaration, mark);
    }

    // ---- Specifiers ----

    private SpecifierInfo ParseSpecifiers(DeclarationContext context)
    {
        var info = default(SpecifierInfo);
        int list = _b.Mark;
        // Specifiers nest through struct bodies and typeof: struct a { struct b { ... } x; } y;
        Enter();
        bool signOnly = false;
        bool sawQualifier = false;
        // A type metavariable is a whole type: in a pattern, no other type word goes with it
        // ("T int x", "long T x" are parse errors in spatch; "unsigned T" is the one exception).
        bool metaType = false;
        while (!_failed)
        {
            var k = Kind;
            if (SyntaxFacts.IsNonTypeSpecifierKeyword(k) || k == SyntaxKind.LabelKeyword)
            {
                sawQualifier |= SyntaxFacts.IsQualifierKeyword(k);
                info.Typedef |= k == SyntaxKind.TypedefKeyword;
                Eat();
                info.Any = true;
                continue;
            }

            if (k == SyntaxKind.DisjunctionOpenToken && _pattern is not null && !info.SawType && IsTypeDisjunction(_pos, out int typeClose))
            {
                // \(int\|char\) x; as spatch, the disjunction is the declaration's whole type: no qualifier
                // around it. Branches with stars ("\(char *\|short *\) x;") are read in the declarations
                // of variables; elsewhere (return types, parameters, casts) they are not supported.
                if (sawQualifier || SyntaxFacts.IsQualifierKeyword(KindAt(typeClose + 1)))
                {
                    Fail("a disjunction of types must be the whole type: no qualifier before or after it");
                    break;
                }

                bool variable = context is DeclarationContext.TopLevel or DeclarationContext.Block or DeclarationContext.For
                    && KindAt(typeClose + 1) == SyntaxKind.IdentifierToken && KindAt(typeClose + 2) is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken;
                if (KindAt(typeClose + 1) == SyntaxKind.AsteriskToken || (HasStarBefore(_pos, typeClose) && !variable))
                {
                    Fail("'*' after a disjunction of types, or in its branches outside a variable's declaration, is not supported: write a disjunction of whole declarations");
                    break;
                }

                ParseTypeDisjunction();
                info.Any = info.SawType = true;
                continue;
            }

            if (metaType && (SyntaxFacts.IsTypeKeyword(k) || k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.TypeofKeyword))
            {
                Fail($"unexpected {Describe(_pos)} after a type metavariable, which is a whole type");
                break;
            }

            if (SyntaxFacts.IsTypeKeyword(k))
            {
                signOnly = k is SyntaxKind.SignedKeyword or SyntaxKind.UnsignedKeyword && (!info.SawType || signOnly);
                Eat();
                info.Any = info.SawType = true;
                continue;
            }

            switch (k)
            {
                case SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword:
                    ParseStructSpecifier();
                    info.Any = info.SawType = true;
                    continue;
                case SyntaxKind.EnumKeyword:
                    ParseEnumSpecifier();
                    info.Any = info.SawType = true;
                    continue;
                case SyntaxKind.TypeofKeyword:
                    ParseTypeofSpecifier(SyntaxKind.TypeofSpecifier);
                    info.Any = info.SawType = true;
                    continue;
                case SyntaxKind.AlignasKeyword:
                    ParseTypeofSpecifier(SyntaxKind.AlignasSpecifier);
                    info.Any = true;
                    continue;
                case SyntaxKind.AttributeKeyword:
                    ParseAttributeSpecifier();
                    info.Any = true;
                    continue;
            }

            if (k != SyntaxKind.IdentifierToken)
            {
                break;
            }

            var macro = MacroKindOf(_pos);
            var next = PeekKind();
            if (macro is MacroKind.Attribute or MacroKind.AttributeWithArguments or MacroKind.Specifier)
            {
                ParseAttributeMacro(allowArguments: macro == MacroKind.AttributeWithArguments);
                info.Any = true;
                continue;
            }

            if (next == SyntaxKind.OpenParenToken && context is not (DeclarationContext.Parameter or DeclarationContext.TypeName)
                && IsAttributeCallBeforeDeclaration(_pos, info.SawType))
            {
                ParseAttributeMacro(allowArguments: true); // __retval(-20) __naked void f(void), SEC("x") int g(void)
                info.Any = true;
                continue;
            }

            if (!info.SawType)
            {
                if (next == SyntaxKind.OpenParenToken && IsKnownTypeName(_pos) && PeekKind(2) == SyntaxKind.AsteriskToken)
                {
                    int m = _b.Mark;
                    NoteTypeUse(_pos);
                    Eat();
                    Finish(SyntaxKind.TypedefName, m); // s32 (*op)(void);
                    info.Any = info.SawType = true;
                    continue;
                }

                if (next == SyntaxKind.OpenParenToken && context != DeclarationContext.Parameter && context != DeclarationContext.TypeName)
                {
                    int close = MatchOf(_pos + 1);
                    var after = close > 0 ? KindAt(close + 1) : SyntaxKind.None;
                    if (close > 0 && info.Any && context == DeclarationContext.TopLevel && _pattern is null && IsKnrHeadWithoutType(_pos, close))
                    {
                        break; // static f(a, b) int a; int b; { ... }: the function's name, its type is int
                    }

                    if (close > 0 && (SyntaxFacts.IsStorageKeyword(after) || SyntaxFacts.IsTypeKeyword(after) || after is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword))
                    {
                        ParseAttributeMacro(allowArguments: true); // TARGET_ATTRIBUTE("bmi2") static size_t f(...)
                        info.Any = true;
                        continue;
                    }

                    if (close > 0 && after == SyntaxKind.OpenBraceToken && info.Any && context == DeclarationContext.TopLevel && IsAllCaps(_pos))
                    {
                        info.MacroFunction = true; // static MLX5E_DECLARE_STATS_GRP_OP_FILL_STRS(sw) { ... }
                        break;
                    }

                    if (macro == MacroKind.TypeBuilder || (close > 0 && macro != MacroKind.Declarer && (after == SyntaxKind.IdentifierToken || after == SyntaxKind.AsteriskToken)))
                    {
                        ParseTypeMacro();
                        info.Any = info.SawType = true;
                        continue;
                    }

                    if (close > 0 && after == SyntaxKind.SemicolonToken && macro != MacroKind.Declarer && context == DeclarationContext.TopLevel && OpensParameterDeclarations(_pos))
                    {
                        break; // a prototype without a return type: static f(int x);
                    }

                    if (close > 0 && (macro == MacroKind.Declarer || after is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken || AtLineStart(close + 1)) && info.Any)
                    {
                        info.MacroCall = true;
                        break;
                    }

                    break; // a function name without a return type
                }

                if (next == SyntaxKind.OpenParenToken && macro == MacroKind.TypeBuilder)
                {
                    ParseTypeMacro();
                    info.Any = info.SawType = true;
                    continue;
                }

                // A type metavariable is the type, whatever follows it ("T int x" is then an error).
                if (!(_pattern is not null && PatternKindOf(_pos) == PatternNameKind.Type) && IsAttributeBeforeType(_pos))
                {
                    ParseAttributeMacro(allowArguments: false);
                    info.Any = true;
                    continue;
                }

                if (context == DeclarationContext.Parameter && !IsKnownTypeName(_pos) && next is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken && info.Any)
                {
                    break; // "register x" style: the name of a parameter with an implicit type
                }

                if (_pattern is not null && next == SyntaxKind.OpenBraceToken && PatternKindOf(_pos) == PatternNameKind.Type)
                {
                    // T { ... }: a structure whose type is the metavariable T
                    int s = _b.Mark;
                    Eat();
                    PushEmptyList();
                    _b.PushAbsent();
                    Eat();
                    ParseMemberList();
                    ExpectClosingBrace();
                    Finish(SyntaxKind.StructSpecifier, s);
                    info.Any = info.SawType = metaType = true;
                    continue;
                }

                if (_pattern is not null && PatternKindOf(_pos) == PatternNameKind.Identifier)
                {
                    // spatch reads an identifier metavariable as a name only: "I y;" is a parse error there.
                    Fail($"identifier metavariable {Describe(_pos)} used as a type: a type is matched by a type metavariable");
                    break;
                }

                if (_pattern is not null && context == DeclarationContext.TypeName && sawQualifier && (!IsKnownTypeName(_pos) || IsMacroFileOnlyPatternType(_pos)))
                {
                    // "(const u8 *)E": in a rule only its type metavariables, its typedefs and C's own
                    // types are types (spatch refuses the name here too).
                    Fail($"{Describe(_pos)} after a qualifier is no type of the rule: declare it with \"typedef {_lexed.TextAt(_pos)};\" or use a type metavariable");
                    break;
                }

                metaType = _pattern is not null && PatternKindOf(_pos) == PatternNameKind.Type;
                int mark = _b.Mark;
                NoteTypeUse(_pos);
                Eat();
                Finish(SyntaxKind.TypedefName, mark);
                info.Any = info.SawType = true;
                continue;
            }

            // "unsigned T" in a pattern: the type metavariable completes the type.
            if (signOnly && _pattern is not null && PatternKindOf(_pos) == PatternNameKind.Type)
            {
                int mark = _b.Mark;
                Eat();
                Finish(SyntaxKind.TypedefName, mark);
                signOnly = false;
                metaType = true;
                continue;
            }

            if (signOnly && _pattern is not null && context == DeclarationContext.TypeName)
            {
                // "(unsigned u8)E": as after a qualifier, only a type metavariable completes the type.
                Fail($"{Describe(_pos)} after {Describe(_pos - 1)} is no type of the rule: only a type metavariable can follow it");
                break;
            }

            if (_pattern is not null && PatternKindOf(_pos) == PatternNameKind.Type && IsAttributeBeforeName(_pos))
            {
                // A type metavariable after a type, with a name after it ("long T x"): not the
                // declared name ("typedef T1 T2;" declares T2), not an attribute word either.
                Fail($"unexpected type metavariable {Describe(_pos)} after a type: a type metavariable is a whole type");
                break;
            }

            // A type has been seen: an identifier followed by another name, '*' or a keyword
            // of a declaration is an attribute word (struct page __rcu *p, int __init f(void)).
            if (IsAttributeBeforeName(_pos))
            {
                ParseAttributeMacro(allowArguments: false);
                continue;
            }

            break;
        }

        Leave();
        Finish(SyntaxKind.List, list);
        return info;
    }

    /// <summary>
    /// After a type (or a '*'): is the identifier at index an attribute word rather than the declared
    /// name? It is when a name, '*' or a keyword follows the run of attribute words after it:
    /// "void __unknown noinstr f(void)" and "char __user *p", but not "int x __initdata = 1".
    /// </summary>
    private bool IsAttributeBeforeName(int index)
    {
        int i = index + 1;
        while (true)
        {
            if (KindAt(i) == SyntaxKind.IdentifierToken && IsAttributeName(i))
            {
                i = KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) > 0 && MacroKindOf(i) == MacroKind.AttributeWithArguments ? MatchOf(i + 1) + 1 : i + 1;
            }
            else if (KindAt(i) == SyntaxKind.AttributeKeyword && KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) > 0)
            {
                i = MatchOf(i + 1) + 1; // "int x __attribute__((unused)) = 0": x is the name
            }
            else
            {
                break;
            }
        }

        var k = KindAt(i);
        return k is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken || IsSpecifierKeyword(k);
    }

    /// <summary>
    /// NAME(args) among the specifiers of a declaration that goes on after it (a name, a keyword of a
    /// declaration, __attribute__) is an attribute written as a macro call when its arguments cannot be
    /// parameters (they start with a literal or an operator: __retval(-20), SEC("socket")), or when NAME
    /// reads as a kernel attribute (a "__" name with lower case: __caps_unpriv(CAP_BPF)) before any type,
    /// or after one when a keyword of the type is still to come.
    /// </summary>
    private bool IsAttributeCallBeforeDeclaration(int index, bool sawType)
    {
        int close = MatchOf(index + 1);
        if (close < 0 || MacroKindOf(index) is MacroKind.TypeBuilder or MacroKind.Declarer || IsKnownTypeName(index))
        {
            return false;
        }

        var after = KindAt(close + 1);
        if (!(after is SyntaxKind.IdentifierToken or SyntaxKind.AttributeKeyword or SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword
            || SyntaxFacts.IsTypeKeyword(after) || SyntaxFacts.IsStorageKeyword(after) || SyntaxFacts.IsQualifierKeyword(after)))
        {
            return false;
        }

        var first = KindAt(index + 2);
        if (first is SyntaxKind.IntegerLiteralToken or SyntaxKind.FloatLiteralToken or SyntaxKind.StringLiteralToken or SyntaxKind.CharLiteralToken
            or SyntaxKind.MinusToken or SyntaxKind.PlusToken or SyntaxKind.ExclamationToken or SyntaxKind.TildeToken)
        {
            return true;
        }

        var name = _lexed.Names.GetBytes(_tokens[index].Name);
        if (!name.StartsWith("__"u8) || name.IndexOfAnyInRange((byte)'a', (byte)'z') < 0)
        {
            return false;
        }

        // After a type, "void __f(int x) __releases(l);" keeps __f as the name: the call is an
        // attribute only when a keyword of the type still follows (__success __flag(X) __naked void f(void)).
        return !sawType || TypeKeywordFollows(close + 1);
    }

    /// <summary>Past names and macro calls from index, a keyword that begins or qualifies a type comes before anything else.</summary>
    private bool TypeKeywordFollows(int index)
    {
        int i = index;
        for (int steps = 0; steps < 16; steps++)
        {
            var k = KindAt(i);
            if (SyntaxFacts.IsTypeKeyword(k) || SyntaxFacts.IsStorageKeyword(k) || k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword)
            {
                return true;
            }

            if (k is not (SyntaxKind.IdentifierToken or SyntaxKind.AttributeKeyword))
            {
                return false;
            }

            i = KindAt(i + 1) == SyntaxKind.OpenParenToken && MatchOf(i + 1) is var close && close > 0 ? close + 1 : i + 1;
        }

        return false;
    }

    /// <summary>
    /// Before any type: is the identifier at index an attribute word rather than a type name?
    /// "X int", "X struct", "X Y Z" and "X Y *" make X an attribute; "X Y;" makes X a type.
    /// </summary>
    private bool IsAttributeBeforeType(int index)
    {
        var next = KindAt(index + 1);
        if (SyntaxFacts.IsTypeKeyword(next) || SyntaxFacts.IsStorageKeyword(next)
            || next is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.TypeofKeyword)
        {
            return true;
        }

        if (next != SyntaxKind.IdentifierToken || IsKnownTypeName(index) || IsAttributeName(index + 1))
        {
            return false;
        }

        if (IsKnownTypeName(index + 1))
        {
            return true;
        }

        var third = KindAt(index + 2);
        if (third is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken)
        {
            // X Y Z: one of X, Y is an attribute; kernel attributes start with "__".
            return _lexed.Names.GetBytes(_tokens[index].Name).StartsWith("__"u8) || !_lexed.Names.GetBytes(_tokens[index + 1].Name).StartsWith("__"u8);
        }

        return false;
    }

    private void ParseAttributeMacro(bool allowArguments)
    {
        int mark = _b.Mark;
        Eat();
        if (Kind == SyntaxKind.OpenParenToken && (allowArguments || MacroKindOf(_pos - 1) == MacroKind.AttributeWithArguments))
        {
            ParseParenthesizedTokens();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.AttributeMacro, mark);
    }

    /// <summary>'(' balanced tokens ')': pushes the open paren, a List of the tokens inside, the close paren.</summary>
    private void ParseParenthesizedTokens()
    {
        int open = _pos;
        int close = MatchOf(open);
        if (close < 0)
        {
            Fail("unbalanced parentheses");
            _b.PushAbsent();
            PushEmptyList();
            _b.PushAbsent();
            return;
        }

        Eat();
        int list = _b.Mark;
        while (_pos < close)
        {
            Eat();
        }

        Finish(SyntaxKind.List, list);
        Eat();
    }

    private void ParseAttributeSpecifier()
    {
        int mark = _b.Mark;
        Eat();
        if (Kind != SyntaxKind.OpenParenToken)
        {
            Fail($"expected '(' after __attribute__");
            _b.PushAbsent();
            PushEmptyList();
            _b.PushAbsent();
        }
        else
        {
            ParseParenthesizedTokens();
        }

        Finish(SyntaxKind.AttributeSpecifier, mark);
    }

    private void ParseAsmLabel()
    {
        int mark = _b.Mark;
        Eat();
        if (Kind == SyntaxKind.OpenParenToken)
        {
            ParseParenthesizedTokens();
        }
        else
        {
            Fail("expected '(' after asm");
            _b.PushAbsent();
            PushEmptyList();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.AsmLabel, mark);
    }

    private void ParseTypeMacro()
    {
        int mark = _b.Mark;
        Eat();
        Eat();
        ParseArgumentListContents();
        Expect(SyntaxKind.CloseParenToken);
        Finish(SyntaxKind.TypeMacro, mark);
    }

    private void ParseTypeofSpecifier(SyntaxKind kind)
    {
        int mark = _b.Mark;
        Eat();
        Expect(SyntaxKind.OpenParenToken);
        if (IsTypeNameStart(_pos))
        {
            ParseTypeName();
        }
        else
        {
            ParseExpression();
        }

        Expect(SyntaxKind.CloseParenToken);
        Finish(kind, mark);
    }

    private void ParseAttributeList()
    {
        int list = _b.Mark;
        while (!_failed)
        {
            if (Kind == SyntaxKind.AttributeKeyword)
            {
                ParseAttributeSpecifier();
            }
            else if (Kind == SyntaxKind.IdentifierToken && IsAttributeName(_pos))
            {
                ParseAttributeMacro(allowArguments: MacroKindOf(_pos) == MacroKind.AttributeWithArguments);
            }
            else if (Kind == SyntaxKind.AlignasKeyword)
            {
                ParseTypeofSpecifier(SyntaxKind.AlignasSpecifier);
            }
            else
            {
                break;
            }
        }

        Finish(SyntaxKind.List, list);
    }

    private void ParseStructSpecifier()
    {
        int mark = _b.Mark;
        Eat();
        ParseAttributeList();
        if (Kind == SyntaxKind.IdentifierToken)
        {
            Eat();
        }
        else if (_pattern is not null && Kind == SyntaxKind.DisjunctionOpenToken)
        {
            // struct \(one\|two\)
            ParseNameDisjunction();
        }
        else
        {
            _b.PushAbsent();
        }

        if (Kind == SyntaxKind.OpenBraceToken)
        {
            Eat();
            ParseMemberList();
            ExpectClosingBrace();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.StructSpecifier, mark);
    }

    private void ParseMemberList()
    {
        int list = _b.Mark;
        while (Kind != SyntaxKind.CloseBraceToken && Kind != SyntaxKind.EndOfFileToken)
        {
            var recovery = SaveRecovery();
            int start = _pos;
            ParseMemberDeclaration();
            if (_failed || _pos == start)
            {
                var (reason, token) = TakeFailure();
                Restore(recovery);
                ParseErrorStatement(reason.Length > 0 ? reason : $"unexpected {Describe(start)}", token, Text.DiagnosticId.UnparsableDeclaration);
                if (_pos == start)
                {
                    break;
                }
            }
        }

        Finish(SyntaxKind.List, list);
    }

    private void ParseMemberDeclaration()
    {
        switch (Kind)
        {
            case SyntaxKind.EllipsisToken or SyntaxKind.DisjunctionOpenToken or SyntaxKind.OptionalToken when _pattern is not null:
                ParsePatternItem(topLevel: false);
                return;
            case SyntaxKind.IdentifierToken when _pattern is not null && PatternKindOf(_pos) == PatternNameKind.Field:
                ParsePatternItem(topLevel: false);
                return;
            case SyntaxKind.SemicolonToken:
                int mark = _b.Mark;
                Eat();
                Finish(SyntaxKind.EmptyDeclaration, mark);
                return;
            case SyntaxKind.StaticAssertKeyword:
                ParseStaticAssert();
                return;
            case SyntaxKind.IdentifierToken when PeekKind() == SyntaxKind.OpenParenToken && !IsAttributeName(_pos) && MacroKindOf(_pos) != MacroKind.TypeBuilder:
                int close = MatchOf(_pos + 1);
                if (close > 0 && (KindAt(close + 1) == SyntaxKind.SemicolonToken || AtLineStart(close + 1) || KindAt(close + 1) == SyntaxKind.CloseBraceToken))
                {
                    int m = _b.Mark;
                    PushEmptyList();
                    ParseMacroDeclarationRest(m);
                    return;
                }

                break;
        }

        ParseDeclaration(DeclarationContext.Member);
    }

    private void ParseEnumSpecifier()
    {
        int mark = _b.Mark;
        Eat();
        ParseAttributeList();
        if (Kind == SyntaxKind.IdentifierToken)
        {
            Eat();
        }
        else
        {
            _b.PushAbsent();
        }

        if (Kind == SyntaxKind.OpenBraceToken)
        {
            Eat();
            int list = _b.Mark;
            while (Kind != SyntaxKind.CloseBraceToken && Kind != SyntaxKind.EndOfFileToken && !_failed)
            {
                if (_pattern is not null && Kind == SyntaxKind.EllipsisToken)
                {
                    ParseDots();
                }
                else
                {
                    ParseEnumerator();
                }

                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                Eat();
            }

            Finish(SyntaxKind.SeparatedList, list);
            ExpectClosingBrace();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.EnumSpecifier, mark);
    }

    private void ParseEnumerator()
    {
        int mark = _b.Mark;
        if (Kind == SyntaxKind.IdentifierToken)
        {
            Eat();
        }
        else
        {
            Fail($"expected an enumerator name before {Describe(_pos)}");
            _b.PushAbsent();
        }

        ParseAttributeList();
        if (Kind == SyntaxKind.EqualsToken)
        {
            Eat();
            ParseConditional();
        }
        else
        {
            _b.PushAbsent();
            _b.PushAbsent();
        }

        Finish(SyntaxKind.Enumerator, mark);
    }

    // ---- Declarators ----

    private void ParseDeclarator(DeclaratorMode mode)
    {
        if (!Enter())
        {
            PushEmptyDeclarator();
            Leave();
            return;
        }

        if (Kind == SyntaxKind.AsteriskToken || (Kind == SyntaxKind.CaretToken && mode != DeclaratorMode.Named))
        {
            int mark = _b.Mark;
            Eat();
            ParsePointerQualifiers();
            ParseDeclarator(mode);
            Finish(SyntaxKind.PointerDeclarator, mark);
        }
        else
        {
            ParseDirectDeclarator(mode);
        }

        Leave();
    }

    private void PushEmptyDeclarator()
    {
        int mark = _b.Mark;
        Finish(SyntaxKind.AbstractDeclarator, mark);
    }

    private void ParsePointerQualifiers()
    {
        int list = _b.Mark;
        while (true)
        {
            var k = Kind;
            if (SyntaxFacts.IsQualifierKeyword(k))
            {
                Eat();
            }
            else if (k == SyntaxKind.AttributeKeyword)
            {
                ParseAttributeSpecifier();
            }
            else if (k == SyntaxKind.IdentifierToken && (IsAttributeName(_pos) || IsAttributeBeforeName(_pos)))
            {
                ParseAttributeMacro(allowArguments: MacroKindOf(_pos) == MacroKind.AttributeWithArguments);
            }
            else
            {
                break;
            }
        }

        Finish(SyntaxKind.List, list);
    }

    private void ParseDirectDeclarator(DeclaratorMode mode)
    {
        int mark = _b.Mark;
        if (_pattern is not null && Kind == SyntaxKind.DisjunctionOpenToken)
        {
            // int \(a\|b\); : a disjunction of declared names
            Eat();
            int branches = _b.Mark;
            while (!_failed)
            {
                int d = _b.Mark;
                Expect(SyntaxKind.IdentifierToken);
                Finish(SyntaxKind.IdentifierDeclarator, d);
                if (Kind is not (SyntaxKind.DisjunctionBarToken or SyntaxKind.ConjunctionAmpToken))
                {
                    break;
                }

                Eat();
            }

            Finish(SyntaxKind.SeparatedList, branches);
            Expect(SyntaxKind.DisjunctionCloseToken);
            Finish(SyntaxKind.Disjunction, mark);
        }
        else if (Kind == SyntaxKind.IdentifierToken)
        {
            if (_declaratorName < 0)
            {
                _declaratorName = _pos;
            }

            Eat();
            Finish(SyntaxKind.IdentifierDeclarator, mark);
        }
        else if (Kind == SyntaxKind.OpenParenToken && IsParenthesizedDeclarator(mode))
        {
            Eat();
            ParseAttributeList();
            ParseDeclarator(mode);
            Expect(SyntaxKind.CloseParenToken);
            Finish(SyntaxKind.ParenthesizedDeclarator, mark);
        }
        else if (mode != DeclaratorMode.Named || Kind == SyntaxKind.ColonToken)
        {
            Finish(SyntaxKind.AbstractDeclarator, mark);
        }
        else
        {
            Fail($"expected identifier or '(' before {Describe(_pos)}");
            Finish(SyntaxKind.AbstractDeclarator, mark);
            return;
        }

        while (!_failed)
        {
            if (Kind == SyntaxKind.OpenBracketToken)
            {
                Eat();
                int qualifiers = _b.Mark;
                while (SyntaxFacts.IsQualifierKeyword(Kind) || Kind == SyntaxKind.StaticKeyword)
                {
                    Eat();
                }

                Finish(SyntaxKind.List, qualifiers);
                if (Kind == SyntaxKind.CloseBracketToken)
                {
                    _b.PushAbsent();
                }
                else if (Kind == SyntaxKind.AsteriskToken && PeekKind() == SyntaxKind.CloseBracketToken)
                {
                    int m = _b.Mark;
                    Eat();
                    Finish(SyntaxKind.IdentifierName, m); // [*] in prototypes
                }
                else
                {
                    ParseAssignment();
                }

                Expect(SyntaxKind.CloseBracketToken);
                Finish(SyntaxKind.ArrayDeclarator, mark);
            }
            else if (Kind == SyntaxKind.OpenParenToken)
            {
                Eat();
                ParseParameterList();
                Expect(SyntaxKind.CloseParenToken);
                Finish(SyntaxKind.FunctionDeclarator, mark);
            }
            else
            {
                break;
            }
        }
    }

    private bool IsParenthesizedDeclarator(DeclaratorMode mode)
    {
        var next = PeekKind();
        if (next is SyntaxKind.AsteriskToken or SyntaxKind.CaretToken or SyntaxKind.AttributeKeyword)
        {
            return true;
        }

        if (next == SyntaxKind.OpenParenToken)
        {
            return mode == DeclaratorMode.Named;
        }

        if (next == SyntaxKind.IdentifierToken)
        {
            if (IsAttributeName(_pos + 1))
            {
                return true;
            }

            // In an abstract declarator, "(name" starts a parameter list: int (foo_t).
            return mode == DeclaratorMode.Named || (mode == DeclaratorMode.Either && !IsKnownTypeName(_pos + 1) && KindAt(_pos + 2) == SyntaxKind.CloseParenToken && KindAt(_pos + 3) == SyntaxKind.OpenParenToken);
        }

        return false;
    }

    private void ParseParameterList()
    {
        int list = _b.Mark;
        int savedName = _declaratorName;
        bool knr = false;
        if (Kind != SyntaxKind.CloseParenToken)
        {
            while (!_failed)
            {
                if (Kind == SyntaxKind.EllipsisToken && _pattern is not null && PeekKind() != SyntaxKind.EllipsisToken)
                {
                    ParseDots(); // "..." stands for any parameters; "......" is C's varargs
                }
                else if (Kind == SyntaxKind.EllipsisToken && _pattern is not null)
                {
                    Eat();
                    Eat(); // "......": both halves stand for one varargs parameter
                }
                else if (Kind == SyntaxKind.EllipsisToken)
                {
                    Eat();
                }
                else
                {
                    knr |= ParseParameter();
                }

                if (Kind != SyntaxKind.CommaToken)
                {
                    break;
                }

                Eat();
            }
        }

        Finish(SyntaxKind.SeparatedList, list);
        _declaratorName = savedName;
        _lastParametersKnr = knr;
    }

    /// <summary>Parses one parameter; true when it is a bare K&amp;R identifier.</summary>
    private bool ParseParameter()
    {
        int mark = _b.Mark;
        _declaratorName = int.MaxValue; // names inside parameter lists are not the declared name
        bool knr = false;
        if (Kind == SyntaxKind.IdentifierToken && PeekKind() is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken && !IsKnownTypeName(_pos) && !IsAttributeName(_pos))
        {
            if (_pattern is not null && PatternKindOf(_pos) is PatternNameKind.Expression or PatternNameKind.Identifier)
            {
                // SmPL has no K&R parameters: "f(d, ...) {" with d an expression or identifier
                // metavariable is refused by spatch at d (an undeclared loop macro read as a function).
                Fail($"expected parameter declaration before {Describe(_pos)}: a parameter needs a type (or is a parameter metavariable)");
            }

            PushEmptyList();
            int d = _b.Mark;
            Eat();
            Finish(SyntaxKind.IdentifierDeclarator, d);
            knr = true;
        }
        else
        {
            var spec = ParseSpecifiers(DeclarationContext.Parameter);
            if (!spec.Any)
            {
                Fail($"expected parameter declaration before {Describe(_pos)}");
                PushEmptyDeclarator();
            }
            else
            {
                ParseDeclarator(DeclaratorMode.Either);
            }
        }

        int attributes = _b.Mark;
        while (Kind == SyntaxKind.AttributeKeyword || (Kind == SyntaxKind.IdentifierToken && IsAttributeName(_pos)))
        {
            if (Kind == SyntaxKind.AttributeKeyword)
            {
                ParseAttributeSpecifier();
            }
            else
            {
                ParseAttributeMacro(allowArguments: true);
            }
        }

        Finish(SyntaxKind.List, attributes);
        Finish(SyntaxKind.ParameterDeclaration, mark);
        return knr;
    }

    /// <summary>
    /// "\(int\|char\)" in a pattern: a disjunction of types, each branch type specifiers only (no stars),
    /// standing where a declaration's type specifiers go.
    /// </summary>
    private bool IsTypeDisjunction(int i, out int close)
    {
        close = -1;
        if (KindAt(i) != SyntaxKind.DisjunctionOpenToken)
        {
            return false;
        }

        i++;
        bool empty = true;
        while (i < _eof)
        {
            var k = KindAt(i);
            if (SyntaxFacts.IsTypeKeyword(k) || (k == SyntaxKind.IdentifierToken && IsKnownTypeName(i)))
            {
                empty = false;
                i++;
                continue;
            }

            if (k == SyntaxKind.AsteriskToken && !empty)
            {
                i++;
                continue; // read so that it can be reported
            }

            if (k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword && KindAt(i + 1) == SyntaxKind.IdentifierToken)
            {
                empty = false;
                i += 2;
                continue;
            }

            if (k == SyntaxKind.DisjunctionBarToken && !empty)
            {
                empty = true;
                i++;
                continue;
            }

            if (k == SyntaxKind.DisjunctionCloseToken && !empty)
            {
                close = i;
                var next = KindAt(i + 1);
                return next is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken or SyntaxKind.DisjunctionOpenToken || SyntaxFacts.IsQualifierKeyword(next);
            }

            return false;
        }

        return false;
    }

    private bool HasStarBefore(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (KindAt(i) == SyntaxKind.AsteriskToken)
            {
                return true;
            }
        }

        return false;
    }

    private void ParseTypeDisjunction()
    {
        int mark = _b.Mark;
        Eat();
        int branches = _b.Mark;
        while (!_failed)
        {
            ParseTypeName();
            if (Kind != SyntaxKind.DisjunctionBarToken)
            {
                break;
            }

            Eat();
        }

        Finish(SyntaxKind.SeparatedList, branches);
        Expect(SyntaxKind.DisjunctionCloseToken);
        Finish(SyntaxKind.Disjunction, mark);
    }

    /// <summary>A type without a name: specifiers and an abstract declarator.</summary>
    private void ParseTypeName()
    {
        int mark = _b.Mark;
        var spec = ParseSpecifiers(DeclarationContext.TypeName);
        if (!spec.Any)
        {
            Fail($"expected a type before {Describe(_pos)}");
        }

        int savedName = _declaratorName;
        _declaratorName = int.MaxValue;
        ParseDeclarator(DeclaratorMode.Abstract);
        _declaratorName = savedName;
        Finish(SyntaxKind.TypeName, mark);
    }

    // ---- Initializers ----

    private void ParseInitializer()
    {
        if (Kind == SyntaxKind.OpenBraceToken)
        {
            ParseInitializerList();
        }
        else
        {
            ParseAssignment();
        }
    }

    private void ParseInitializerList()
    {
        if (!Enter())
        {
            Leave();
            _b.PushAbsent();
            return;
        }

        int mark = _b.Mark;
        Eat();
        int list = _b.Mark;
        while (Kind != SyntaxKind.CloseBraceToken && Kind != SyntaxKind.EndOfFileToken && !_failed)
        {
            ParseInitializerElement();
            if (Kind != SyntaxKind.CommaToken)
            {
                break;
            }

            Eat();
        }

        Finish(SyntaxKind.SeparatedList, list);
        Expect(SyntaxKind.CloseBraceToken);
        Finish(SyntaxKind.InitializerList, mark);
        Leave();
    }

    private void ParseInitializerElement()
    {
        bool gnuField = Kind == SyntaxKind.IdentifierToken && PeekKind() == SyntaxKind.ColonToken;
        if (!(Kind == SyntaxKind.DotToken && PeekKind() == SyntaxKind.IdentifierToken) && Kind != SyntaxKind.OpenBracketToken && !gnuField)
        {
            ParseInitializer();
            return;
        }

        int mark = _b.Mark;
        int designators = _b.Mark;
        if (gnuField)
        {
            int m = _b.Mark;
            _b.PushAbsent();
            Eat();
            Eat();
            Finish(SyntaxKind.FieldDesignator, m);
        }
        else
        {
            while (!_failed)
            {
                if (Kind == SyntaxKind.DotToken && PeekKind() == SyntaxKind.IdentifierToken)
                {
                    int m = _b.Mark;
                    Eat();
                    Eat();
                    _b.PushAbsent();
                    Finish(SyntaxKind.FieldDesignator, m);
                }
                else if (Kind == SyntaxKind.OpenBracketToken)
                {
                    int m = _b.Mark;
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

                    Expect(SyntaxKind.CloseBracketToken);
                    Finish(SyntaxKind.IndexDesignator, m);
                }
                else
                {
                    break;
                }
            }
        }

        Finish(SyntaxKind.List, designators);
        if (!gnuField && Kind == SyntaxKind.EqualsToken)
        {
            Eat();
        }
        else
        {
            _b.PushAbsent();
        }

        ParseInitializer();
        Finish(SyntaxKind.DesignatedInitializer, mark);
    }

    private void ExpectClosingBrace()
    {
        if (Kind == SyntaxKind.CloseBraceToken)
        {
            Eat();
            return;
        }

        Fail($"expected '}}' before {Describe(_pos)}");
        _b.PushAbsent();
    }
}
