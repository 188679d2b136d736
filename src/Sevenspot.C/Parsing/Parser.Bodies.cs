namespace Sevenspot.C;

public sealed partial class Parser
{
    // The test of the options' body filter for this text; null reads every body.
    private FunctionBodyTest? _bodyTest;

    // By name id: names whose reading elsewhere may depend on how a body reads them (see PinnedNames).
    private bool[]? _pinnedNames;

    // The first token and the builder mark of the file-level item being parsed.
    private int _itemStart;
    private int _itemMark = -1;

    // Token ranges of the bodies kept unread, in file order.
    private List<(int First, int Last)>? _skippedBodies;

    /// <summary>The body of a function definition whose children start at <paramref name="mark"/>, then the definition.</summary>
    private void ParseFunctionBody(int mark)
    {
        if (mark == _itemMark && _pattern is null && !_failed && Kind == SyntaxKind.OpenBraceToken)
        {
            MarkFunctionSpatchDoesNotRead(_pos);
        }

        if (!TrySkipBody(mark))
        {
            int open = _pos;
            KeepOctalsInCallArguments(open);
            ParseCompoundStatement();
            FailAtInvalidOctal(open, _pos);
        }

        Finish(SyntaxKind.FunctionDefinition, mark);
    }

    /// <summary>
    /// A body holding an octal constant with a digit 8 or 9 ("08") is not read: spatch's lexer makes
    /// no number of it and its parser gives the function up, so rules find nothing in it. Unless the
    /// constant is inside the parentheses of a call ("foo(08);", "x = foo(1, bar(08));"): spatch then
    /// reads the callee as a macro whose arguments it skips, and the function is read (see
    /// <see cref="KeepOctalsInCallArguments"/>).
    /// </summary>
    private void FailAtInvalidOctal(int from, int to)
    {
        if (_failed || _pattern is not null)
        {
            return;
        }

        for (int t = from; t < to; t++)
        {
            ref var token = ref _tokens[t];
            if (token.Kind == SyntaxKind.IntegerLiteralToken && (token.Flags & TokenFlags.HasError) != 0)
            {
                Fail($"numeric octal constant contains digits beyond the radix: {_lexed.TextAt(t)}");
                _failToken = t;
                return;
            }
        }
    }

    /// <summary>
    /// A bad octal constant in the arguments of a call no longer counts as an error of the body
    /// opening at <paramref name="open"/>: spatch skips those arguments and matches the code around
    /// them ("- E;" removes "foo(08);", "- x = E;" removes "x = foo(08);").
    /// </summary>
    private void KeepOctalsInCallArguments(int open)
    {
        if (_failed || _pattern is not null || _lexed.Diagnostics.Count == 0 || Kind != SyntaxKind.OpenBraceToken)
        {
            return;
        }

        int close = MatchOf(open);
        for (int t = open + 1; t < close; t++)
        {
            ref var token = ref _tokens[t];
            if (token.Kind == SyntaxKind.IntegerLiteralToken && (token.Flags & TokenFlags.HasError) != 0 && IsInCallArguments(t, open))
            {
                token.Flags &= ~TokenFlags.HasError;
            }
        }
    }

    /// <summary>Whether token <paramref name="t"/> is inside parentheses opened just after a name, within its block.</summary>
    private bool IsInCallArguments(int t, int from)
    {
        int depth = 0;
        for (int i = t - 1; i > from; i--)
        {
            switch (_tokens[i].Kind)
            {
                case SyntaxKind.CloseParenToken:
                    depth++;
                    break;
                case SyntaxKind.OpenParenToken when depth > 0:
                    depth--;
                    break;
                case SyntaxKind.OpenParenToken when _tokens[i - 1].Kind == SyntaxKind.IdentifierToken:
                    return true;
                case SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken when depth == 0:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A body at file level that the body filter rules out becomes "{ }" around tokens left unread.
    /// Read all the same: a body whose reading could change the rest of the file (a typedef; a name
    /// in sizeof(name) somewhere, whose reading as a type depends on the file's uses of it as one;
    /// a name of a #define's text, whose body is parsed with the type names the file's code uses),
    /// a body holding a directive (its #if branches may need another reading of the whole function)
    /// or a malformed token (an error in it is part of the file's reading).
    /// </summary>
    private bool TrySkipBody(int mark)
    {
        if (_bodyTest is null || _pattern is not null || _failed || mark != _itemMark || Kind != SyntaxKind.OpenBraceToken)
        {
            return false;
        }

        int open = _pos;
        int close = MatchOf(open);
        if (close <= open || close >= _eof)
        {
            return false;
        }

        _pinnedNames ??= PinnedNames();
        var pinned = _pinnedNames;
        for (int t = open + 1; t <= close; t++)
        {
            ref var token = ref _tokens[t];
            if ((token.Flags & (TokenFlags.AfterDirective | TokenFlags.HasError)) != 0 || token.Kind == SyntaxKind.TypedefKeyword
                || (token.Kind == SyntaxKind.IdentifierToken && (uint)token.Name < (uint)pinned.Length && pinned[token.Name]))
            {
                return false;
            }
        }

        if (_bodyTest.Needs(_itemStart, close))
        {
            return false;
        }

        int body = _b.Mark;
        Eat();
        PushEmptyList();
        if (close > open + 1)
        {
            (_skippedBodies ??= []).Add((open + 1, close - 1));
        }

        _pos = close;
        Eat();
        Finish(SyntaxKind.CompoundStatement, body);
        return true;
    }

    /// <summary>Names written as sizeof(name) or alignof(name), and the words of the #defines' texts after their names.</summary>
    private bool[] PinnedNames()
    {
        var pinned = new bool[_names.Length];
        for (int t = 0; t + 3 < _eof; t++)
        {
            if (_tokens[t].Kind is SyntaxKind.SizeofKeyword or SyntaxKind.AlignofKeyword && _tokens[t + 1].Kind == SyntaxKind.OpenParenToken
                && _tokens[t + 2].Kind == SyntaxKind.IdentifierToken && _tokens[t + 3].Kind == SyntaxKind.CloseParenToken)
            {
                pinned[_tokens[t + 2].Name] = true;
            }
        }

        var bytes = _lexed.Text.Bytes;
        foreach (var directive in _lexed.Directives)
        {
            if (directive.Kind == DirectiveKind.Define)
            {
                PinWords(bytes.Slice(directive.Start, directive.End - directive.Start), pinned);
            }
        }

        return pinned;
    }

    // Every word of a #define after the defined name: its parameters and replacement (comments and literals included, to be safe).
    private void PinWords(ReadOnlySpan<byte> text, bool[] pinned)
    {
        int words = 0;
        int i = 0;
        while (i < text.Length)
        {
            byte c = text[i];
            if (char.IsAsciiLetter((char)c) || c == (byte)'_')
            {
                int start = i;
                while (i < text.Length && IsWordByte(text[i]))
                {
                    i++;
                }

                // The first two words are "define" and the name defined.
                if (++words > 2)
                {
                    int id = _lexed.Names.Find(text[start..i]);
                    if ((uint)id < (uint)pinned.Length)
                    {
                        pinned[id] = true;
                    }
                }

                continue;
            }

            if (char.IsAsciiDigit((char)c))
            {
                while (i < text.Length && IsWordByte(text[i]))
                {
                    i++;
                }

                continue;
            }

            i++;
        }
    }

    private static bool IsWordByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b == (byte)'_';

    /// <summary>Marks the tokens of the bodies left unread as outside the tree, for the tree this parser builds.</summary>
    private void DisableSkippedBodies()
    {
        if (_skippedBodies is null)
        {
            return;
        }

        foreach (var (first, last) in _skippedBodies)
        {
            for (int t = first; t <= last; t++)
            {
                _tokens[t].Kind = SyntaxKind.DisabledToken;
            }
        }
    }
}
