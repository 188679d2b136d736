using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Turns the code of a rule into two parsed slices. Each line's first column says whether it
/// is context, removed (-), added (+, ++) or highlighted (*); "?" makes a line optional. The
/// marks are blanked and the code is lexed as C, then SmPL's own tokens are formed: "&lt;..." and
/// "...&gt;" nests, "(", "|", "&amp;", ")" in the first column (or after a backslash) as
/// disjunction delimiters, and "@p" position annotations.
/// </summary>
internal static partial class PatternLexer
{
    private struct Line
    {
        public int Start;
        public int End;
        public TokenMark Mark;
        public bool Optional;
        public int CodeStart;
    }

    private struct RawToken
    {
        public TokenData Data;
        public TokenMark Mark;
        public bool Anchor;
        public List<string>? Positions;

        /// <summary>An added line the C lexer keeps as trivia (a directive, a comment) or skips (an empty line): its text.</summary>
        public string? RawLine;

        /// <summary>The raw line is a comment alone on its line(s).</summary>
        public bool IsComment;

        /// <summary>Comments of an added line beside this token: after it or before it.</summary>
        public List<(bool After, string Text)>? Comments;
    }

    /// <summary>
    /// "code@x" binds x to the code matched when x is a position, an expression, an identifier or a
    /// constant (the same term), or a statement or declaration (the one holding the code). Any other kind
    /// would be bound to nothing: an error, as spatch rejects it too.
    /// </summary>
    private static bool ReportUnsupportedBinders(SourceText file, byte[] bytes, LexedText lexed, IReadOnlyList<Metavariable> metavariables, List<Diagnostic> diagnostics)
    {
        bool any = false;
        for (int i = 0; i + 1 < lexed.Count; i++)
        {
            var t = lexed.Tokens[i];
            var next = lexed.Tokens[i + 1];
            if (t.Kind != SyntaxKind.BadToken || t.End - t.Start != 1 || bytes[t.Start] != (byte)'@' || next.Kind != SyntaxKind.IdentifierToken)
            {
                continue;
            }

            string name = lexed.Names.GetString(next.Name);
            foreach (var meta in metavariables)
            {
                if (meta.Name == name && meta.Kind is not (MetavariableKind.Position or MetavariableKind.Expression or MetavariableKind.IdExpression
                    or MetavariableKind.Constant or MetavariableKind.Identifier or MetavariableKind.Statement or MetavariableKind.Declaration))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, TextSpan.FromBounds(next.Start, next.End),
                        $"{name} is bound with @ to the code before it, which only a position, expression, identifier, constant, statement or declaration metavariable can be"));
                    any = true;
                    break;
                }
            }
        }

        return any;
    }

    public static CodeBody? ParseBody(
        SourceText file,
        TextSpan code,
        IReadOnlyList<Metavariable> metavariables,
        IReadOnlyDictionary<string, MetavariableKind> fileNames,
        RuleKind ruleKind,
        List<Diagnostic> diagnostics)
    {
        var bytes = TokenCursor.BlankOutside(file, code);
        var lines = SplitLines(bytes, code);
        foreach (var line in lines)
        {
            for (int i = line.Start; i < line.CodeStart; i++)
            {
                bytes[i] = (byte)' ';
            }
        }

        var blanked = new SourceText(file.Path, bytes);
        var names = new NameTable();
        var lexed = Lexer.Lex(blanked, names);
        var defineHeader = DefineHeaderOf(file, lexed, lines, bytes, diagnostics, out bool refused);
        if (refused)
        {
            return null;
        }

        if (defineHeader is not null)
        {
            // The header is blanked: the body is read as the rule's code.
            blanked = new SourceText(file.Path, bytes);
            names = new NameTable();
            lexed = Lexer.Lex(blanked, names);
        }

        var raw = BuildTokens(lexed, lines, bytes, out int eofOffset);
        if (ReportUnsupportedBinders(file, bytes, lexed, metavariables, diagnostics) || ReportUnattachedComments(file, lexed, lines, raw, diagnostics) || ReportBadOctal(file, raw, bytes, diagnostics))
        {
            return null;
        }

        var minusRaw = new List<int>();
        var plusRaw = new List<int>();
        bool hasMinus = false, hasPlus = false, hasStar = false;
        for (int i = 0; i < raw.Count; i++)
        {
            var mark = raw[i].Mark;
            hasMinus |= mark == TokenMark.Minus;
            hasPlus |= mark is TokenMark.Plus or TokenMark.PlusPlus;
            hasStar |= mark == TokenMark.Star;
            if (raw[i].RawLine is not null)
            {
                continue; // not C code: neither slice parses it
            }

            if (mark is TokenMark.Context or TokenMark.Minus or TokenMark.Star)
            {
                minusRaw.Add(i);
            }

            if (mark is TokenMark.Context or TokenMark.Plus or TokenMark.PlusPlus)
            {
                plusRaw.Add(i);
            }
        }

        if (HasCodeOutsideDirectives(raw, minusRaw, lexed) && ReportDirectivesBesideCode(file, lexed, lines, diagnostics))
        {
            return null;
        }

        var classify = Classifier(metavariables, fileNames);
        var options = new PatternOptions { Classify = classify };
        var minusLexed = Slice(blanked, names, raw, minusRaw, eofOffset);
        var plusLexed = Slice(blanked, names, raw, plusRaw, eofOffset);
        var minus = Parser.ParsePattern(minusLexed, options);

        // The plus slice must parse even without added code: removing the only statement of a branch
        // ("if (E)" then "- g();") leaves "if (E)" alone there, which spatch refuses as a parse error of
        // the plus code. With * lines it is never read and need not parse: a * line may hold the start of
        // a disjunction whose end is on a context line.
        bool readPlus = hasPlus || (hasMinus && !hasStar);
        if (defineHeader is not null && readPlus && plusRaw.Count == 0)
        {
            // "#define FOO \" then "- trace(1)": the #define left has no body, which spatch cannot
            // parse in the added code; it stops where the rule ends.
            diagnostics.Add(new Diagnostic(DiagnosticId.SmplSyntaxError, file, new TextSpan(code.End, 0),
                "plus: the #define has no body once its removed lines are gone and nothing is added"));
            return null;
        }

        var plus = readPlus ? Parser.ParsePattern(plusLexed, options) : minus;
        // spatch stops at the first error of the removed code; the code left (context and + lines)
        // holds the same context lines, whose errors would be said twice.
        bool bad = ReportErrors(minus, file, diagnostics) || (hasPlus && ReportErrors(plus, file, diagnostics));
        if (bad || (readPlus && !hasPlus && (ReportErrors(plus, file, diagnostics) || ReportEmptiedBranch(file, plus, raw, plusRaw, diagnostics))))
        {
            return null;
        }

        if (!hasPlus)
        {
            plus = minus;
        }

        if (DeclaratorLists.Report(minus, file, "minus", diagnostics) || (hasPlus && DeclaratorLists.Report(plus, file, "plus", diagnostics)))
        {
            return null;
        }

        _ = ruleKind;

        // Marks and positions of the minus tree.
        var marks = new TokenMark[minusLexed.Count];
        var positions = new Dictionary<int, IReadOnlyList<string>>();
        var minusIndexOfRaw = new int[raw.Count];
        var plusIndexOfRaw = new int[raw.Count];
        Array.Fill(minusIndexOfRaw, -1);
        Array.Fill(plusIndexOfRaw, -1);
        for (int m = 0; m < minusRaw.Count; m++)
        {
            minusIndexOfRaw[minusRaw[m]] = m;
            marks[m] = raw[minusRaw[m]].Mark;
            if (raw[minusRaw[m]].Positions is { } p)
            {
                positions[m] = p;
            }
        }

        var plusPositions = new Dictionary<int, IReadOnlyList<string>>();
        for (int p = 0; p < plusRaw.Count; p++)
        {
            plusIndexOfRaw[plusRaw[p]] = p;
            if (raw[plusRaw[p]].Positions is { } pos && raw[plusRaw[p]].Mark != TokenMark.Context)
            {
                plusPositions[p] = pos;
            }
        }

        if (ReportDoBraceRemoval(file, minus, marks, raw, minusRaw, diagnostics)
            || (defineHeader is not null && ReportDoInDefineBody(file, minus, raw, minusRaw, diagnostics)))
        {
            return null;
        }

        var plusCode = AttachPlus(raw, minusIndexOfRaw, plusIndexOfRaw, lines, bytes);
        var directive = minusRaw.Count == 0 ? DirectiveOf(file, lexed, lines, bytes, diagnostics) : null;
        if (directive is { Mark: TokenMark.Minus })
        {
            hasMinus = true;
        }

        // A directive is no token of the pattern: its own mark says whether the rule stars code.
        hasStar |= directive is { Mark: TokenMark.Star };

        return new CodeBody
        {
            Directive = directive,
            DefineHeader = defineHeader,
            Minus = minus,
            Plus = plus,
            MinusMarks = marks,
            PlusCode = plusCode,
            Positions = positions,
            PlusPositions = plusPositions,
            HasMinus = hasMinus,
            HasPlus = hasPlus,
            HasStar = hasStar,
        };
    }

    /// <summary>
    /// An integer constant written with a leading 0 is octal: a digit 8 or 9 in it ("08", "0778") makes
    /// no number, and spatch stops with a parse error at that digit, in removed, context and added code alike.
    /// </summary>
    private static bool ReportBadOctal(SourceText file, List<RawToken> raw, byte[] bytes, List<Diagnostic> diagnostics)
    {
        foreach (var token in raw)
        {
            var data = token.Data;
            if (token.RawLine is not null || data.Kind != SyntaxKind.IntegerLiteralToken || data.End - data.Start < 2 || bytes[data.Start] != (byte)'0')
            {
                continue;
            }

            int at = data.Start + 1;
            while (at < data.End && bytes[at] is >= (byte)'0' and <= (byte)'7')
            {
                at++;
            }

            if (at < data.End && bytes[at] is (byte)'8' or (byte)'9')
            {
                diagnostics.Add(new Diagnostic(DiagnosticId.SmplSyntaxError, file, TextSpan.FromBounds(at, at + 1),
                    "numeric octal constant contains digits beyond the radix"));
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A disjunction of expressions or types with an empty branch in the code a removal leaves, or a
    /// branch of an if, else, while or for whose statement is a disjunction with an empty branch
    /// ("if (E)" then "( - a(); | b(); )"): nothing would be left there when that branch matches, and spatch refuses it as a parse error of the plus code, as when the
    /// branch is one removed statement. A disjunction among other statements may lose a whole branch.
    /// </summary>
    private static bool ReportEmptiedBranch(SourceText file, SyntaxTree plus, List<RawToken> raw, List<int> plusRaw, List<Diagnostic> diagnostics)
    {
        foreach (var node in plus.Root.DescendantNodesAndSelf())
        {
            int at = node.Kind switch
            {
                SyntaxKind.IfStatement => Math.Max(EmptyDisjunctionBranch(plus, node.AsIfStatement().Statement), EmptyDisjunctionBranch(plus, node.AsIfStatement().Else)),
                SyntaxKind.WhileStatement => EmptyDisjunctionBranch(plus, node.AsWhileStatement().Statement),
                SyntaxKind.ForStatement => EmptyDisjunctionBranch(plus, node.AsForStatement().Statement),
                SyntaxKind.Disjunction when HoldsTerms(node, raw, plusRaw) => EmptyDisjunctionBranch(plus, node),
                _ => -1,
            };
            if (at < 0 || at >= plusRaw.Count)
            {
                continue;
            }

            var token = raw[plusRaw[at]].Data;
            string needed = node.Kind == SyntaxKind.Disjunction ? "a term (expression or type) is needed: its term is" : "a statement is needed: all its statements are";
            diagnostics.Add(new Diagnostic(DiagnosticId.SmplSyntaxError, file, TextSpan.FromBounds(token.Start, token.Start + 1),
                $"in the code left after the removal (context and + lines), a branch of this disjunction is empty where {needed} removed and nothing is added"));
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether a disjunction is one of expressions or types, which its first branch decides as in
    /// spatch's grammar: spatch refuses such a disjunction with a branch emptied by a removal
    /// ("( - f(E) | g(E) )" leaves "( | g(E) )"), wherever it stands. One that starts with a
    /// statement is a disjunction of statements, where a removed branch may go ("( - f(E); | g(E) )").
    /// </summary>
    private static bool HoldsTerms(SyntaxNode disjunction, List<RawToken> raw, List<int> plusRaw)
    {
        foreach (var child in disjunction.GetNodeSlot(1)?.ChildNodes() ?? [])
        {
            if (child.Kind == SyntaxKind.List && child.ChildCount == 0 && !AllBranchesEmpty(disjunction))
            {
                // The first branch is all removed: a statement ends with ';' or '}'.
                int open = disjunction.FirstTokenIndex;
                for (int k = plusRaw[open + 1] - 1; k > plusRaw[open]; k--)
                {
                    if (raw[k].RawLine is null && raw[k].Mark == TokenMark.Minus)
                    {
                        return raw[k].Data.Kind is not (SyntaxKind.SemicolonToken or SyntaxKind.CloseBraceToken);
                    }
                }

                return true;
            }

            var branch = child.Kind == SyntaxKind.List && child.ChildCount == 1 && child.GetNodeSlot(0) is { } single ? single : child;
            return branch.Kind is SyntaxKind.BareExpression or SyntaxKind.TypeName || SyntaxFacts.IsExpressionKind(branch.Kind);
        }

        return false;
    }

    /// <summary>Every branch removed: the rule is one removed term, refused as such elsewhere.</summary>
    private static bool AllBranchesEmpty(SyntaxNode disjunction)
    {
        foreach (var child in disjunction.GetNodeSlot(1)?.ChildNodes() ?? [])
        {
            if (child.ChildCount > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// When the statement is a disjunction with a branch that holds no token, the index of the "|" or ")"
    /// that ends the first such branch; else -1.
    /// </summary>
    private static int EmptyDisjunctionBranch(SyntaxTree tree, SyntaxNode? statement)
    {
        if (statement is not { Kind: SyntaxKind.Disjunction } disjunction)
        {
            return -1;
        }

        int depth = 0;
        bool content = false;
        for (int t = disjunction.FirstTokenIndex + 1; t <= disjunction.LastTokenIndex; t++)
        {
            var kind = tree.GetToken(t).Kind;
            if (depth == 0 && kind is SyntaxKind.DisjunctionBarToken or SyntaxKind.DisjunctionCloseToken)
            {
                if (!content)
                {
                    return t;
                }

                content = false;
                continue;
            }

            depth += kind == SyntaxKind.DisjunctionOpenToken ? 1 : kind == SyntaxKind.DisjunctionCloseToken ? -1 : 0;
            content = true;
        }

        return -1;
    }

    /// <summary>
    /// Braces removed around the body of a "do ... while" that stays: spatch 1.1.1 refuses any
    /// do/while in a semantic patch, and a body left without its braces would need the statement
    /// laid out anew, so the rule is an error at the brace rather than code printed wrong.
    /// </summary>
    private static bool ReportDoBraceRemoval(SourceText file, SyntaxTree minus, TokenMark[] marks, List<RawToken> raw, List<int> minusRaw, List<Diagnostic> diagnostics)
    {
        foreach (var node in minus.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.DoStatement || node.AsDoStatement().Statement is not { Kind: SyntaxKind.CompoundStatement } body)
            {
                continue;
            }

            int doToken = node.FirstTokenIndex;
            int open = body.FirstTokenIndex;
            if (doToken < marks.Length && marks[doToken] != TokenMark.Minus && open < marks.Length && marks[open] == TokenMark.Minus)
            {
                var brace = raw[minusRaw[open]].Data;
                diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, TextSpan.FromBounds(brace.Start, brace.Start + 1),
                    "removing the braces of the body of a do ... while (spatch does not support do ... while in a semantic patch)"));
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the matched slice holds C tokens other than those of a directive ("#include &lt;...&gt;@p").</summary>
    private static bool HasCodeOutsideDirectives(List<RawToken> raw, List<int> minusRaw, LexedText lexed)
    {
        foreach (int i in minusRaw)
        {
            if (raw[i].Data.Kind != SyntaxKind.EndOfFileToken && !InsideDirective(lexed, raw[i].Data.Start))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A directive on a context, - or * line of a pattern that also holds C code. Directives are matched
    /// only as a rule's whole pattern; beside C code spatch either rejects them (in a function body) or
    /// never matches (at top level), so each is an error here rather than a pattern that silently
    /// leaves it out. Added (+) directives are fine anywhere.
    /// </summary>
    private static bool ReportDirectivesBesideCode(SourceText file, LexedText lexed, List<Line> lines, List<Diagnostic> diagnostics)
    {
        bool any = false;
        foreach (var d in lexed.Directives)
        {
            if (lines[LineOf(lines, d.Start)].Mark is TokenMark.Plus or TokenMark.PlusPlus)
            {
                continue;
            }

            diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, TextSpan.FromBounds(d.Start, d.Start + 1),
                "a preprocessor directive matched or removed together with C code; only a rule whose pattern is the directive alone (with added lines) matches directives"));
            any = true;
        }

        return any;
    }

    /// <summary>
    /// The directive a pattern without C tokens consists of (a context or - line holding #include,
    /// #define, #pragma ...), with the lines added around it; null when there is none. A sequence of
    /// several such directives is reported as unsupported.
    /// </summary>
    private static DirectivePattern? DirectiveOf(SourceText file, LexedText lexed, List<Line> lines, byte[] bytes, List<Diagnostic> diagnostics)
    {
        Directive? found = null;
        int foundLine = -1;
        foreach (var d in lexed.Directives)
        {
            int lineIndex = LineOf(lines, d.Start);
            if (lines[lineIndex].Mark is TokenMark.Plus or TokenMark.PlusPlus)
            {
                continue;
            }

            if (found is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, TextSpan.FromBounds(d.Start, d.Start + 1),
                    "a pattern of several preprocessor directives is not supported (only one directive per rule)"));
                return null;
            }

            found = d;
            foundLine = lineIndex;
        }

        if (found is not { } directive)
        {
            return null;
        }

        var before = new List<AddedLine>();
        var after = new List<AddedLine>();
        for (int l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            if (line.Mark is not (TokenMark.Plus or TokenMark.PlusPlus) || IsBlank(bytes, line.CodeStart, line.End))
            {
                continue;
            }

            string text = System.Text.Encoding.UTF8.GetString(bytes, line.CodeStart, line.End - line.CodeStart).Trim();
            (l < foundLine ? before : after).Add(new AddedLine(text, line.Mark == TokenMark.PlusPlus));
        }

        int end = directive.End;
        while (end > directive.Start && bytes[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        return new DirectivePattern
        {
            Text = System.Text.Encoding.UTF8.GetString(bytes, directive.Start, end - directive.Start),
            Mark = lines[foundLine].Mark is TokenMark.Minus or TokenMark.Star ? lines[foundLine].Mark : TokenMark.Context,
            Line = file.GetLinePosition(directive.Start).Line,
            Before = before,
            After = after,
        };
    }

    private static List<Line> SplitLines(byte[] bytes, TextSpan code)
    {
        var lines = new List<Line>();
        int pos = code.Start;
        while (pos < code.End)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', pos, code.End - pos);
            if (end < 0)
            {
                end = code.End;
            }

            var line = new Line { Start = pos, End = end, Mark = TokenMark.Context, CodeStart = pos };
            int p = pos;
            // Up to two mark characters: -, +, ++, *, and ? (alone or with one of the others).
            for (int k = 0; k < 2 && p < end; k++)
            {
                byte c = bytes[p];
                if (c == (byte)'?' && !line.Optional)
                {
                    line.Optional = true;
                    p++;
                }
                else if (c == (byte)'-' && line.Mark == TokenMark.Context && (p + 1 >= end || bytes[p + 1] != (byte)'>'))
                {
                    line.Mark = TokenMark.Minus;
                    p++;
                }
                else if (c == (byte)'+' && line.Mark == TokenMark.Context)
                {
                    line.Mark = TokenMark.Plus;
                    p++;
                }
                else if (c == (byte)'+' && line.Mark == TokenMark.Plus && k == 1)
                {
                    line.Mark = TokenMark.PlusPlus;
                    p++;
                }
                else if (c == (byte)'*' && line.Mark == TokenMark.Context && (p + 1 >= end || bytes[p + 1] != (byte)'/'))
                {
                    line.Mark = TokenMark.Star;
                    p++;
                }
                else
                {
                    break;
                }
            }

            line.CodeStart = p;
            lines.Add(line);
            pos = end + 1;
        }

        return lines;
    }

    private static int LineOf(List<Line> lines, int offset)
    {
        int lo = 0, hi = lines.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (lines[mid].Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static List<RawToken> BuildTokens(LexedText lexed, List<Line> lines, byte[] bytes, out int eofOffset)
    {
        var result = new List<RawToken>(lexed.Count);
        var tokens = lexed.Tokens;
        eofOffset = tokens[lexed.Count - 1].Start;
        var comments = FindAddedComments(lexed, lines, bytes);
        var rawLines = AddedRawLines(lexed, lines, bytes, comments);
        int nextRawLine = 0;
        int lastOptionalLine = -1;
        int whenLine = -1;
        for (int i = 0; i < lexed.Count - 1; i++)
        {
            var t = tokens[i];
            while (nextRawLine < rawLines.Count && rawLines[nextRawLine].Data.Start < t.Start)
            {
                result.Add(rawLines[nextRawLine++]);
            }

            int lineIndex = lines.Count == 0 ? 0 : LineOf(lines, t.Start);
            var line = lines.Count == 0 ? default : lines[lineIndex];
            bool firstOnLine = lines.Count > 0 && IsFirstCodeOnLine(bytes, line, t.Start);

            // "?" lines: an Optional token before the first token of the line.
            if (line.Optional && lastOptionalLine != lineIndex && firstOnLine)
            {
                lastOptionalLine = lineIndex;
                result.Add(new RawToken { Data = new TokenData { Kind = SyntaxKind.OptionalToken, Start = t.Start, End = t.Start, Flags = t.Flags }, Mark = line.Mark, Anchor = false });
            }

            // Position annotations: '@' name after a token attach the name to that token.
            if (t.Kind == SyntaxKind.BadToken && t.End - t.Start == 1 && bytes[t.Start] == (byte)'@' && i + 1 < lexed.Count - 1 && tokens[i + 1].Kind == SyntaxKind.IdentifierToken && result.Count > 0)
            {
                var previous = result[^1];
                (previous.Positions ??= []).Add(lexed.Names.GetString(tokens[i + 1].Name));
                result[^1] = previous;
                i++;
                continue;
            }

            var kind = t.Kind;
            int end = t.End;
            bool equalsAfterNest = false;
            // Backslash disjunction delimiters: \( \| \& \)
            if (kind == SyntaxKind.BadToken && t.End - t.Start == 1 && bytes[t.Start] == (byte)'\\' && i + 1 < lexed.Count - 1 && tokens[i + 1].Start == t.End)
            {
                var delimiter = DisjunctionKind(tokens[i + 1].Kind);
                if (delimiter != SyntaxKind.None)
                {
                    kind = delimiter;
                    end = tokens[i + 1].End;
                    i++;
                }
            }
            else if (firstOnLine && line.Mark != TokenMark.Plus && line.Mark != TokenMark.PlusPlus && t.Start == line.Start && DisjunctionKind(kind) != SyntaxKind.None)
            {
                kind = DisjunctionKind(kind); // ( | & ) in the first column
            }
            else if (kind == SyntaxKind.LessThanToken && i + 1 < lexed.Count - 1 && tokens[i + 1].Start == t.End)
            {
                if (tokens[i + 1].Kind == SyntaxKind.EllipsisToken)
                {
                    kind = SyntaxKind.NestOpenToken;
                    end = tokens[i + 1].End;
                    i++;
                }
                else if (tokens[i + 1].Kind == SyntaxKind.PlusToken && i + 2 < lexed.Count - 1 && tokens[i + 2].Kind == SyntaxKind.EllipsisToken && tokens[i + 2].Start == tokens[i + 1].End)
                {
                    kind = SyntaxKind.NestPlusOpenToken;
                    end = tokens[i + 2].End;
                    i += 2;
                }
            }
            else if (kind == SyntaxKind.EllipsisToken && i + 1 < lexed.Count - 1 && tokens[i + 1].Start == t.End)
            {
                if (tokens[i + 1].Kind is SyntaxKind.GreaterThanToken or SyntaxKind.GreaterThanEqualsToken)
                {
                    kind = SyntaxKind.NestCloseToken;
                    end = tokens[i + 1].Start + 1;
                    equalsAfterNest = tokens[i + 1].Kind == SyntaxKind.GreaterThanEqualsToken;
                    i++;
                }
                else if (tokens[i + 1].Kind == SyntaxKind.GreaterThanGreaterThanToken)
                {
                    // "...>>" is unlikely; leave it.
                }
                else if (tokens[i + 1].Kind == SyntaxKind.PlusToken && i + 2 < lexed.Count - 1 && tokens[i + 2].Kind is SyntaxKind.GreaterThanToken or SyntaxKind.GreaterThanEqualsToken
                    && tokens[i + 2].Start == tokens[i + 1].End)
                {
                    kind = SyntaxKind.NestPlusCloseToken;
                    end = tokens[i + 2].Start + 1;
                    equalsAfterNest = tokens[i + 2].Kind == SyntaxKind.GreaterThanEqualsToken;
                    i += 2;
                }
            }

            bool isWhen = kind == SyntaxKind.IdentifierToken && lexed.Names.GetString(t.Name) == "when" && result.Count > 0;
            if (isWhen)
            {
                whenLine = lineIndex;
            }
            else if (whenLine >= 0 && lineIndex != whenLine)
            {
                whenLine = -1;
            }

            bool anchor = whenLine < 0 && kind is not (SyntaxKind.EllipsisToken or SyntaxKind.NestOpenToken or SyntaxKind.NestPlusOpenToken
                or SyntaxKind.NestCloseToken or SyntaxKind.NestPlusCloseToken or SyntaxKind.DisjunctionOpenToken or SyntaxKind.DisjunctionBarToken
                or SyntaxKind.ConjunctionAmpToken or SyntaxKind.DisjunctionCloseToken or SyntaxKind.OptionalToken);
            result.Add(new RawToken
            {
                // A backslash delimiter is no stray byte any more: the error mark the C lexer put on the backslash goes.
                Data = new TokenData { Kind = kind, Flags = kind == t.Kind ? t.Flags : t.Flags & ~TokenFlags.HasError, Start = t.Start, End = end, Name = t.Name },
                Mark = line.Mark,
                Anchor = anchor,
            });

            // "...+>=E": the C lexer read ">=" as one token; the nest closes at ">" and "=" assigns
            // the nest's value, as spatch reads it.
            if (equalsAfterNest)
            {
                result.Add(new RawToken
                {
                    Data = new TokenData { Kind = SyntaxKind.EqualsToken, Flags = TokenFlags.None, Start = end, End = end + 1 },
                    Mark = line.Mark,
                    Anchor = whenLine < 0,
                });
            }
        }

        while (nextRawLine < rawLines.Count)
        {
            result.Add(rawLines[nextRawLine++]);
        }

        AttachComments(result, comments);
        return result;
    }

    /// <summary>
    /// The + lines the C lexer does not turn into tokens: preprocessor directives and comments alone
    /// on their lines (trivia to the lexer) and empty lines. They are added code all the same, kept as text.
    /// </summary>
    private static List<RawToken> AddedRawLines(LexedText lexed, List<Line> lines, byte[] bytes, List<AddedComment> comments)
    {
        var result = new List<RawToken>();
        if (lines.Count == 0)
        {
            return result;
        }

        var directiveLines = new HashSet<int>();
        foreach (var d in lexed.Directives)
        {
            int lineIndex = LineOf(lines, d.Start);
            var line = lines[lineIndex];
            if (line.Mark is not (TokenMark.Plus or TokenMark.PlusPlus))
            {
                continue;
            }

            directiveLines.Add(lineIndex);
            int end = d.End;
            while (end > d.Start && bytes[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                end--;
            }

            string text = System.Text.Encoding.UTF8.GetString(bytes, d.Start, end - d.Start);
            result.Add(new RawToken { Data = new TokenData { Kind = SyntaxKind.None, Start = d.Start, End = end }, Mark = line.Mark, RawLine = text });
        }

        for (int l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            if (line.Mark is (TokenMark.Plus or TokenMark.PlusPlus) && !directiveLines.Contains(l) && IsBlank(bytes, line.CodeStart, line.End) && !InsideDirective(lexed, line.Start)
                && !InsideComment(comments, line.Start))
            {
                result.Add(new RawToken { Data = new TokenData { Kind = SyntaxKind.None, Start = line.Start, End = line.Start }, Mark = line.Mark, RawLine = string.Empty });
            }
        }

        foreach (var c in comments)
        {
            if (c.Place == CommentPlace.OwnLine)
            {
                result.Add(new RawToken { Data = new TokenData { Kind = SyntaxKind.None, Start = c.Start, End = c.End }, Mark = lines[LineOf(lines, c.Start)].Mark, RawLine = c.Text, IsComment = true });
            }
        }

        result.Sort((a, b) => a.Data.Start.CompareTo(b.Data.Start));
        return result;
    }

    private static bool IsBlank(byte[] bytes, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InsideDirective(LexedText lexed, int offset)
    {
        foreach (var d in lexed.Directives)
        {
            if (d.Start < offset && offset <= d.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFirstCodeOnLine(byte[] bytes, Line line, int offset)
    {
        for (int i = line.CodeStart; i < offset; i++)
        {
            if (bytes[i] != (byte)' ' && bytes[i] != (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }

    private static SyntaxKind DisjunctionKind(SyntaxKind kind) => kind switch
    {
        SyntaxKind.OpenParenToken => SyntaxKind.DisjunctionOpenToken,
        SyntaxKind.BarToken => SyntaxKind.DisjunctionBarToken,
        SyntaxKind.AmpersandToken => SyntaxKind.ConjunctionAmpToken,
        SyntaxKind.CloseParenToken => SyntaxKind.DisjunctionCloseToken,
        _ => SyntaxKind.None,
    };

    private static LexedText Slice(SourceText text, NameTable names, List<RawToken> raw, List<int> selected, int eofOffset)
    {
        var tokens = new TokenData[selected.Count + 1];
        for (int i = 0; i < selected.Count; i++)
        {
            tokens[i] = raw[selected[i]].Data;
        }

        tokens[^1] = new TokenData { Kind = SyntaxKind.EndOfFileToken, Start = eofOffset, End = eofOffset };
        return new LexedText(text, tokens, tokens.Length, names, [], []);
    }

    private static bool ReportErrors(SyntaxTree tree, SourceText file, List<Diagnostic> diagnostics)
    {
        bool any = false;
        foreach (var d in tree.Diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error)
            {
                // Re-anchor on the original file so the caret shows the real line; a message that is
                // already a parse error keeps its text, others become one ("parse error: " once).
                diagnostics.Add(d.Id == DiagnosticId.SmplSyntaxError ? d.WithSource(file) : new Diagnostic(DiagnosticId.SmplSyntaxError, file, d.Span, d.Message));
                any = true;
            }
        }

        return any;
    }

    private static Func<string, PatternNameKind> Classifier(IReadOnlyList<Metavariable> metavariables, IReadOnlyDictionary<string, MetavariableKind> fileNames)
    {
        var kinds = new Dictionary<string, PatternNameKind>(StringComparer.Ordinal);
        foreach (var (name, kind) in fileNames)
        {
            kinds[name] = ToPatternKind(kind);
        }

        foreach (var m in metavariables)
        {
            kinds[m.Name] = ToPatternKind(m.Kind);
        }

        return name => kinds.TryGetValue(name, out var k) ? k : PatternNameKind.None;
    }

    private static PatternNameKind ToPatternKind(MetavariableKind kind) => kind switch
    {
        MetavariableKind.Type or MetavariableKind.Typedef => PatternNameKind.Type,
        MetavariableKind.Statement or MetavariableKind.StatementList => PatternNameKind.Statement,
        MetavariableKind.Declaration => PatternNameKind.Declaration,
        MetavariableKind.Field or MetavariableKind.FieldList => PatternNameKind.Field,
        MetavariableKind.Iterator or MetavariableKind.IteratorName => PatternNameKind.Iterator,
        MetavariableKind.Declarer or MetavariableKind.DeclarerName => PatternNameKind.Declarer,
        MetavariableKind.BinaryOperator => PatternNameKind.BinaryOperator,
        MetavariableKind.AssignmentOperator => PatternNameKind.AssignmentOperator,
        MetavariableKind.UnaryOperator => PatternNameKind.UnaryOperator,
        MetavariableKind.Attribute or MetavariableKind.AttributeName => PatternNameKind.Attribute,
        MetavariableKind.Expression or MetavariableKind.IdExpression or MetavariableKind.Constant or MetavariableKind.ExpressionList
            or MetavariableKind.Initializer or MetavariableKind.InitializerList or MetavariableKind.Format or MetavariableKind.FormatList => PatternNameKind.Expression,
        MetavariableKind.Identifier => PatternNameKind.Identifier,
        _ => PatternNameKind.None,
    };

    /// <summary>
    /// Attaches each run of added code to a token of the minus slice. Among removed tokens, added
    /// code replaces them: it goes with the last removed token before it (after that token), or
    /// with the first removed token after it when it comes first. Between context tokens it goes
    /// after the previous context token, or before the next one when the previous is "..." or a
    /// delimiter.
    /// </summary>
    private static Dictionary<(int, PlusSide), IReadOnlyList<PlusChunk>> AttachPlus(List<RawToken> raw, int[] minusIndexOfRaw, int[] plusIndexOfRaw, List<Line> lines, byte[] bytes)
    {
        var result = new Dictionary<(int, PlusSide), List<PlusChunk>>();
        int previousAnchor = -1; // raw index of the last context token that can anchor code
        int runStart = 0;
        for (int i = 0; i <= raw.Count; i++)
        {
            bool isContext = i < raw.Count && raw[i].Mark == TokenMark.Context && raw[i].RawLine is null;
            if (!isContext && i < raw.Count)
            {
                continue;
            }

            // raw[runStart .. i) is a run of non-context tokens (possibly empty); each stretch of
            // added code in it is one chunk.
            int j = runStart;
            while (j < i)
            {
                if (!IsAdded(raw[j]))
                {
                    j++;
                    continue;
                }

                int first = j;
                while (j < i && IsAdded(raw[j]))
                {
                    j++;
                }

                var chunk = MakeChunk(raw, first, j - 1, plusIndexOfRaw, lines, bytes);
                int minusBefore = -1, minusAfter = -1;
                for (int k = first - 1; k >= runStart && minusBefore < 0; k--)
                {
                    if (raw[k].Mark is TokenMark.Minus or TokenMark.Star && minusIndexOfRaw[k] >= 0)
                    {
                        minusBefore = k;
                    }
                }

                for (int k = j; k < i && minusAfter < 0; k++)
                {
                    if (raw[k].Mark is TokenMark.Minus or TokenMark.Star && minusIndexOfRaw[k] >= 0 && raw[k].Data.Kind != SyntaxKind.OptionalToken)
                    {
                        minusAfter = k;
                    }
                }

                // "+ code" right before a "?-" line: the "?" mark is no code to print beside; the code goes
                // after the context before it, so it is added also where the optional statement is absent,
                // or, after "...", before the optional statement's first token, as spatch places it.
                bool beforeOptional = j < i && raw[j].Data.Kind == SyntaxKind.OptionalToken;
                (int Token, PlusSide Side) key;
                if (minusBefore >= 0)
                {
                    key = (minusIndexOfRaw[minusBefore], PlusSide.After);
                }
                else if (beforeOptional && previousAnchor >= 0 && raw[previousAnchor].Anchor)
                {
                    key = (minusIndexOfRaw[previousAnchor], PlusSide.After);
                }
                else if (minusAfter >= 0)
                {
                    key = (minusIndexOfRaw[minusAfter], PlusSide.Before);
                }
                else if (previousAnchor >= 0 && raw[previousAnchor].Data.Kind == SyntaxKind.OpenBraceToken && i < raw.Count
                    && raw[i].Data.Kind is SyntaxKind.DotToken or SyntaxKind.OpenBracketToken && raw[i].Anchor && minusIndexOfRaw[i] >= 0)
                {
                    // "{ + #if ... .field = E," in an initializer list: the element matches anywhere in the
                    // code's list, so the added code goes with the element, not after the brace.
                    key = (minusIndexOfRaw[i], PlusSide.Before);
                }
                else if (previousAnchor >= 0 && raw[previousAnchor].Anchor)
                {
                    key = (minusIndexOfRaw[previousAnchor], PlusSide.After);
                }
                else
                {
                    int next = i;
                    while (next < raw.Count && !(raw[next].Anchor && minusIndexOfRaw[next] >= 0))
                    {
                        next++;
                    }

                    if (next < raw.Count)
                    {
                        key = (minusIndexOfRaw[next], PlusSide.Before);
                    }
                    else if (previousAnchor >= 0)
                    {
                        key = (minusIndexOfRaw[previousAnchor], PlusSide.After);
                    }
                    else
                    {
                        key = (-1, PlusSide.Before); // nothing to attach to: added code alone
                    }
                }

                if (!result.TryGetValue(key, out var list))
                {
                    result[key] = list = [];
                }

                list.Add(chunk);
            }

            if (i < raw.Count)
            {
                previousAnchor = i;
            }

            runStart = i + 1;
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<PlusChunk>)kv.Value);
    }

    private static bool IsAdded(RawToken token) => token.Mark is TokenMark.Plus or TokenMark.PlusPlus;

    /// <summary>The chunk for raw[first..last], all added code.</summary>
    private static PlusChunk MakeChunk(List<RawToken> raw, int first, int last, int[] plusIndexOfRaw, List<Line> lines, byte[] bytes)
    {
        int firstToken = -1, lastToken = -1;
        bool plusPlus = false;
        for (int k = first; k <= last; k++)
        {
            plusPlus |= raw[k].Mark == TokenMark.PlusPlus;
            if (raw[k].RawLine is null)
            {
                if (firstToken < 0)
                {
                    firstToken = k;
                }

                lastToken = k;
            }
        }

        List<PlusRawLine>? rawLines = null;
        for (int k = first; k <= last; k++)
        {
            if (raw[k].RawLine is not { } text)
            {
                continue;
            }

            int before = -1;
            for (int m = k + 1; m <= last && before < 0; m++)
            {
                if (raw[m].RawLine is null)
                {
                    before = plusIndexOfRaw[m];
                }
            }

            if (before < 0)
            {
                before = lastToken >= 0 ? plusIndexOfRaw[lastToken] + 1 : 0;
            }

            (rawLines ??= []).Add(new PlusRawLine(before, text, raw[k].IsComment));
        }

        List<PlusComment>? comments = null;
        for (int k = first; k <= last; k++)
        {
            if (raw[k].RawLine is null && raw[k].Comments is { } beside)
            {
                foreach (var (after, text) in beside)
                {
                    (comments ??= []).Add(new PlusComment(plusIndexOfRaw[k], after, text));
                }
            }
        }

        if (firstToken < 0)
        {
            return new PlusChunk { First = 0, Last = -1, IsWholeLines = true, PlusPlus = plusPlus, RawLines = rawLines ?? [] };
        }

        return new PlusChunk
        {
            First = plusIndexOfRaw[firstToken],
            Last = plusIndexOfRaw[lastToken],
            IsWholeLines = StartsLine(raw[firstToken], lines, bytes) && EndsLine(raw[lastToken], raw, lastToken, lines),
            PlusPlus = plusPlus,
            RawLines = rawLines ?? [],
            Comments = comments ?? [],
        };
    }

    private static bool StartsLine(RawToken token, List<Line> lines, byte[] bytes)
    {
        var line = lines[LineOf(lines, token.Data.Start)];
        return IsFirstCodeOnLine(bytes, line, token.Data.Start);
    }

    private static bool EndsLine(RawToken token, List<RawToken> raw, int index, List<Line> lines)
    {
        int line = LineOf(lines, token.Data.Start);
        return index + 1 >= raw.Count || LineOf(lines, raw[index + 1].Data.Start) != line;
    }
}
