using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>How added code stands to the token it is attached to.</summary>
internal enum PlusPlacement : byte
{
    /// <summary>Before a kept token: whole statements end with a line break.</summary>
    Before,

    /// <summary>After a kept token: whole statements start with a line break.</summary>
    After,

    /// <summary>In the place of removed code: no line break around it.</summary>
    InPlace,
}

/// <summary>
/// Prints added code as spatch does, into pieces for the unparser. Each + line of the rule stays a
/// line; on it, whole constructs (statements, declarations, expressions, initializers ...) are
/// printed in spatch's own layout (spaces around operators, a space after commas, branches and
/// blocks on lines of their own), and leftover tokens one by one. Metavariables print the code they
/// matched, reprinted, in parentheses when the place needs them.
/// </summary>
internal sealed partial class PlusFormatter
{
    private readonly CodeRule _rule;
    private readonly FreshNames _fresh;
    private List<Piece> _out = [];
    private Env _env = Env.Empty;

    /// <summary>Which application of the rule the added code belongs to (a counted fresh name is new for each).</summary>
    public object? Application { get; init; }

    /// <summary>The match the added code is for (its fresh names may have been given to later rules).</summary>
    public object? Match { get; init; }

    /// <summary>Printing C code of the file (a metavariable's value) rather than the rule's.</summary>
    private bool _code;

    // The comments written beside the chunk's code, by plus-tree token, not yet printed.
    private readonly Dictionary<int, List<PlusComment>> _commentsAfter = [];
    private readonly Dictionary<int, List<PlusComment>> _commentsBefore = [];

    // A "//" comment was printed: what follows on its line goes to the next line.
    private bool _lineCommentOpen;

    // The brackets of an array type bound to the type metavariable of the declaration being printed:
    // the metavariable prints the element type, the brackets follow the declared name ("int x[4]").
    private string? _arraySuffix;

    public PlusFormatter(CodeRule rule, FreshNames fresh)
    {
        _rule = rule;
        _fresh = fresh;
    }

    private enum ItemKind : byte
    {
        Node,
        Token,
        ListComma,
        InitComma,
        Directive,
        EmptyLine,

        /// <summary>A comment alone on its line(s).</summary>
        Comment,

        /// <summary>A brace the printer adds around a branch.</summary>
        Brace,
    }

    private readonly record struct Item(ItemKind Kind, SyntaxNode Node, SyntaxToken Token, string Text);

    /// <summary>The pieces of one chunk of added code, under the bindings of one match.</summary>
    public List<Piece> Format(PlusChunk chunk, Env env, PlusPlacement placement, bool openBrace = false, bool closeBrace = false, bool elseOnLine = false)
    {
        _env = env;
        _out = [];
        _code = false;
        TakeComments(chunk);
        var lines = BuildLines(chunk);
        if (openBrace)
        {
            lines.Insert(0, [new Item(ItemKind.Brace, default, default, "{")]);
        }

        if (closeBrace)
        {
            lines.Add([new Item(ItemKind.Brace, default, default, "}")]);
        }

        return Layout(lines, placement, elseOnLine);
    }

    /// <summary>The pieces of a lone brace added around a branch.</summary>
    public List<Piece> FormatBrace(string brace, PlusPlacement placement)
    {
        _out = [];
        _code = false;
        return Layout([[new Item(ItemKind.Brace, default, default, brace)]], placement);
    }

    private List<Piece> Layout(List<List<Item>> allLines, PlusPlacement placement, bool elseOnLine = false)
    {
        // An empty + line is a blank line before the next line, or, at the end, after the last one.
        var lines = new List<List<Item>>();
        var blanksBefore = new List<int>();
        int blanks = 0;
        foreach (var line in allLines)
        {
            if (line[0].Kind == ItemKind.EmptyLine)
            {
                blanks++;
                continue;
            }

            lines.Add(line);
            blanksBefore.Add(blanks);
            blanks = 0;
        }

        if (lines.Count == 0)
        {
            if (blanks > 0 && placement != PlusPlacement.InPlace)
            {
                Newline();
            }

            return _out;
        }

        if (placement == PlusPlacement.After && !(elseOnLine && lines[0][0] is { Kind: ItemKind.Token } first && first.Token.Kind == SyntaxKind.ElseKeyword))
        {
            for (int k = NewlinesAround(lines[0][0], before: true); k > 0; k--)
            {
                Newline();
            }
        }

        for (int li = 0; li < lines.Count; li++)
        {
            if (li > 0 && NewlineNeeded(lines[li - 1]))
            {
                Newline();
            }

            for (int k = 0; k < blanksBefore[li]; k++)
            {
                Newline();
            }

            bool spaceAfter = false, indentNeeded = false;
            foreach (var item in lines[li])
            {
                if (indentNeeded)
                {
                    Newline();
                }
                else if (spaceAfter && SpaceNeededBefore(item))
                {
                    Space();
                }

                if (placement == PlusPlacement.InPlace && _out.Count == 0 && item.Kind == ItemKind.Directive && !IsConditionalDirective(item.Text))
                {
                    // spatch prints an #include, #define or #undef that takes the place of removed
                    // code where that code started, at its indentation; a conditional goes to the first column.
                    Emit(item.Text);
                    indentNeeded = true;
                }
                else
                {
                    indentNeeded = PrintItem(item);
                }

                spaceAfter = SpaceNeededAfter(item);
            }
        }

        FlushComments();
        if (placement == PlusPlacement.InPlace && lines[^1][^1] is { Kind: ItemKind.Directive } lastLine && IsConditionalDirective(lastLine.Text))
        {
            // spatch starts a new line after a conditional that ends code put in place of removed
            // code: the line holds the indentation alone, and the removed code's line break follows.
            Newline();
        }

        if (placement == PlusPlacement.Before)
        {
            for (int k = NewlinesAround(lines[^1][^1], before: false); k > 0; k--)
            {
                Newline();
            }
        }

        for (int k = 0; k < blanks && placement != PlusPlacement.InPlace; k++)
        {
            Newline();
        }

        return _out;
    }

    // ---- Comments beside the added code ----

    private void TakeComments(PlusChunk chunk)
    {
        _commentsAfter.Clear();
        _commentsBefore.Clear();
        _lineCommentOpen = false;
        foreach (var comment in chunk.Comments)
        {
            var table = comment.After ? _commentsAfter : _commentsBefore;
            if (!table.TryGetValue(comment.Token, out var list))
            {
                table[comment.Token] = list = [];
            }

            list.Add(comment);
        }
    }

    /// <summary>Prints the comments that go before or after a token of the rule, once.</summary>
    private void CommentsAt(int token, bool after)
    {
        if (_code || !(after ? _commentsAfter : _commentsBefore).Remove(token, out var comments))
        {
            return;
        }

        foreach (var comment in comments)
        {
            PrintComment(comment);
        }
    }

    private void PrintComment(PlusComment comment)
    {
        // spatch sticks a block comment to the code around it and keeps the blanks before a "//" one.
        Emit(comment.Text);
        _lineCommentOpen |= comment.IsLineComment;
    }

    /// <summary>Comments whose token printed no text of its own (a token the layout rewrites) go at the end.</summary>
    private void FlushComments()
    {
        foreach (var table in (Dictionary<int, List<PlusComment>>[])[_commentsBefore, _commentsAfter])
        {
            foreach (int token in table.Keys.Order().ToList())
            {
                foreach (var comment in table[token])
                {
                    PrintComment(comment);
                }
            }

            table.Clear();
        }
    }

    // ---- Items and lines ----

    private List<List<Item>> BuildLines(PlusChunk chunk)
    {
        var tree = _rule.Body.Plus;
        var lines = new List<List<Item>>();
        List<Item>? current = null;
        int currentLine = -1;
        int raw = 0;
        var rawLines = chunk.RawLines;
        int i = chunk.First;
        while (true)
        {
            while (raw < rawLines.Count && (!chunk.HasTokens || rawLines[raw].BeforeToken <= i))
            {
                lines.Add([RawLineItem(rawLines[raw++])]);
                current = null;
            }

            if (!chunk.HasTokens || i > chunk.Last)
            {
                break;
            }

            var token = tree.GetToken(i);
            if (token.Kind == SyntaxKind.OptionalToken)
            {
                i++;
                continue;
            }

            int line = tree.Text.GetLinePosition(token.Span.Start).Line;
            if (current is null || line != currentLine)
            {
                current = [];
                lines.Add(current);
                currentLine = line;
            }

            var (item, next) = ItemAt(tree, i, chunk.Last);
            current.Add(item);
            i = next;
        }

        while (raw < rawLines.Count)
        {
            lines.Add([RawLineItem(rawLines[raw++])]);
        }

        return lines;
    }

    private static Item RawLineItem(PlusRawLine line) =>
        new(line.IsEmptyLine ? ItemKind.EmptyLine : line.IsComment ? ItemKind.Comment : ItemKind.Directive, default, default, line.Text);

    /// <summary>The largest whole construct that starts at token <paramref name="i"/> and ends by <paramref name="last"/>, or the token.</summary>
    private static (Item Item, int Next) ItemAt(SyntaxTree tree, int i, int last)
    {
        var token = tree.GetToken(i);
        var parent = token.Parent;
        if (token.Kind == SyntaxKind.CommaToken && parent is { Kind: SyntaxKind.SeparatedList } list)
        {
            var owner = list.Parent?.Kind;
            if (owner == SyntaxKind.InitializerList)
            {
                return (new Item(ItemKind.InitComma, default, token, ","), i + 1);
            }

            if (owner is SyntaxKind.CallExpression or SyntaxKind.FunctionDeclarator or SyntaxKind.EnumSpecifier or SyntaxKind.MacroDeclaration
                or SyntaxKind.IteratorStatement or SyntaxKind.MacroStatement)
            {
                return (new Item(ItemKind.ListComma, default, token, ","), i + 1);
            }
        }

        SyntaxNode? best = null;
        for (var n = parent; n is { } node && node.FirstTokenIndex == i; n = node.Parent)
        {
            if (node.LastTokenIndex <= last && IsWhole(node.Kind))
            {
                best = node;
            }
        }

        return best is { } b ? (new Item(ItemKind.Node, b, default, string.Empty), b.LastTokenIndex + 1) : (new Item(ItemKind.Token, default, token, token.Text), i + 1);
    }

    /// <summary>Constructs spatch prints as a whole when they are all added.</summary>
    private static bool IsWhole(SyntaxKind kind) =>
        SyntaxFacts.IsStatementKind(kind) || SyntaxFacts.IsExpressionKind(kind) || SyntaxFacts.IsTopLevelKind(kind) || SyntaxFacts.IsSpecifierKind(kind)
        || kind is SyntaxKind.ParameterDeclaration or SyntaxKind.TypeName or SyntaxKind.Enumerator or SyntaxKind.MetavariableStatement;

    private static bool IsStatementLike(Item item) => item.Kind switch
    {
        ItemKind.Node => SyntaxFacts.IsStatementKind(item.Node.Kind) || SyntaxFacts.IsTopLevelKind(item.Node.Kind)
            || item.Node.Kind is SyntaxKind.MetavariableStatement or SyntaxKind.DesignatedInitializer or SyntaxKind.Enumerator
            || IsInitializerElement(item.Node),
        ItemKind.Directive or ItemKind.InitComma or ItemKind.Comment => true,
        ItemKind.Token => IsStatementKeyword(item.Token.Kind),
        _ => false,
    };

    /// <summary>An element of an initializer list: spatch puts added elements on lines of their own.</summary>
    private static bool IsInitializerElement(SyntaxNode node) =>
        node.Parent is { Kind: SyntaxKind.SeparatedList } list && list.Parent?.Kind == SyntaxKind.InitializerList;

    /// <summary>Whether an added preprocessor line is "#if", "#ifdef", "#ifndef", "#elif", "#else" or "#endif".</summary>
    private static bool IsConditionalDirective(string line)
    {
        var rest = line.AsSpan().TrimStart();
        if (rest.IsEmpty || rest[0] != '#')
        {
            return false;
        }

        rest = rest[1..].TrimStart();
        return rest.StartsWith("if", StringComparison.Ordinal) || rest.StartsWith("el", StringComparison.Ordinal)
            || rest.StartsWith("endif", StringComparison.Ordinal);
    }

    private static bool IsStatementKeyword(SyntaxKind kind) => kind is SyntaxKind.IfKeyword or SyntaxKind.ElseKeyword or SyntaxKind.WhileKeyword
        or SyntaxKind.ForKeyword or SyntaxKind.DoKeyword or SyntaxKind.SwitchKeyword or SyntaxKind.ReturnKeyword or SyntaxKind.GotoKeyword
        or SyntaxKind.BreakKeyword or SyntaxKind.ContinueKeyword or SyntaxKind.CaseKeyword or SyntaxKind.DefaultKeyword;

    /// <summary>Line breaks before added code that follows its anchor, or after code that precedes it.</summary>
    private static int NewlinesAround(Item item, bool before)
    {
        if (item.Kind == ItemKind.Node && item.Node.Kind == SyntaxKind.FunctionDefinition)
        {
            return 2;
        }

        if (IsStatementLike(item))
        {
            return 1;
        }

        if (item.Kind is ItemKind.Token or ItemKind.Brace)
        {
            return (before ? item.Text == "}" : item.Text == "{") ? 1 : 0;
        }

        return 0;
    }

    /// <summary>Whether the next + line starts on a new line: after whole constructs and after ";", "{", "}".</summary>
    private static bool NewlineNeeded(List<Item> line)
    {
        var last = line[^1];
        return last.Kind switch
        {
            ItemKind.Token => last.Token.Kind is SyntaxKind.SemicolonToken or SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken,
            _ => true,
        };
    }


    private static bool SpaceNeededBefore(Item item) => item.Kind switch
    {
        ItemKind.ListComma or ItemKind.InitComma => false,
        ItemKind.Token => item.Token.Kind is not (SyntaxKind.CommaToken or SyntaxKind.SemicolonToken or SyntaxKind.OpenParenToken
            or SyntaxKind.CloseParenToken or SyntaxKind.DotToken or SyntaxKind.ArrowToken),
        _ => true,
    };

    private bool SpaceNeededAfter(Item item)
    {
        switch (item.Kind)
        {
            case ItemKind.ListComma:
                return false;
            case ItemKind.Token:
                var kind = item.Token.Kind;
                if (kind is SyntaxKind.OpenParenToken or SyntaxKind.DotToken or SyntaxKind.ArrowToken)
                {
                    return false;
                }

                if (kind is SyntaxKind.IfKeyword or SyntaxKind.ForKeyword or SyntaxKind.WhileKeyword or SyntaxKind.DoKeyword)
                {
                    Space();
                    return false;
                }

                return item.Token.Parent?.Kind != SyntaxKind.PrefixUnary;
            default:
                return true;
        }
    }

    /// <summary>Prints an item; true when what follows on the line must go to a new line.</summary>
    private bool PrintItem(Item item)
    {
        switch (item.Kind)
        {
            case ItemKind.Node:
                PrintAny(item.Node);
                return false;
            case ItemKind.Token:
                Token(item.Token);
                return item.Token.Kind is SyntaxKind.OpenBraceToken or SyntaxKind.ElseKeyword;
            case ItemKind.ListComma:
                Emit(",", PieceHint.SpaceOrNewline);
                return false;
            case ItemKind.InitComma:
                Emit(",");
                Space();
                return false;
            case ItemKind.Directive:
                _out.Add(new Piece(PieceKind.UnindentToColumn0, string.Empty));
                Emit(item.Text);
                return true;
            case ItemKind.Brace:
                Emit(item.Text);
                return item.Text == "{";
            case ItemKind.Comment:
                Emit(item.Text);
                return false;
            default:
                return false;
        }
    }

    // ---- Output ----

    private void Emit(string text, PieceHint hint = PieceHint.None)
    {
        if (_lineCommentOpen)
        {
            Newline();
        }

        _out.Add(new Piece(_code ? PieceKind.AddedCode : PieceKind.Added, text) { Hint = hint });
    }

    private void Space()
    {
        if (!_lineCommentOpen)
        {
            _out.Add(Piece.AddedSpace());
        }
    }

    private void Newline()
    {
        _lineCommentOpen = false;
        _out.Add(Piece.AddedNewline());
    }

    private void Indent() => _out.Add(new Piece(PieceKind.Indent, string.Empty));

    private void Unindent() => _out.Add(new Piece(PieceKind.Unindent, string.Empty));

    private void EatSpace() => _out.Add(new Piece(PieceKind.EatSpace, string.Empty));
}
