using System.Text;
using Sevenspot.C;
using static Sevenspot.C.OperatorPrecedence;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>Printing whole constructs: expressions, statements, declarations, types, initializers.</summary>
internal sealed partial class PlusFormatter
{
    private void PrintAny(SyntaxNode node)
    {
        var kind = node.Kind;
        if (SyntaxFacts.IsExpressionKind(kind))
        {
            Expression(node, Top);
        }
        else if (SyntaxFacts.IsStatementKind(kind) || kind == SyntaxKind.MetavariableStatement)
        {
            Statement(node);
        }
        else
        {
            switch (kind)
            {
                case SyntaxKind.Declaration:
                    Declaration(node);
                    break;
                case SyntaxKind.FunctionDefinition:
                    FunctionDefinition(node);
                    break;
                case SyntaxKind.ParameterDeclaration:
                    Parameter(node);
                    break;
                case SyntaxKind.TypeName:
                    TypeName(node);
                    break;
                case SyntaxKind.Enumerator:
                    Enumerator(node);
                    break;
                default:
                    if (SyntaxFacts.IsSpecifierKind(kind))
                    {
                        Specifier(node);
                    }
                    else
                    {
                        Tokens(node);
                    }

                    break;
            }
        }
    }

    // ---- Tokens and metavariables ----

    /// <summary>
    /// Punctuation the layout spells itself ("(" and "," of a call), with the comments the rule writes
    /// beside it: "+ bar(/* first */ a, /* second */ b);" keeps them there, not at the end of the code.
    /// </summary>
    private void Punctuation(SyntaxToken token, string text, PieceHint hint)
    {
        CommentsAt(token.Index, after: false);
        Emit(text, hint);
        CommentsAt(token.Index, after: true);
    }

    /// <summary>A token: a metavariable prints its value, anything else its text.</summary>
    private void Token(SyntaxToken token)
    {
        if (token.IsMissing)
        {
            return;
        }

        CommentsAt(token.Index, after: false);
        TokenText(token);
        CommentsAt(token.Index, after: true);
    }

    private void TokenText(SyntaxToken token)
    {
        if (!_code && token.Kind == SyntaxKind.IdentifierToken && _rule.Find(token.Text) is { } meta)
        {
            Metavariable(meta, Top);
            return;
        }

        if (!_code && token.Kind == SyntaxKind.StringLiteralToken && token.Text.Contains("%@", StringComparison.Ordinal))
        {
            Emit(WithFormatDirectives(token.Text));
            return;
        }

        if (_code)
        {
            CodeBefore(token);
        }

        Emit(token.Text);
    }

    /// <summary>
    /// An added string holding format metavariables ("%@d@"): each bound one prints the directive it
    /// matched, '%' included ("yyy %@d@" gives "yyy %s" when d matched "%s").
    /// </summary>
    private string WithFormatDirectives(string text)
    {
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int start = text.IndexOf("%@", i, StringComparison.Ordinal);
            int end = start < 0 ? -1 : text.IndexOf('@', start + 2);
            if (end < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            string name = text.Substring(start + 2, end - start - 2);
            sb.Append(text, i, start - i);
            if (_rule.Find(name) is { Kind: MetavariableKind.Format or MetavariableKind.FormatList } meta && _env.TryGet(meta.Name, out var value) && value is NameValue directive)
            {
                // A list's value starts with its first directive's '%'; a single directive's has none.
                sb.Append(meta.Kind == MetavariableKind.Format ? "%" : string.Empty).Append(directive.Name);
            }
            else
            {
                sb.Append(text, start, end + 1 - start);
            }

            i = end + 1;
        }

        return sb.ToString();
    }

    private void Token(SyntaxToken? token)
    {
        if (token is { } t)
        {
            Token(t);
        }
    }

    /// <summary>The value of a metavariable in added code, in parentheses when its precedence is below the place's.</summary>
    private void Metavariable(Metavariable meta, int precedence)
    {
        if (meta.Kind == MetavariableKind.FreshIdentifier)
        {
            Emit(_fresh.Get(_rule, meta, _env, Application, Match));
            return;
        }

        if (!_env.TryGet(meta.Name, out var value))
        {
            Emit(meta.Name);
            return;
        }

        switch (value)
        {
            case NameValue name:
                Emit(name.Name);
                break;
            case CodeValue code:
                Code(code, precedence);
                break;
            case ListValue list:
                var state = BeginValue(list.Range);
                CodeList(list);
                EndValue(state);
                break;
            case TypeValue type:
                CodeText(_arraySuffix is not null && type.ElementText is { } element ? element : type.TypeText);
                break;
            case PositionValue:
                break;
            case ScriptTextValue { Precedence: var level } made when level < precedence:
                Emit("(");
                CodeText(made.Text);
                Emit(")");
                break;
            default:
                CodeText(value.Text);
                break;
        }
    }

    /// <summary>C code of the file, reprinted.</summary>
    private void Code(CodeValue value, int precedence)
    {
        if (value.IsEmpty)
        {
            return;
        }

        var state = BeginValue(value);
        CodeNode(value, precedence);
        EndValue(state);
    }

    private void CodeNode(CodeValue value, int precedence)
    {
        var node = value.Node ?? NodeSpanning(value.Tree, value.FirstToken, value.LastToken);
        if (node is not { } n)
        {
            CodeTokens(value.Tree, value.FirstToken, value.LastToken);
            return;
        }

        bool saved = _code;
        _code = true;
        bool parens = SyntaxFacts.IsExpressionKind(n.Kind) && PrecedenceOf(n) < precedence;
        if (parens)
        {
            _code = saved;
            Emit("(");
            _code = true;
        }

        PrintAny(n);
        if (parens)
        {
            _code = saved;
            Emit(")");
        }

        _code = saved;
    }

    private void CodeList(ListValue list)
    {
        bool statements = list.Items.Count > 0 && list.Items[0].Node is { } first && (SyntaxFacts.IsStatementKind(first.Kind) || first.Kind == SyntaxKind.Declaration);
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (i > 0)
            {
                if (statements)
                {
                    Newline();
                }
                else
                {
                    bool saved = _code;
                    _code = true;
                    Emit(",");
                    Space();
                    _code = saved;
                    BetweenItems(list.Items[i - 1], list.Items[i]);
                }
            }

            if (statements && !list.Items[i].IsEmpty)
            {
                Directives(list.Items[i].Tree, list.Items[i].FirstToken, before: true);
            }

            Code(list.Items[i], Top);
        }

        // The directives closing the last item ("#endif" before the "}" of the structure).
        if (statements && list.Items[^1] is { IsEmpty: false } last && last.LastToken + 1 < last.Tree.TokenCount
            && last.Tree.GetToken(last.LastToken + 1).Kind == SyntaxKind.CloseBraceToken)
        {
            Directives(last.Tree, last.LastToken + 1, before: false);
        }
    }

    /// <summary>
    /// The directive lines before a token of a bound list of statements, declarations or fields
    /// ("#ifdef X" before a field of "struct s { fs }", "#endif" before its "}"), reprinted at
    /// column 0 with the list, as spatch does.
    /// </summary>
    private void Directives(SyntaxTree tree, int tokenIndex, bool before)
    {
        string trivia = tree.Text.ToString(tree.GetToken(tokenIndex).LeadingTriviaSpan);
        if (!trivia.Contains('#', StringComparison.Ordinal))
        {
            return;
        }

        foreach (string line in trivia.Split('\n'))
        {
            string text = line.Trim();
            if (!text.StartsWith('#'))
            {
                continue;
            }

            if (!before)
            {
                Newline();
            }

            _out.Add(new Piece(PieceKind.UnindentToColumn0, string.Empty));
            CodeText(text);
            if (before)
            {
                Newline();
            }
        }
    }

    private void CodeText(string text)
    {
        bool saved = _code;
        _code = true;
        Emit(text);
        _code = saved;
    }

    /// <summary>Tokens with no construct to print them by: single spaces where the file had blanks.</summary>
    private void CodeTokens(SyntaxTree tree, int first, int last)
    {
        bool saved = _code;
        _code = true;
        int previousEnd = -1;
        for (int i = first; i <= last; i++)
        {
            var t = tree.GetToken(i);
            if (t.Kind == SyntaxKind.DisabledToken)
            {
                continue;
            }

            if (previousEnd >= 0 && t.Span.Start > previousEnd)
            {
                Space();
            }

            CodeBefore(t);
            Emit(t.Text);
            previousEnd = t.Span.End;
        }

        _code = saved;
    }

    /// <summary>The outermost node that covers exactly the tokens.</summary>
    private static SyntaxNode? NodeSpanning(SyntaxTree tree, int first, int last)
    {
        SyntaxNode? best = null;
        for (var n = tree.GetToken(first).Parent; n is { } node && node.FirstTokenIndex == first; n = node.Parent)
        {
            if (node.LastTokenIndex == last && node.Kind is not (SyntaxKind.List or SyntaxKind.SeparatedList))
            {
                best = node;
            }
            else if (node.LastTokenIndex > last)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>All tokens of a node, spaced as in the source.</summary>
    private void Tokens(SyntaxNode node)
    {
        int previousEnd = -1;
        foreach (var t in node.DescendantTokensInTreeOrder())
        {
            if (previousEnd >= 0 && t.Span.Start > previousEnd)
            {
                Space();
            }

            Token(t);
            previousEnd = t.Span.End;
        }
    }

    private bool IsMetaToken(SyntaxToken token, out Metavariable meta)
    {
        meta = null!;
        if (_code || token.Kind != SyntaxKind.IdentifierToken || _rule.Find(token.Text) is not { } m)
        {
            return false;
        }

        meta = m;
        return true;
    }

    // ---- Expressions ----

    /// <summary>The precedence spatch gives a C expression when deciding on parentheses (every binary operator counts as additive).</summary>
    private static int PrecedenceOf(SyntaxNode n) => n.Kind switch
    {
        SyntaxKind.CallExpression or SyntaxKind.PostfixUnary or SyntaxKind.ElementAccess or SyntaxKind.MemberAccess => Postfix,
        SyntaxKind.ConditionalExpression => Conditional,
        SyntaxKind.CommaExpression or SyntaxKind.StatementExpression => Top,
        SyntaxKind.AssignmentExpression => Assign,
        SyntaxKind.PrefixUnary or SyntaxKind.SizeofExpression or SyntaxKind.SizeofType or SyntaxKind.CompoundLiteral => Unary,
        SyntaxKind.BinaryExpression => Additive,
        SyntaxKind.CastExpression => Cast,
        _ => Primary,
    };

    private void Expression(SyntaxNode e, int precedence)
    {
        switch (e.Kind)
        {
            case SyntaxKind.IdentifierName:
                {
                    var id = e.AsIdentifierName().Identifier;
                    if (IsMetaToken(id, out var meta))
                    {
                        CommentsAt(id.Index, after: false);
                        Metavariable(meta, precedence);
                        CommentsAt(id.Index, after: true);
                    }
                    else
                    {
                        Token(id);
                    }

                    break;
                }

            case SyntaxKind.LiteralExpression:
                Token(e.AsLiteralExpression().Token);
                break;
            case SyntaxKind.ConcatenatedString:
                {
                    bool first = true;
                    foreach (var part in e.AsConcatenatedString().PartList.Children)
                    {
                        if (!first)
                        {
                            Space();
                        }

                        first = false;
                        if (part.IsToken)
                        {
                            Token(part.AsToken());
                        }
                        else
                        {
                            Expression(part.AsNode(), Primary);
                        }
                    }

                    break;
                }

            case SyntaxKind.ParenthesizedExpression:
                {
                    var p = e.AsParenthesizedExpression();
                    Token(p.OpenParen);
                    Expression(p.Expression, Top);
                    Token(p.CloseParen);
                    break;
                }

            case SyntaxKind.CallExpression:
                {
                    var c = e.AsCallExpression();
                    Expression(c.Function, Postfix);
                    Punctuation(c.OpenParen, "(", _code ? PieceHint.None : PieceHint.StartBox);
                    Arguments(c.ArgumentList);
                    if (_code)
                    {
                        CodeBefore(c.CloseParen);
                    }

                    Punctuation(c.CloseParen, ")", _code ? PieceHint.None : PieceHint.EndBox);
                    break;
                }

            case SyntaxKind.ElementAccess:
                {
                    var a = e.AsElementAccess();
                    Expression(a.Expression, Postfix);
                    Token(a.OpenBracket);
                    Expression(a.Index, Top);
                    Token(a.CloseBracket);
                    break;
                }

            case SyntaxKind.MemberAccess:
                {
                    var m = e.AsMemberAccess();
                    Expression(m.Expression, Postfix);
                    Token(m.Operator);
                    Token(m.Name);
                    break;
                }

            case SyntaxKind.PostfixUnary:
                {
                    var p = e.AsPostfixUnary();
                    Expression(p.Operand, Postfix);
                    Token(p.Operator);
                    break;
                }

            case SyntaxKind.PrefixUnary:
                {
                    var p = e.AsPrefixUnary();
                    Token(p.Operator);
                    Expression(p.Operand, Unary);
                    break;
                }

            case SyntaxKind.CastExpression:
                {
                    var c = e.AsCastExpression();
                    Token(c.OpenParen);
                    TypeName(c.Type);
                    Token(c.CloseParen);
                    Expression(c.Expression, Cast);
                    break;
                }

            case SyntaxKind.SizeofExpression:
                {
                    var s = e.AsSizeofExpression();
                    Token(s.Keyword);

                    // "sizeof *p", "sizeof x", but "sizeof(*p)".
                    if (s.Expression.Kind != SyntaxKind.ParenthesizedExpression)
                    {
                        Space();
                    }

                    Expression(s.Expression, Unary);
                    break;
                }

            case SyntaxKind.SizeofType:
                {
                    var s = e.AsSizeofType();
                    Token(s.Keyword);
                    Token(s.OpenParen);
                    TypeName(s.Type);
                    Token(s.CloseParen);
                    break;
                }

            case SyntaxKind.BinaryExpression:
                {
                    var b = e.AsBinaryExpression();
                    var op = b.Operator.Kind;
                    Expression(b.Left, OperatorPrecedence.OfBinary(op));
                    Space();
                    Token(b.Operator);
                    Space();
                    Expression(b.Right, OperatorPrecedence.OfRightOperand(op));
                    break;
                }

            case SyntaxKind.AssignmentExpression:
                {
                    var a = e.AsAssignmentExpression();
                    Expression(a.Left, Unary);
                    Space();
                    Token(a.Operator);
                    Space();
                    Expression(a.Right, Assign);
                    break;
                }

            case SyntaxKind.ConditionalExpression:
                {
                    var c = e.AsConditionalExpression();
                    Expression(c.Condition, LogicalOr);
                    Space();
                    Token(c.Question);
                    if (c.WhenTrue is { } t)
                    {
                        Space();
                        Expression(t, Top);
                    }

                    Space();
                    Token(c.Colon);
                    Space();
                    Expression(c.WhenFalse, Conditional);
                    break;
                }

            case SyntaxKind.CommaExpression:
                {
                    var c = e.AsCommaExpression();
                    Expression(c.Left, Top);
                    Token(c.Comma);
                    Space();
                    Expression(c.Right, Assign);
                    break;
                }

            case SyntaxKind.StatementExpression:
                {
                    var s = e.AsStatementExpression();
                    Token(s.OpenParen);
                    Statement(s.Block);
                    Token(s.CloseParen);
                    break;
                }

            case SyntaxKind.CompoundLiteral:
                {
                    var c = e.AsCompoundLiteral();
                    Token(c.OpenParen);
                    TypeName(c.Type);
                    Token(c.CloseParen);
                    Initializer(c.Initializer, newlineAfterComma: true);
                    break;
                }

            case SyntaxKind.InitializerList or SyntaxKind.DesignatedInitializer:
                Initializer(e, newlineAfterComma: false);
                break;
            default:
                Tokens(e);
                break;
        }
    }

    private void Arguments(SyntaxNode list)
    {
        foreach (var child in list.Children)
        {
            if (child.IsToken)
            {
                if (_code)
                {
                    CodeBefore(child.AsToken());
                    Emit(",");
                    Space();
                }
                else
                {
                    Punctuation(child.AsToken(), ",", PieceHint.SpaceOrNewline);
                }
            }
            else
            {
                var node = child.AsNode();
                if (node.Kind == SyntaxKind.TypeName)
                {
                    TypeName(node);
                }
                else if (SyntaxFacts.IsExpressionKind(node.Kind))
                {
                    Expression(node, Top);
                }
                else
                {
                    PrintAny(node);
                }
            }
        }
    }

    // ---- Initializers ----

    private void Initializer(SyntaxNode init, bool newlineAfterComma)
    {
        switch (init.Kind)
        {
            case SyntaxKind.InitializerList:
                {
                    var l = init.AsInitializerList();
                    var elements = l.ElementList;
                    if (elements.ChildCount == 0)
                    {
                        Token(l.OpenBrace);
                        Token(l.CloseBrace);
                        break;
                    }

                    bool designated = false;
                    foreach (var child in elements.ChildNodes())
                    {
                        designated |= child.Kind == SyntaxKind.DesignatedInitializer;
                    }

                    Emit("{", designated && !_code ? PieceHint.StartBox : PieceHint.None);
                    Newline();
                    int count = elements.ChildCount, index = 0;
                    foreach (var child in elements.Children)
                    {
                        bool last = ++index == count;
                        if (child.IsToken)
                        {
                            Emit(",");
                            if (newlineAfterComma && !last)
                            {
                                Newline();
                            }
                            else
                            {
                                Space();
                            }
                        }
                        else
                        {
                            Initializer(child.AsNode(), newlineAfterComma);
                        }
                    }

                    Newline();
                    Emit("}", designated && !_code ? PieceHint.EndBox : PieceHint.None);
                    break;
                }

            case SyntaxKind.DesignatedInitializer:
                {
                    var d = init.AsDesignatedInitializer();
                    foreach (var designator in d.DesignatorList.ChildNodes())
                    {
                        Tokens(designator);
                    }

                    if (d.EqualsToken is { } eq)
                    {
                        Space();
                        Token(eq);
                        Space();
                    }

                    Initializer(d.Value, newlineAfterComma);
                    break;
                }

            default:
                Expression(init, Top);
                break;
        }
    }

    // ---- Statements ----

    private void Statement(SyntaxNode s)
    {
        switch (s.Kind)
        {
            case SyntaxKind.CompoundStatement:
                {
                    var c = s.AsCompoundStatement();
                    Token(c.OpenBrace);
                    Newline();
                    bool any = false;
                    foreach (var item in c.StatementList.ChildNodes())
                    {
                        if (any)
                        {
                            Newline();
                        }

                        any = true;
                        BlockItem(item);
                    }

                    if (any)
                    {
                        Newline();
                    }

                    Token(c.CloseBrace);
                    break;
                }

            case SyntaxKind.ExpressionStatement:
                {
                    var e = s.AsExpressionStatement();
                    Expression(e.Expression, Top);
                    Token(e.Semicolon);
                    break;
                }

            case SyntaxKind.IfStatement:
                {
                    var i = s.AsIfStatement();
                    Token(i.IfKeyword);
                    Space();
                    Token(i.OpenParen);
                    Expression(i.Condition, Top);
                    Token(i.CloseParen);
                    Branch(i.Statement);
                    if (i.Else is { } e)
                    {
                        Newline();
                        Token(i.ElseKeyword);
                        Branch(e);
                    }

                    break;
                }

            case SyntaxKind.WhileStatement:
                {
                    var w = s.AsWhileStatement();
                    Token(w.WhileKeyword);
                    Space();
                    Token(w.OpenParen);
                    Expression(w.Condition, Top);
                    Token(w.CloseParen);
                    Branch(w.Statement);
                    break;
                }

            case SyntaxKind.DoStatement:
                {
                    var d = s.AsDoStatement();
                    Token(d.DoKeyword);
                    Branch(d.Statement);
                    Token(d.WhileKeyword);
                    Space();
                    Token(d.OpenParen);
                    Expression(d.Condition, Top);
                    Token(d.CloseParen);
                    Token(d.Semicolon);
                    break;
                }

            case SyntaxKind.ForStatement:
                {
                    var f = s.AsForStatement();
                    Token(f.ForKeyword);
                    Token(f.OpenParen);
                    if (f.Initializer is { } init)
                    {
                        if (init.Kind == SyntaxKind.Declaration)
                        {
                            Declaration(init);
                        }
                        else
                        {
                            Expression(init, Top);
                        }
                    }

                    Token(f.FirstSemicolon);
                    if (f.Condition is { } cond)
                    {
                        Expression(cond, Top);
                    }

                    Token(f.SecondSemicolon);
                    if (f.Increment is { } inc)
                    {
                        Expression(inc, Top);
                    }

                    Token(f.CloseParen);
                    Branch(f.Statement);
                    break;
                }

            case SyntaxKind.IteratorStatement:
                {
                    var it = s.AsIteratorStatement();
                    Token(it.Name);
                    Space();
                    Emit("(");
                    Arguments(it.ArgumentList);
                    Emit(")");
                    Branch(it.Statement);
                    break;
                }

            case SyntaxKind.SwitchStatement:
                {
                    var sw = s.AsSwitchStatement();
                    Token(sw.SwitchKeyword);
                    Space();
                    Token(sw.OpenParen);
                    Expression(sw.Expression, Top);
                    Token(sw.CloseParen);
                    Space();
                    Statement(sw.Statement);
                    break;
                }

            case SyntaxKind.ReturnStatement:
                {
                    var r = s.AsReturnStatement();
                    Token(r.ReturnKeyword);
                    if (r.Expression is { } e)
                    {
                        Space();
                        Expression(e, Top);
                    }

                    Token(r.Semicolon);
                    break;
                }

            case SyntaxKind.BreakStatement:
                Token(s.AsBreakStatement().BreakKeyword);
                Token(s.AsBreakStatement().Semicolon);
                break;
            case SyntaxKind.ContinueStatement:
                Token(s.AsContinueStatement().ContinueKeyword);
                Token(s.AsContinueStatement().Semicolon);
                break;
            case SyntaxKind.GotoStatement:
                {
                    var g = s.AsGotoStatement();
                    Token(g.GotoKeyword);
                    Expression(g.Target, Top);
                    Token(g.Semicolon);
                    break;
                }

            case SyntaxKind.LabeledStatement:
                {
                    var l = s.AsLabeledStatement();
                    Token(l.Label);
                    Token(l.Colon);
                    if (l.Statement is { } inner)
                    {
                        Space();
                        Statement(inner);
                    }

                    break;
                }

            case SyntaxKind.CaseStatement:
                {
                    var c = s.AsCaseStatement();
                    Token(c.CaseKeyword);
                    Space();
                    Expression(c.Value, Top);
                    Token(c.Colon);
                    if (c.Statement is { } inner)
                    {
                        Space();
                        Statement(inner);
                    }

                    break;
                }

            case SyntaxKind.DefaultStatement:
                {
                    var d = s.AsDefaultStatement();
                    Token(d.DefaultKeyword);
                    Token(d.Colon);
                    if (d.Statement is { } inner)
                    {
                        Space();
                        Statement(inner);
                    }

                    break;
                }

            case SyntaxKind.EmptyStatement:
                Token(s.AsEmptyStatement().Semicolon);
                break;
            case SyntaxKind.MetavariableStatement:
                Token(s.AsMetavariableStatement().Name);
                break;
            case SyntaxKind.Declaration:
                Declaration(s);
                break;
            default:
                Tokens(s);
                break;
        }
    }

    private void BlockItem(SyntaxNode item)
    {
        if (item.Kind == SyntaxKind.Declaration)
        {
            Declaration(item);
        }
        else if (SyntaxFacts.IsStatementKind(item.Kind) || item.Kind == SyntaxKind.MetavariableStatement)
        {
            Statement(item);
        }
        else
        {
            PrintAny(item);
        }
    }

    /// <summary>A branch: a block stays on the line; any other statement goes one level in, on its own line.</summary>
    private void Branch(SyntaxNode branch)
    {
        if (IsBlock(branch))
        {
            Space();
            Statement(branch);
            return;
        }

        Indent();
        Newline();
        Statement(branch);
        Unindent();
    }

    private bool IsBlock(SyntaxNode s)
    {
        if (s.Kind == SyntaxKind.CompoundStatement)
        {
            return true;
        }

        if (s.Kind == SyntaxKind.MetavariableStatement && IsMetaToken(s.AsMetavariableStatement().Name, out var meta)
            && _env.TryGet(meta.Name, out var value) && value is CodeValue { Node: { Kind: SyntaxKind.CompoundStatement } })
        {
            return true;
        }

        return false;
    }

    // ---- Declarations and types ----

    private void FunctionDefinition(SyntaxNode node)
    {
        var f = node.AsFunctionDefinition();
        Specifiers(f.SpecifierList);
        if (f.SpecifierList.ChildCount > 0 && !StartsWithStar(f.Declarator))
        {
            Space();
        }

        Declarator(f.Declarator);
        if (f.AttributeList.ChildCount > 0)
        {
            Space();
            Tokens(f.AttributeList);
        }

        Newline();
        Statement(f.Body);
    }

    private void Declaration(SyntaxNode node)
    {
        var d = node.AsDeclaration();
        var saved = _arraySuffix;
        _arraySuffix = NamesOnly(d.DeclaratorList) ? ArraySuffixOf(d.SpecifierList) : null;
        Specifiers(d.SpecifierList);
        bool first = true;
        bool split = !_code && DeclaratorLists.IsNameList(node);
        bool nextOfList = false;
        int stars = split && d.DeclaratorList.GetNodeSlot(0) is { } head ? LeadingStars(head) : 0;
        foreach (var child in d.DeclaratorList.Children)
        {
            if (child.IsToken)
            {
                if (split)
                {
                    // spatch reads "int *a, b;" of a rule as the type "int *" and two names, and
                    // prints a declaration for each: "int *a; int *b;".
                    Token(d.Semicolon);
                    Space();
                    Specifiers(d.SpecifierList);
                    nextOfList = true;
                    continue;
                }

                Token(child.AsToken());
                Space();
                continue;
            }

            var declarator = child.AsNode();
            if (nextOfList)
            {
                if (d.SpecifierList.ChildCount > 0 && (stars > 0 || !IsFunctionPointer(declarator)))
                {
                    Space();
                }

                for (int k = 0; k < stars; k++)
                {
                    Emit("*");
                }

                nextOfList = false;
                InitDeclarator(declarator);
                continue;
            }

            // "int *x" and "int x" take a space after the type, as does a type ending in '*' before an
            // array ("long * x[]"); "bool *" before a plain name does not ("bool *x"), nor does an added
            // function pointer ("int(*fp)(int)"), as spatch prints them.
            if (first && d.SpecifierList.ChildCount > 0 && (!TypeEndsWithStar(d.SpecifierList) || IsArray(declarator))
                && (_code || !IsFunctionPointer(declarator)))
            {
                Space();
            }

            first = false;
            InitDeclarator(declarator);
        }

        _arraySuffix = saved;
        Token(d.Semicolon);
    }

    /// <summary>The pointer stars before the name of a declarator ("**a" gives 2), that spatch counts as part of the type.</summary>
    private static int LeadingStars(SyntaxNode declarator)
    {
        var d = declarator.Kind == SyntaxKind.InitDeclarator ? declarator.AsInitDeclarator().Declarator : declarator;
        int stars = 0;
        while (d.Kind == SyntaxKind.PointerDeclarator)
        {
            stars++;
            d = d.AsPointerDeclarator().Declarator;
        }

        return stars;
    }

    private static bool NamesOnly(SyntaxNode declarators)
    {
        foreach (var child in declarators.Children)
        {
            if (!child.IsToken && (child.AsNode() is var d) && (d.Kind == SyntaxKind.InitDeclarator ? d.AsInitDeclarator().Declarator : d).Kind != SyntaxKind.IdentifierDeclarator)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The brackets of the array type the specifiers' type metavariable is bound to, if they are just that metavariable (and attributes).</summary>
    private string? ArraySuffixOf(SyntaxNode specifiers)
    {
        if (_code)
        {
            return null;
        }

        SyntaxToken? only = null;
        foreach (var child in specifiers.Children)
        {
            if (Matcher.IsAttribute(child))
            {
                continue;
            }

            if (only is not null || child.Kind != SyntaxKind.TypedefName)
            {
                return null;
            }

            only = child.AsNode().AsTypedefName().Identifier;
        }

        if (only is not { } token || !IsMetaToken(token, out var meta))
        {
            return null;
        }

        return _env.TryGet(meta.Name, out var value) && value is TypeValue { ArraySuffix: { } suffix } ? suffix : null;
    }

    private void InitDeclarator(SyntaxNode node)
    {
        if (node.Kind != SyntaxKind.InitDeclarator)
        {
            Declarator(node);
            return;
        }

        var d = node.AsInitDeclarator();
        Declarator(d.Declarator);
        if (_arraySuffix is { } suffix && d.Declarator.Kind == SyntaxKind.IdentifierDeclarator)
        {
            CodeText(suffix);
        }

        if (d.AttributeList.ChildCount > 0)
        {
            Space();
            Tokens(d.AttributeList);
        }

        if (d.EqualsToken is { } eq)
        {
            Space();
            Token(eq);
            Space();
            if (d.Initializer is { } init)
            {
                Initializer(init, newlineAfterComma: true);
            }
        }
    }

    private void Parameter(SyntaxNode node)
    {
        var p = node.AsParameterDeclaration();
        Specifiers(p.SpecifierList);
        if (p.Declarator.Kind != SyntaxKind.AbstractDeclarator && !p.Declarator.IsEmpty)
        {
            // "struct foo *b" as in a declaration: spatch puts the space after the type, not after the star.
            if (p.SpecifierList.ChildCount > 0 && (!TypeEndsWithStar(p.SpecifierList) || IsArray(p.Declarator)))
            {
                Space();
            }

            Declarator(p.Declarator);
        }

        if (p.AttributeList.ChildCount > 0)
        {
            Space();
            Tokens(p.AttributeList);
        }
    }

    private void TypeName(SyntaxNode node)
    {
        if (node.Kind != SyntaxKind.TypeName)
        {
            PrintAny(node);
            return;
        }

        var t = node.AsTypeName();
        Specifiers(t.SpecifierList);
        if (!t.Declarator.IsEmpty)
        {
            if (t.SpecifierList.ChildCount > 0 && !TypeEndsWithStar(t.SpecifierList))
            {
                Space();
            }

            Declarator(t.Declarator);
        }
    }

    private void Enumerator(SyntaxNode node)
    {
        var e = node.AsEnumerator();
        Token(e.Name);
        if (e.EqualsToken is { } eq)
        {
            Space();
            Token(eq);
            Space();
            if (e.Value is { } v)
            {
                Expression(v, Top);
            }
        }
    }

    private void Specifiers(SyntaxNode list)
    {
        bool first = true;
        bool leadingAttribute = false;
        SyntaxToken previous = default;
        foreach (var child in list.Children)
        {
            var head = child.IsToken ? child.AsToken() : child.AsNode().FirstToken;
            if (!first)
            {
                // An attribute the rule writes on a line of its own before the type keeps its line (as spatch prints it).
                if (leadingAttribute && !_code && !Matcher.IsAttribute(child) && head.Position.Line > previous.Position.Line)
                {
                    Newline();
                }
                else
                {
                    Space();
                }
            }

            leadingAttribute = (first || leadingAttribute) && Matcher.IsAttribute(child);
            previous = child.IsToken ? child.AsToken() : child.AsNode().LastToken;
            first = false;
            if (child.IsToken)
            {
                Token(child.AsToken());
            }
            else
            {
                Specifier(child.AsNode());
            }
        }
    }

    private void Specifier(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.TypedefName:
                Token(node.AsTypedefName().Identifier);
                break;
            case SyntaxKind.StructSpecifier:
                {
                    var s = node.AsStructSpecifier();
                    Token(s.Keyword);
                    if (s.Name is { } name)
                    {
                        Space();
                        Token(name);
                    }

                    if (s.MemberList is { } members)
                    {
                        Space();
                        Token(s.OpenBrace);
                        foreach (var member in members.ChildNodes())
                        {
                            Newline();
                            PrintAny(member);
                        }

                        Newline();
                        Token(s.CloseBrace);
                    }

                    break;
                }

            case SyntaxKind.EnumSpecifier:
                {
                    var s = node.AsEnumSpecifier();
                    Token(s.Keyword);
                    if (s.Name is { } name)
                    {
                        Space();
                        Token(name);
                    }

                    if (s.EnumeratorList is { } list)
                    {
                        Space();
                        Token(s.OpenBrace);
                        foreach (var child in list.Children)
                        {
                            if (child.IsToken)
                            {
                                Emit(",");
                                Space();
                            }
                            else
                            {
                                Enumerator(child.AsNode());
                            }
                        }

                        Token(s.CloseBrace);
                    }

                    break;
                }

            default:
                Tokens(node);
                break;
        }
    }

    private void Declarator(SyntaxNode node)
    {
        switch (node.Kind)
        {
            case SyntaxKind.IdentifierDeclarator:
                Token(node.AsIdentifierDeclarator().Identifier);
                break;
            case SyntaxKind.AbstractDeclarator:
                break;
            case SyntaxKind.PointerDeclarator:
                {
                    var p = node.AsPointerDeclarator();
                    Token(p.Asterisk);
                    if (p.QualifierList.ChildCount > 0)
                    {
                        // Code of the file is reprinted "* const *e", added code "*const e" and "*const*e", as spatch does.
                        if (_code)
                        {
                            Space();
                        }

                        Tokens(p.QualifierList);
                        if (_code || !StartsWithStar(p.Declarator))
                        {
                            Space();
                        }
                    }

                    Declarator(p.Declarator);
                    if (!_code && p.Declarator.Kind == SyntaxKind.AbstractDeclarator && p.QualifierList.ChildCount == 0)
                    {
                        // The "*" that ends a type of the rule takes no blank after it: "void *" in the
                        // place of a typedef name before "h" gives "void *h", before "*l" "void **l".
                        EatSpace();
                    }

                    break;
                }

            case SyntaxKind.ParenthesizedDeclarator:
                {
                    var p = node.AsParenthesizedDeclarator();
                    Token(p.OpenParen);
                    Declarator(p.Declarator);
                    Token(p.CloseParen);
                    break;
                }

            case SyntaxKind.ArrayDeclarator:
                {
                    var a = node.AsArrayDeclarator();
                    Declarator(a.Declarator);
                    Token(a.OpenBracket);
                    if (a.Size is { } size)
                    {
                        Expression(size, Top);
                    }

                    Token(a.CloseBracket);
                    break;
                }

            case SyntaxKind.FunctionDeclarator:
                {
                    var f = node.AsFunctionDeclarator();
                    Declarator(f.Declarator);
                    Punctuation(f.OpenParen, "(", _code ? PieceHint.None : PieceHint.StartBox);
                    foreach (var child in f.ParameterList.Children)
                    {
                        if (child.IsToken && child.AsToken().Kind == SyntaxKind.CommaToken)
                        {
                            if (_code)
                            {
                                Emit(",");
                                Space();
                            }
                            else
                            {
                                Punctuation(child.AsToken(), ",", PieceHint.SpaceOrNewline);
                            }
                        }
                        else if (child.IsToken)
                        {
                            Token(child.AsToken());
                        }
                        else if (child.AsNode().Kind == SyntaxKind.ParameterDeclaration)
                        {
                            Parameter(child.AsNode());
                        }
                        else
                        {
                            PrintAny(child.AsNode());
                        }
                    }

                    Punctuation(f.CloseParen, ")", _code ? PieceHint.None : PieceHint.EndBox);
                    break;
                }

            default:
                Tokens(node);
                break;
        }
    }

    private static bool StartsWithStar(SyntaxNode declarator) =>
        declarator.Kind == SyntaxKind.PointerDeclarator
        || (declarator.Kind == SyntaxKind.InitDeclarator && StartsWithStar(declarator.AsInitDeclarator().Declarator))
        || (declarator.Kind is SyntaxKind.FunctionDeclarator && StartsWithStar(declarator.AsFunctionDeclarator().Declarator))
        || (declarator.Kind is SyntaxKind.ArrayDeclarator && StartsWithStar(declarator.AsArrayDeclarator().Declarator));

    /// <summary>"(*fp)(int)": a function declarator around a parenthesized one.</summary>
    private static bool IsFunctionPointer(SyntaxNode declarator) =>
        (declarator.Kind == SyntaxKind.InitDeclarator && IsFunctionPointer(declarator.AsInitDeclarator().Declarator))
        || (declarator.Kind == SyntaxKind.FunctionDeclarator && declarator.AsFunctionDeclarator().Declarator.Kind == SyntaxKind.ParenthesizedDeclarator);

    private static bool IsArray(SyntaxNode declarator) =>
        declarator.Kind == SyntaxKind.ArrayDeclarator
        || (declarator.Kind == SyntaxKind.InitDeclarator && IsArray(declarator.AsInitDeclarator().Declarator));

    /// <summary>Whether the specifiers end with a type metavariable whose value ends with "*".</summary>
    private bool TypeEndsWithStar(SyntaxNode specifiers)
    {
        if (_code || specifiers.ChildCount == 0)
        {
            return false;
        }

        var last = specifiers.LastToken;
        return IsMetaToken(last, out var meta) && _env.TryGet(meta.Name, out var value) && value is TypeValue type && (type.ElementText ?? type.TypeText).EndsWith('*');
    }
}
