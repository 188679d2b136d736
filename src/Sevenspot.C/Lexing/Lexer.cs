using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// The C lexer. It works on the raw bytes of a file and produces a flat array of tokens;
/// whitespace, comments, line continuations and preprocessor lines are not tokens but the
/// gaps between them (trivia), so the token spans plus the gaps give back the file.
/// </summary>
public sealed partial class Lexer
{
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> s_charStops = SearchValues.Create("'\\\n"u8);
    private static readonly SearchValues<byte> s_directiveStops = SearchValues.Create("\n\\/\"'"u8);
    private static readonly SearchValues<byte> s_lineCommentStops = SearchValues.Create("\n\\"u8);

    // Punctuators that are one byte whatever follows them; None for every other byte.
    private static readonly SyntaxKind[] s_singleByteTokens = BuildSingleByteTokens();

    // PERF: tokens are gathered in a per-thread buffer that is reused from file to file, and copied
    // out at their exact count: no guess at the size to over-allocate, no large array zeroed per file.
    [ThreadStatic]
    private static TokenData[]? s_scratchTokens;

    // Buffers larger than this (in tokens; 16 MB) are not kept for the next file.
    private const int MaxKeptScratchTokens = 1 << 20;

    private readonly SourceText _text;
    private readonly byte[] _bytes;
    private readonly NameTable _names;
    private readonly List<Directive> _directives = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly IReadOnlyList<TextSpan> _disabled;
    private readonly List<bool> _conditionalIsTrue = [];
    private TokenData[] _tokens;
    private int _count;
    private int _disabledIndex;
    private int _firstOpenConditional = -1;

    private Lexer(SourceText text, NameTable names, IReadOnlyList<TextSpan> disabled)
    {
        _disabled = disabled;
        _text = text;
        _bytes = GetBytes(text);
        _names = names;
        _tokens = s_scratchTokens ?? new TokenData[64 * 1024];
        s_scratchTokens = null; // owned by this lexer until it finishes
    }

    // The lexer reads the SourceText's own array; SourceText never mutates it.
    private static byte[] GetBytes(SourceText text) => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(text.Memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
        ? segment.Array
        : text.Memory.ToArray();

    /// <summary>Lexes a whole text.</summary>
    public static LexedText Lex(SourceText text, NameTable? names = null) => Lex(text, [], names);

    /// <summary>
    /// Lexes a text with some byte ranges treated as skipped text (trivia), as if they were
    /// in an inactive #if branch. Ranges must be sorted and start inside trivia.
    /// </summary>
    public static LexedText Lex(SourceText text, IReadOnlyList<TextSpan> disabled, NameTable? names = null)
    {
        var lexer = new Lexer(text, names ?? new NameTable(), disabled);
        lexer.Run();
        var tokens = GC.AllocateUninitializedArray<TokenData>(lexer._count);
        lexer._tokens.AsSpan(0, lexer._count).CopyTo(tokens);
        if (lexer._tokens.Length <= MaxKeptScratchTokens)
        {
            s_scratchTokens = lexer._tokens;
        }

        return new LexedText(text, tokens, lexer._count, lexer._names, lexer._directives, lexer._diagnostics);
    }

    private void Run()
    {
        var src = _bytes;
        int n = src.Length;
        if (LooksBinary(src))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticId.BinaryFile, _text, new TextSpan(0, 0)));
            Emit(SyntaxKind.EndOfFileToken, TokenFlags.HasLeadingTrivia | TokenFlags.HasError, n, n, 0);
            return;
        }

        var table = CharClass.Table;
        int pos = 0;
        int nextDisabled = NextDisabledStart();
        // Directives and conditional groups are handled out of line: this loop keeps few variables,
        // so they stay in registers. AtLineStart in flags means no token yet on the current line.
        TokenFlags flags = TokenFlags.AtLineStart;
        while (true)
        {
            // Trivia.
            int triviaStart = pos;
            while (pos < n)
            {
                if (pos >= nextDisabled)
                {
                    pos = Math.Max(pos, _disabled[_disabledIndex].End);
                    _disabledIndex++;
                    nextDisabled = NextDisabledStart();
                    continue;
                }

                byte c = src[pos];
                if ((table[c] & CharClass.Space) != 0)
                {
                    // PERF: a run of spaces and tabs (indentation) in one tight loop.
                    do
                    {
                        pos++;
                    }
                    while (pos < n && pos < nextDisabled && (table[src[pos]] & CharClass.Space) != 0);
                    continue;
                }

                if (c == (byte)'\n')
                {
                    pos++;
                    flags |= TokenFlags.AtLineStart;
                    continue;
                }

                if (c == (byte)'/' && pos + 1 < n)
                {
                    byte d = src[pos + 1];
                    if (d == (byte)'*')
                    {
                        pos = SkipBlockComment(pos);
                        continue;
                    }

                    if (d == (byte)'/')
                    {
                        pos = SkipLineComment(pos);
                        continue;
                    }

                    break;
                }

                if (c == (byte)'\\')
                {
                    int after = LineContinuationEnd(pos);
                    if (after > pos)
                    {
                        pos = after;
                        continue;
                    }

                    break;
                }

                if (c == (byte)'#' && (flags & TokenFlags.AtLineStart) != 0)
                {
                    pos = LexDirective(pos);
                    flags |= TokenFlags.AfterDirective;
                    continue;
                }

                break;
            }

            if (pos > triviaStart)
            {
                flags |= TokenFlags.HasLeadingTrivia;
            }

            if (pos >= n)
            {
                Emit(SyntaxKind.EndOfFileToken, flags, n, n, 0);
                break;
            }

            // PERF: one-byte punctuators (about a third of all tokens) are emitted here without a
            // call, and names, the most common tokens, have their own lean method.
            byte first = src[pos];
            var single = s_singleByteTokens[first];
            if (single != SyntaxKind.None)
            {
                Emit(single, flags, pos, pos + 1, 0);
                pos++;
            }
            else
            {
                pos = (table[first] & CharClass.IdentStart) != 0 ? ScanName(pos, flags) : ScanToken(pos, flags);
            }

            flags = TokenFlags.None;
        }

        if (_conditionalIsTrue.Count > 0)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticId.UnterminatedConditional, _text, new TextSpan(_firstOpenConditional, 1), "if"));
        }
    }

    /// <summary>
    /// A directive line starting at <paramref name="start"/>: records it, keeps track of conditional
    /// groups, and skips the groups read as comments. Returns the offset after the skipped text.
    /// </summary>
    private int LexDirective(int start)
    {
        int pos = SkipDirective(start, out var kind);
        _directives.Add(new Directive(kind, start, pos, _count));
        switch (kind)
        {
            case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                if (_conditionalIsTrue.Count == 0)
                {
                    _firstOpenConditional = start;
                }

                // Like spatch, code under "#if 0" is read as a comment, and so is the
                // #else branch of "#if 1".
                int literal = kind == DirectiveKind.If ? LiteralCondition(_bytes.AsSpan(start, pos - start)) : -1;
                _conditionalIsTrue.Add(literal == 1);
                if (literal == 0)
                {
                    pos = SkipInactiveGroup(pos, stopAtElse: true);
                }

                break;
            case DirectiveKind.Elif or DirectiveKind.Else:
                if (_conditionalIsTrue.Count > 0 && _conditionalIsTrue[^1])
                {
                    pos = SkipInactiveGroup(pos, stopAtElse: false);
                }

                break;
            case DirectiveKind.Endif:
                if (_conditionalIsTrue.Count == 0)
                {
                    _diagnostics.Add(new Diagnostic(DiagnosticId.UnmatchedConditional, _text, new TextSpan(start, 1), "endif"));
                }
                else
                {
                    _conditionalIsTrue.RemoveAt(_conditionalIsTrue.Count - 1);
                }

                break;
        }

        return pos;
    }

    private static SyntaxKind[] BuildSingleByteTokens()
    {
        var kinds = new SyntaxKind[256];
        kinds['('] = SyntaxKind.OpenParenToken;
        kinds[')'] = SyntaxKind.CloseParenToken;
        kinds['{'] = SyntaxKind.OpenBraceToken;
        kinds['}'] = SyntaxKind.CloseBraceToken;
        kinds['['] = SyntaxKind.OpenBracketToken;
        kinds[']'] = SyntaxKind.CloseBracketToken;
        kinds[';'] = SyntaxKind.SemicolonToken;
        kinds[','] = SyntaxKind.CommaToken;
        kinds['~'] = SyntaxKind.TildeToken;
        kinds['?'] = SyntaxKind.QuestionToken;
        kinds[':'] = SyntaxKind.ColonToken;
        return kinds;
    }

    private int NextDisabledStart() => _disabledIndex < _disabled.Count ? _disabled[_disabledIndex].Start : int.MaxValue;

    private static bool LooksBinary(byte[] src)
    {
        // Like diff and grep: a NUL byte near the start means binary data.
        int probe = Math.Min(src.Length, 8000);
        return src.AsSpan(0, probe).IndexOf((byte)0) >= 0 && src.AsSpan(0, probe).Count((byte)0) > probe / 64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Emit(SyntaxKind kind, TokenFlags flags, int start, int end, int name)
    {
        if (_count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        ref var t = ref _tokens[_count++];
        t.Kind = kind;
        t.Flags = flags;
        t.Start = start;
        t.End = end;
        t.Name = name;
    }

    /// <summary>An identifier or keyword, or a literal with a prefix (L"x", u8'c').</summary>
    private int ScanName(int start, TokenFlags flags)
    {
        var src = _bytes;
        var table = CharClass.Table;
        int pos = start + 1;
        while ((uint)pos < (uint)src.Length && (table[src[pos]] & CharClass.AsciiIdentPart) != 0)
        {
            pos++;
        }

        bool ascii = src[start] < 0x80;
        if (pos < src.Length && src[pos] >= 0x80)
        {
            // Rare: a name with UTF-8 (or invalid) bytes.
            ascii = false;
            while (pos < src.Length && (table[src[pos]] & CharClass.IdentPart) != 0)
            {
                pos++;
            }
        }

        if (pos < src.Length && (src[pos] == (byte)'"' || src[pos] == (byte)'\'') && IsLiteralPrefix(src.AsSpan(start, pos - start)))
        {
            return src[pos] == (byte)'"' ? ScanString(start, pos, flags) : ScanChar(start, pos, flags);
        }

        if (pos + 2 < src.Length && src[pos] == (byte)':' && src[pos + 1] == (byte)':')
        {
            pos = ScanQualifiedName(pos, ref ascii);
        }

        var name = src.AsSpan(start, pos - start);
        if (!ascii && !Utf8.IsValid(name))
        {
            return InvalidUtf8Name(start, pos, flags);
        }

        int id = _names.Intern(name, NameTable.Hash(name));
        Emit(_names.GetKind(id), flags, start, pos, id);
        return pos;
    }

    /// <summary>
    /// The rest of a qualified name, from the "::" at <paramref name="pos"/>: "A::f", "A::B::g",
    /// "A::~A". As in spatch, a name and the "::" parts glued to it make one identifier, in C files
    /// too (no C code has a name followed at once by "::"); a "::" with blanks around it, or not
    /// followed by a name, is left to the punctuators. Returns the offset after the name.
    /// </summary>
    private int ScanQualifiedName(int pos, ref bool ascii)
    {
        var src = _bytes;
        var table = CharClass.Table;
        while (pos + 2 < src.Length && src[pos] == (byte)':' && src[pos + 1] == (byte)':')
        {
            int part = src[pos + 2] == (byte)'~' ? pos + 3 : pos + 2;
            if (part >= src.Length || (table[src[part]] & CharClass.IdentStart) == 0)
            {
                break;
            }

            pos = part + 1;
            while (pos < src.Length && (table[src[pos]] & CharClass.IdentPart) != 0)
            {
                ascii &= src[pos] < 0x80;
                pos++;
            }

            ascii &= src[part] < 0x80;
        }

        return pos;
    }

    /// <summary>Numbers, literals without a prefix, punctuators of one or more bytes, and stray bytes.</summary>
    private int ScanToken(int pos, TokenFlags flags)
    {
        var src = _bytes;
        int n = src.Length;
        var table = CharClass.Table;
        byte c = src[pos];
        int start = pos;
        byte cls = table[c];
        if ((cls & CharClass.Digit) != 0)
        {
            return ScanNumber(pos, flags);
        }

        SyntaxKind kind;
        int length = 1;
        byte next = pos + 1 < n ? src[pos + 1] : (byte)0;
        switch (c)
        {
            case (byte)'"':
                return ScanString(pos, pos, flags);
            case (byte)'\'':
                return ScanChar(pos, pos, flags);
            // One-byte punctuators ( ) { } [ ] ; , ~ ? : never get here: Run emits them.
            case (byte)'.':
                if (next >= (byte)'0' && next <= (byte)'9')
                {
                    return ScanNumber(pos, flags);
                }

                if (next == (byte)'.' && pos + 2 < n && src[pos + 2] == (byte)'.')
                {
                    kind = SyntaxKind.EllipsisToken;
                    length = 3;
                }
                else
                {
                    kind = SyntaxKind.DotToken;
                }

                break;
            case (byte)'-':
                (kind, length) = next switch
                {
                    (byte)'>' => (SyntaxKind.ArrowToken, 2),
                    (byte)'-' => (SyntaxKind.MinusMinusToken, 2),
                    (byte)'=' => (SyntaxKind.MinusEqualsToken, 2),
                    _ => (SyntaxKind.MinusToken, 1),
                };
                break;
            case (byte)'+':
                (kind, length) = next switch
                {
                    (byte)'+' => (SyntaxKind.PlusPlusToken, 2),
                    (byte)'=' => (SyntaxKind.PlusEqualsToken, 2),
                    _ => (SyntaxKind.PlusToken, 1),
                };
                break;
            case (byte)'&':
                (kind, length) = next switch
                {
                    (byte)'&' => (SyntaxKind.AmpersandAmpersandToken, 2),
                    (byte)'=' => (SyntaxKind.AmpersandEqualsToken, 2),
                    _ => (SyntaxKind.AmpersandToken, 1),
                };
                break;
            case (byte)'|':
                (kind, length) = next switch
                {
                    (byte)'|' => (SyntaxKind.BarBarToken, 2),
                    (byte)'=' => (SyntaxKind.BarEqualsToken, 2),
                    _ => (SyntaxKind.BarToken, 1),
                };
                break;
            case (byte)'*':
                (kind, length) = next == (byte)'=' ? (SyntaxKind.AsteriskEqualsToken, 2) : (SyntaxKind.AsteriskToken, 1);
                break;
            case (byte)'/':
                (kind, length) = next == (byte)'=' ? (SyntaxKind.SlashEqualsToken, 2) : (SyntaxKind.SlashToken, 1);
                break;
            case (byte)'%':
                (kind, length) = next == (byte)'=' ? (SyntaxKind.PercentEqualsToken, 2) : (SyntaxKind.PercentToken, 1);
                break;
            case (byte)'^':
                (kind, length) = next == (byte)'=' ? (SyntaxKind.CaretEqualsToken, 2) : (SyntaxKind.CaretToken, 1);
                break;
            case (byte)'!':
                (kind, length) = next == (byte)'=' ? (SyntaxKind.ExclamationEqualsToken, 2) : (SyntaxKind.ExclamationToken, 1);
                break;
            case (byte)'=':
                (kind, length) = next == (byte)'=' ? (SyntaxKind.EqualsEqualsToken, 2) : (SyntaxKind.EqualsToken, 1);
                break;
            case (byte)'<':
                if (next == (byte)'<')
                {
                    (kind, length) = pos + 2 < n && src[pos + 2] == (byte)'=' ? (SyntaxKind.LessThanLessThanEqualsToken, 3) : (SyntaxKind.LessThanLessThanToken, 2);
                }
                else if (next == (byte)'?')
                {
                    // gcc's minimum operator (a <? b, a <?= b): '?' cannot begin an operand, so this never splits C.
                    (kind, length) = pos + 2 < n && src[pos + 2] == (byte)'=' ? (SyntaxKind.LessThanQuestionEqualsToken, 3) : (SyntaxKind.LessThanQuestionToken, 2);
                }
                else
                {
                    (kind, length) = next == (byte)'=' ? (SyntaxKind.LessThanEqualsToken, 2) : (SyntaxKind.LessThanToken, 1);
                }

                break;
            case (byte)'>':
                if (next == (byte)'>')
                {
                    (kind, length) = pos + 2 < n && src[pos + 2] == (byte)'=' ? (SyntaxKind.GreaterThanGreaterThanEqualsToken, 3) : (SyntaxKind.GreaterThanGreaterThanToken, 2);
                }
                else if (next == (byte)'?')
                {
                    // gcc's maximum operator (a >? b, a >?= b)
                    (kind, length) = pos + 2 < n && src[pos + 2] == (byte)'=' ? (SyntaxKind.GreaterThanQuestionEqualsToken, 3) : (SyntaxKind.GreaterThanQuestionToken, 2);
                }
                else
                {
                    (kind, length) = next == (byte)'=' ? (SyntaxKind.GreaterThanEqualsToken, 2) : (SyntaxKind.GreaterThanToken, 1);
                }

                break;
            case (byte)'#':
                (kind, length) = next == (byte)'#' ? (SyntaxKind.HashHashToken, 2) : (SyntaxKind.HashToken, 1);
                break;
            default:
                return ScanBad(pos, flags);
        }

        Emit(kind, flags, start, start + length, 0);
        return start + length;
    }

    private static bool IsLiteralPrefix(ReadOnlySpan<byte> ident) =>
        ident.Length switch
        {
            1 => ident[0] is (byte)'L' or (byte)'u' or (byte)'U',
            2 => ident[0] == (byte)'u' && ident[1] == (byte)'8',
            _ => false,
        };

    private int ScanNumber(int pos, TokenFlags flags)
    {
        // A preprocessing number: digits, letters, '_', '.', and signs after e/E/p/P.
        var src = _bytes;
        int n = src.Length;
        int start = pos;
        bool isHex = src[pos] == (byte)'0' && pos + 1 < n && (src[pos + 1] | 0x20) == (byte)'x';
        bool isFloat = false;
        var table = CharClass.Table;
        while (pos < n)
        {
            byte c = src[pos];
            if ((table[c] & CharClass.IdentPart) != 0 && c < 0x80)
            {
                byte lower = (byte)(c | 0x20);
                if ((lower == (byte)'e' && !isHex) || (lower == (byte)'p' && isHex))
                {
                    // An exponent, signed or not, makes a float: 1e10, 0x1p3.
                    isFloat = true;
                    if (pos + 1 < n && (src[pos + 1] == (byte)'+' || src[pos + 1] == (byte)'-'))
                    {
                        pos += 2;
                        continue;
                    }
                }

                pos++;
            }
            else if (c == (byte)'.')
            {
                isFloat = true;
                pos++;
            }
            else if (c == (byte)'\'' && pos + 1 < n && (table[src[pos + 1]] & CharClass.IdentPart) != 0 && src[pos + 1] < 0x80)
            {
                pos++; // C23 digit separator
            }
            else
            {
                break;
            }
        }

        if (!isFloat && !isHex && src[start] == (byte)'0' && HasDigitBeyondOctal(src, start + 1, pos))
        {
            // "08" is no number: spatch's lexer stops there, and the function holding it is not read.
            flags |= TokenFlags.HasError;
            _diagnostics.Add(new Diagnostic(DiagnosticId.InvalidOctalConstant, _text, new TextSpan(start, pos - start), Encoding.UTF8.GetString(src, start, pos - start)));
        }

        Emit(isFloat ? SyntaxKind.FloatLiteralToken : SyntaxKind.IntegerLiteralToken, flags, start, pos, 0);
        return pos;
    }

    /// <summary>
    /// Whether an octal constant (after its leading 0) is digits only, an 8 or a 9 among them. With a
    /// suffix ("09u", "08L") spatch reads the constant, so it is no error.
    /// </summary>
    private static bool HasDigitBeyondOctal(ReadOnlySpan<byte> src, int from, int end)
    {
        bool beyond = false;
        for (int i = from; i < end; i++)
        {
            if (src[i] is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            beyond |= src[i] >= (byte)'8';
        }

        return beyond;
    }

    private int ScanString(int start, int quote, TokenFlags flags)
    {
        var src = _bytes;
        int pos = quote + 1;
        while (true)
        {
            int stop = src.AsSpan(pos).IndexOfAny(s_stringStops);
            if (stop < 0)
            {
                return Unterminated(DiagnosticId.UnterminatedString, start, src.Length, flags);
            }

            pos += stop;
            byte c = src[pos];
            if (c == (byte)'"')
            {
                Emit(SyntaxKind.StringLiteralToken, flags, start, pos + 1, 0);
                return pos + 1;
            }

            if (c == (byte)'\n')
            {
                return Unterminated(DiagnosticId.UnterminatedString, start, EndBeforeNewline(pos), flags);
            }

            // Backslash: skip the escaped byte (a newline here is a line continuation).
            pos = pos + 1 < src.Length && src[pos + 1] == (byte)'\r' && pos + 2 < src.Length && src[pos + 2] == (byte)'\n' ? pos + 3 : pos + 2;
            if (pos > src.Length)
            {
                return Unterminated(DiagnosticId.UnterminatedString, start, src.Length, flags);
            }
        }
    }

    private int ScanChar(int start, int quote, TokenFlags flags)
    {
        var src = _bytes;
        int pos = quote + 1;
        while (true)
        {
            int stop = src.AsSpan(pos).IndexOfAny(s_charStops);
            if (stop < 0)
            {
                return Unterminated(DiagnosticId.UnterminatedCharacter, start, src.Length, flags);
            }

            pos += stop;
            byte c = src[pos];
            if (c == (byte)'\'')
            {
                Emit(SyntaxKind.CharLiteralToken, flags, start, pos + 1, 0);
                return pos + 1;
            }

            if (c == (byte)'\n')
            {
                return Unterminated(DiagnosticId.UnterminatedCharacter, start, EndBeforeNewline(pos), flags);
            }

            pos += 2;
            if (pos > src.Length)
            {
                return Unterminated(DiagnosticId.UnterminatedCharacter, start, src.Length, flags);
            }
        }
    }

    private int EndBeforeNewline(int newline) => newline > 0 && _bytes[newline - 1] == (byte)'\r' ? newline - 1 : newline;

    private int Unterminated(DiagnosticId id, int start, int end, TokenFlags flags)
    {
        _diagnostics.Add(new Diagnostic(id, _text, TextSpan.FromBounds(start, end)));
        var kind = id == DiagnosticId.UnterminatedString ? SyntaxKind.StringLiteralToken : SyntaxKind.CharLiteralToken;
        Emit(kind, flags | TokenFlags.HasError, start, end, 0);
        return end;
    }

    private int ScanBad(int pos, TokenFlags flags)
    {
        var src = _bytes;
        int start = pos;
        byte first = src[pos];
        // Group a run of stray bytes of the same sort (NULs, or other control/ASCII punctuation
        // such as '@' and '`') into one token, so a run of garbage costs one token, not many.
        do
        {
            pos++;
        }
        while (pos < src.Length && IsStray(src[pos]) && (src[pos] == 0) == (first == 0));

        var id = first == 0 ? DiagnosticId.NulCharacter : DiagnosticId.UnexpectedCharacter;
        _diagnostics.Add(new Diagnostic(id, _text, TextSpan.FromBounds(start, pos), first < 0x20 ? $"\\{Convert.ToString(first, 8)}" : ((char)first).ToString()));
        Emit(SyntaxKind.BadToken, flags | TokenFlags.HasError, start, pos, 0);
        return pos;
    }

    /// <summary>A name with bytes that are not UTF-8 (Latin-1 text, binary data): one bad token, reported like gcc does.</summary>
    private int InvalidUtf8Name(int start, int end, TokenFlags flags)
    {
        var name = _bytes.AsSpan(start, end - start);
        int offset = 0;
        while (Rune.DecodeFromUtf8(name[offset..], out _, out int length) == OperationStatus.Done)
        {
            offset += length;
        }

        _diagnostics.Add(new Diagnostic(DiagnosticId.UnexpectedCharacter, _text, new TextSpan(start + offset, 1), $"\\{Convert.ToString(name[offset], 8)}"));
        Emit(SyntaxKind.BadToken, flags | TokenFlags.HasError, start, end, 0);
        return end;
    }

    private static bool IsStray(byte c) => c is 0 or (byte)'@' or (byte)'`' || (c < 0x20 && c != (byte)'\n' && (CharClass.Table[c] & CharClass.Space) == 0);

    /// <summary>If a backslash-newline starts at pos, the offset after it; otherwise pos.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LineContinuationEnd(int pos)
    {
        var src = _bytes;
        int p = pos + 1;
        // Allow spaces between the backslash and the newline, as gcc does (with a warning).
        while (p < src.Length && (src[p] == (byte)' ' || src[p] == (byte)'\t' || src[p] == (byte)'\r'))
        {
            p++;
        }

        return p < src.Length && src[p] == (byte)'\n' ? p + 1 : pos;
    }

    private int SkipBlockComment(int pos)
    {
        int end = _bytes.AsSpan(pos + 2).IndexOf("*/"u8);
        if (end < 0)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticId.UnterminatedComment, _text, new TextSpan(pos, 2)));
            return _bytes.Length;
        }

        return pos + 2 + end + 2;
    }

    private int SkipLineComment(int pos)
    {
        var src = _bytes;
        pos += 2;
        while (true)
        {
            int stop = src.AsSpan(pos).IndexOfAny(s_lineCommentStops);
            if (stop < 0)
            {
                return src.Length;
            }

            pos += stop;
            if (src[pos] == (byte)'\n')
            {
                return pos; // the newline itself is trivia that follows
            }

            // A backslash-newline continues a // comment onto the next line.
            int after = LineContinuationEnd(pos);
            pos = after > pos ? after : pos + 1;
        }
    }

    private int SkipDirective(int pos, out DirectiveKind kind)
    {
        var src = _bytes;
        int n = src.Length;
        kind = ReadDirectiveKind(pos + 1);
        pos++;
        while (true)
        {
            int stop = src.AsSpan(pos).IndexOfAny(s_directiveStops);
            if (stop < 0)
            {
                return n;
            }

            pos += stop;
            switch (src[pos])
            {
                case (byte)'\n':
                    return pos;
                case (byte)'\\':
                    int after = LineContinuationEnd(pos);
                    pos = after > pos ? after : pos + 1;
                    break;
                case (byte)'/':
                    if (pos + 1 < n && src[pos + 1] == (byte)'*')
                    {
                        pos = SkipBlockComment(pos);
                    }
                    else if (pos + 1 < n && src[pos + 1] == (byte)'/')
                    {
                        return SkipLineComment(pos);
                    }
                    else
                    {
                        pos++;
                    }

                    break;
                default:
                    // A quoted string or character: skip it, but never past the end of the line
                    // (#error don't ... has a lone apostrophe).
                    pos = SkipQuotedInDirective(pos);
                    break;
            }
        }
    }

    private int SkipQuotedInDirective(int pos)
    {
        var src = _bytes;
        byte quote = src[pos];
        int p = pos + 1;
        while (p < src.Length)
        {
            byte c = src[p];
            if (c == quote)
            {
                return p + 1;
            }

            if (c == (byte)'\n')
            {
                return p;
            }

            if (c == (byte)'\\' && p + 1 < src.Length)
            {
                int after = LineContinuationEnd(p);
                p = after > p ? after : p + 2;
                continue;
            }

            p++;
        }

        return p;
    }

    /// <summary>
    /// For an #if line whose condition starts with a literal, as spatch's lexer reads it: 0 when the
    /// condition starts with '0' ("#if 0", "#if 00", "#if 08", "#if 0 && X", "#if 0x1"), 1 when it
    /// starts with '1' ("#if 1", "#if 10", "#if 1 || X"), otherwise -1. The group of a 0 is read as a
    /// comment, and so is the #else of a 1. <paramref name="line"/> is the directive from its '#'.
    /// </summary>
    internal static int LiteralCondition(ReadOnlySpan<byte> line)
    {
        int i = SkipBlanks(line, 0);
        if (i < line.Length && line[i] == (byte)'#')
        {
            i = SkipBlanks(line, i + 1);
        }

        if (i + 2 > line.Length || line[i] != (byte)'i' || line[i + 1] != (byte)'f')
        {
            return -1;
        }

        i = SkipBlanks(line, i + 2);
        return i < line.Length && line[i] is (byte)'0' or (byte)'1' ? line[i] - (byte)'0' : -1;

        static int SkipBlanks(ReadOnlySpan<byte> line, int i)
        {
            while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }

            return i;
        }
    }

    /// <summary>
    /// From the end of a directive line, skips an inactive branch: up to the start of the line of
    /// the matching #endif (or #else/#elif when <paramref name="stopAtElse"/>), nested groups included.
    /// </summary>
    private int SkipInactiveGroup(int pos, bool stopAtElse)
    {
        var src = _bytes;
        int depth = 0;
        while (pos < src.Length)
        {
            int newline = src.AsSpan(pos).IndexOf((byte)'\n');
            if (newline < 0)
            {
                return src.Length;
            }

            int lineStart = pos + newline + 1;
            int p = lineStart;
            while (p < src.Length && (src[p] == (byte)' ' || src[p] == (byte)'\t'))
            {
                p++;
            }

            pos = lineStart;
            if (p >= src.Length || src[p] != (byte)'#')
            {
                continue;
            }

            switch (ReadDirectiveKind(p + 1))
            {
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    depth++;
                    break;
                case DirectiveKind.Endif:
                    if (depth == 0)
                    {
                        return lineStart;
                    }

                    depth--;
                    break;
                case DirectiveKind.Else or DirectiveKind.Elif:
                    if (depth == 0 && stopAtElse)
                    {
                        return lineStart;
                    }

                    break;
            }
        }

        return src.Length;
    }

    private DirectiveKind ReadDirectiveKind(int pos)
    {
        var src = _bytes;
        while (pos < src.Length && (src[pos] == (byte)' ' || src[pos] == (byte)'\t'))
        {
            pos++;
        }

        int start = pos;
        while (pos < src.Length && src[pos] >= (byte)'a' && src[pos] <= (byte)'z')
        {
            pos++;
        }

        var word = src.AsSpan(start, pos - start);
        return word switch
        {
            _ when word.SequenceEqual("if"u8) => DirectiveKind.If,
            _ when word.SequenceEqual("ifdef"u8) => DirectiveKind.Ifdef,
            _ when word.SequenceEqual("ifndef"u8) => DirectiveKind.Ifndef,
            _ when word.SequenceEqual("elif"u8) => DirectiveKind.Elif,
            _ when word.SequenceEqual("else"u8) => DirectiveKind.Else,
            _ when word.SequenceEqual("endif"u8) => DirectiveKind.Endif,
            _ when word.SequenceEqual("define"u8) => DirectiveKind.Define,
            _ when word.SequenceEqual("undef"u8) => DirectiveKind.Undef,
            _ when word.SequenceEqual("include"u8) => DirectiveKind.Include,
            _ => DirectiveKind.Other,
        };
    }
}
