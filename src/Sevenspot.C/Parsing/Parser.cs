using System.Buffers;
using System.Runtime.CompilerServices;
using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// A hand-written recursive-descent parser for unpreprocessed C as kernel developers write it.
/// It never throws on bad input: a construct that fails is rolled back and re-read as an error
/// node (statement level inside functions, item level at file scope), and the rest of the file
/// is still parsed.
/// </summary>
public sealed partial class Parser
{
    private readonly LexedText _lexed;
    private readonly TokenData[] _tokens;
    private readonly int _eof;
    private readonly int[] _match; // rented; valid below _lexed.Count
    private readonly SyntaxTreeBuilder _b = new();
    private readonly List<Diagnostic> _diagnostics;
    private readonly ParseOptions _options;
    private readonly NameInfo[] _names;
    private int _pos;
    private int _depth;

    // Set when the construct being parsed has failed; the nearest recovery point rolls back.
    private bool _failed;
    private int _failToken;
    private string _failReason = string.Empty;
    private ParseFailureKind _failKind;

    // Names the file itself #defines as MACROANNOTATION; null when there are none.
    private HashSet<string>? _annotationNames;

    private Parser(LexedText lexed, ParseOptions options)
    {
        _lexed = lexed;
        _tokens = lexed.Tokens;
        _eof = lexed.Count - 1;
        _options = options;
        _diagnostics = [.. lexed.Diagnostics];
        _names = new NameInfo[lexed.Names.Count];
        _match = ComputeMatches(_tokens, lexed.Count);
        MarkAnnotationDefines();
        _bodyTest = options.BodyFilter?.For(lexed);
    }

    /// <summary>
    /// "#define NAME MACROANNOTATION" in the file itself declares NAME an attribute word, as in a
    /// macro file.
    /// </summary>
    private void MarkAnnotationDefines()
    {
        foreach (var directive in _lexed.Directives)
        {
            if (directive.Kind != DirectiveKind.Define)
            {
                continue;
            }

            var text = _lexed.Text.Bytes.Slice(directive.Start, directive.End - directive.Start);
            if (MacroTable.AnnotationDefineName(text) is { } name)
            {
                (_annotationNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }
        }
    }

    /// <summary>Parses a C file.</summary>
    public static SyntaxTree Parse(SourceText text, ParseOptions? options = null) => Parse(text, options, names: null);

    /// <summary>
    /// Parses a C text whose names are interned into <paramref name="names"/> (a new table when null):
    /// many small texts of one file (its #define bodies) share one table instead of each copying the
    /// table of keywords. The table grows with every text parsed into it; ids stay those of the first
    /// text that interned a spelling. With null, each lexing of the text gets a table of its own.
    /// </summary>
    public static SyntaxTree Parse(SourceText text, ParseOptions? options, NameTable? names)
    {
        options ??= ParseOptions.Default;
        var lexed = Lexer.Lex(text, names);

        // Small #if groups inside a construct keep only their first branch, as in spatch.
        var mid = ConditionalMid.DisabledRanges(lexed);
        if (mid is not null)
        {
            lexed = lexed.Without(mid);
        }

        var tree = ParseLexed(lexed, options);
        if (options.RetryWithConditionalBranches && tree.Root.ContainsErrors && ConditionalRetry.TryGetDisabledRanges(tree, out var disabled))
        {
            if (mid is not null)
            {
                disabled = ConditionalRetry.Merge([.. disabled, .. mid]);
            }

            var retried = ParseLexed(Lexer.Lex(text, disabled, names), options);
            if (CountErrorItems(retried) < CountErrorItems(tree))
            {
                return retried;
            }
        }

        return tree;
    }

    public static SyntaxTree Parse(string text, string path = "input.c", ParseOptions? options = null) => Parse(SourceText.FromString(path, text), options);

    internal static SyntaxTree ParseLexed(LexedText lexed, ParseOptions options)
    {
        var parser = new Parser(lexed, options);
        try
        {
            parser.ParseCompilationUnit();
            var sizeofTypes = parser.SizeofTypeNames();
            if (sizeofTypes is null)
            {
                parser.DisableSkippedBodies();
                return parser._b.Build(lexed, parser._diagnostics);
            }

            // PERF: read again only files where sizeof(name) met a name the file also writes as a
            // type, now knowing it is one (spatch knows the file's types before it reads a function).
            var second = new Parser(lexed, options);
            try
            {
                foreach (int id in sizeofTypes)
                {
                    second._names[id].SizeofType = true;
                }

                second.ParseCompilationUnit();
                second.DisableSkippedBodies();
                return second._b.Build(lexed, second._diagnostics);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(second._match);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(parser._match);
        }
    }

    private static int CountErrorItems(SyntaxTree tree)
    {
        int count = 0;
        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.ContainsErrors)
            {
                count++;
            }
        }

        return count;
    }

    // ---- Tokens ----

    private SyntaxKind Kind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _tokens[_pos].Kind;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SyntaxKind PeekKind(int offset = 1)
    {
        int i = _pos + offset;
        return i < _eof ? _tokens[i].Kind : SyntaxKind.EndOfFileToken;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SyntaxKind KindAt(int index) => index < _eof && index >= 0 ? _tokens[index].Kind : SyntaxKind.EndOfFileToken;

    private bool AtLineStart(int index) => index >= _eof || (_tokens[index].Flags & TokenFlags.AtLineStart) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Eat()
    {
        _b.PushToken(_pos);
        if (_pos < _eof)
        {
            _pos++;
        }
    }

    private bool TryEat(SyntaxKind kind)
    {
        if (Kind == kind)
        {
            Eat();
            return true;
        }

        return false;
    }

    /// <summary>Pushes the expected token, or an absent slot and a failure.</summary>
    private void Expect(SyntaxKind kind)
    {
        if (Kind == kind)
        {
            Eat();
            return;
        }

        Fail($"expected '{SyntaxFacts.GetText(kind)}' before {Describe(_pos)}");
        _b.PushAbsent();
    }

    private void Fail(string reason) => Fail(ParseFailureKind.Syntax, reason);

    private void Fail(ParseFailureKind kind, string reason)
    {
        if (!_failed)
        {
            _failed = true;
            _failToken = _pos;
            _failReason = reason;
            _failKind = kind;
        }
    }

    private string Describe(int index)
    {
        var kind = KindAt(index);
        if (kind == SyntaxKind.EndOfFileToken)
        {
            return "end of file";
        }

        string text = _lexed.TextAt(index);
        if (text.Length > 40)
        {
            text = text[..40] + "...";
        }

        return $"'{text}'";
    }

    /// <summary>Pushes an empty list node, for a list slot with nothing in it.</summary>
    private void PushEmptyList(SyntaxKind kind = SyntaxKind.List) => Finish(kind, _b.Mark);

    private void Finish(SyntaxKind kind, int mark, bool error = false) => _b.Finish(kind, mark, _pos, _tokens, error);

    /// <summary>The index of the bracket matching the one at index, or -1.</summary>
    private int MatchOf(int index) => (uint)index < (uint)_lexed.Count ? _match[index] : -1;

    /// <summary>Pairs (), [] and {} once per file so heuristics can look past a bracketed group in O(1).</summary>
    private static int[] ComputeMatches(TokenData[] tokens, int count)
    {
        // PERF: both arrays are rented; the parser returns the result when it is done.
        var match = ArrayPool<int>.Shared.Rent(count);
        var stack = ArrayPool<int>.Shared.Rent(count);
        int depth = 0;
        for (int i = 0; i < count; i++)
        {
            match[i] = -1;
            var kind = tokens[i].Kind;
            switch (kind)
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken:
                    stack[depth++] = i;
                    break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    var open = kind switch
                    {
                        SyntaxKind.CloseParenToken => SyntaxKind.OpenParenToken,
                        SyntaxKind.CloseBracketToken => SyntaxKind.OpenBracketToken,
                        _ => SyntaxKind.OpenBraceToken,
                    };
                    // Unbalanced code (often from #ifdef branches): drop unmatched openers of
                    // other kinds, but never let a ')' close past a '{'.
                    while (depth > 0 && tokens[stack[depth - 1]].Kind != open && !(open != SyntaxKind.OpenBraceToken && tokens[stack[depth - 1]].Kind == SyntaxKind.OpenBraceToken))
                    {
                        depth--;
                    }

                    if (depth > 0 && tokens[stack[depth - 1]].Kind == open)
                    {
                        int o = stack[--depth];
                        match[o] = i;
                        match[i] = o;
                    }

                    break;
            }
        }

        ArrayPool<int>.Shared.Return(stack);
        return match;
    }

    // ---- Depth ----

    /// <summary>Enters one nesting level; false (and a failure) when too deep.</summary>
    private bool Enter()
    {
        if (++_depth > _options.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Fail(ParseFailureKind.NestingTooDeep, DiagnosticMessages.GetFormat(DiagnosticId.NestingTooDeep));
            return false;
        }

        return true;
    }

    private void Leave() => _depth--;

    // ---- Recovery ----

    private readonly record struct RecoveryPoint(SyntaxTreeBuilder.Checkpoint Builder, int Position, int Diagnostics, int Depth);

    private RecoveryPoint SaveRecovery() => new(_b.Save(), _pos, _diagnostics.Count, _depth);

    private void Restore(RecoveryPoint p)
    {
        _b.Restore(p.Builder);
        _pos = p.Position;
        _depth = p.Depth;
        if (_diagnostics.Count > p.Diagnostics)
        {
            _diagnostics.RemoveRange(p.Diagnostics, _diagnostics.Count - p.Diagnostics);
        }
    }

    /// <summary>Clears the failure state, returning the recorded reason and place.</summary>
    private (string Reason, int Token) TakeFailure()
    {
        var result = (_failReason, _failToken);
        _failed = false;
        _failReason = string.Empty;
        _failKind = ParseFailureKind.Syntax;
        return result;
    }

    /// <summary>
    /// Consumes tokens from the current position up to and including the end of a statement-like
    /// unit: a ';' outside brackets, or a balanced '{ }' block (with a following ';' or else-part
    /// handled by the caller). Stops before a '}' that closes the enclosing block, whatever
    /// parentheses are open, and at the line after an unterminated literal. Iterative.
    /// </summary>
    private void SkipToStatementEnd(bool stopAfterBlock)
    {
        int depth = 0;
        int braces = 0; // '{' without a match, opened inside the statement
        int start = _pos;
        while (_pos < _eof)
        {
            if (_pos > start && FollowsUnterminatedLiteral(_pos))
            {
                return;
            }

            var kind = Kind;
            switch (kind)
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken:
                    depth++;
                    break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken:
                    if (depth > 0)
                    {
                        depth--;
                    }

                    break;
                case SyntaxKind.OpenBraceToken:
                    int close = MatchOf(_pos);
                    if (close > _pos)
                    {
                        // Take the whole block at once.
                        while (_pos <= close)
                        {
                            Eat();
                        }

                        if (depth == 0 && braces == 0 && stopAfterBlock && Kind != SyntaxKind.SemicolonToken && Kind != SyntaxKind.CommaToken && Kind != SyntaxKind.CloseParenToken)
                        {
                            return;
                        }

                        continue;
                    }

                    braces++;
                    break;
                case SyntaxKind.CloseBraceToken:
                    if (braces == 0)
                    {
                        return;
                    }

                    braces--;
                    break;
                case SyntaxKind.SemicolonToken:
                    if (depth == 0 && braces == 0)
                    {
                        Eat();
                        return;
                    }

                    break;
            }

            Eat();
        }
    }

    /// <summary>
    /// Is the token at index the first of a line that follows an unterminated string or character
    /// literal? Such a literal ends at the end of its line and may have swallowed the ';' or ')' that
    /// closed the construct, so recovery starts afresh on the next line.
    /// </summary>
    private bool FollowsUnterminatedLiteral(int index)
    {
        if (index <= 0 || !AtLineStart(index))
        {
            return false;
        }

        ref var previous = ref _tokens[index - 1];
        return (previous.Flags & TokenFlags.HasError) != 0 && previous.Kind is SyntaxKind.StringLiteralToken or SyntaxKind.CharLiteralToken;
    }

    private void AddDiagnostic(DiagnosticId id, int token, params object[] args)
    {
        var span = token <= _eof ? _lexed.SpanAt(token) : new TextSpan(_lexed.Text.Length, 0);
        _diagnostics.Add(new Diagnostic(id, _lexed.Text, span, args));
    }
}
