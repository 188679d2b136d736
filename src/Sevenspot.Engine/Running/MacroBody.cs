using System.Text;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// The body of a #define of the file, parsed as C so that rules match inside it as spatch does
/// ("#define F(x) (sizeof(x)/sizeof(*x))" is changed by a rule on sizeof). The C parser keeps
/// directives as trivia, so each body is parsed on its own, wrapped in code that makes it a
/// statement (or an initializer), and the changed body is put back in the directive's place.
/// A body that is a whole function definition ("static void test_ ## f(void) { ... }") is parsed as
/// one, as spatch does. Token pasting and stringification are read as spatch's parser reads them:
/// "a ## b" is one name and "#x" a string, each spelt with as many bytes so that positions stay
/// those of the file.
/// </summary>
internal sealed class MacroBody
{
    // An expression or an initializer ("{ .a = 1, }") is read as an initializer, so that it is no
    // statement (spatch does not match "f(x);" in "#define F(x) f(x)"); else a statement or a block.
    // A function definition comes first, so that it is not read as a function nested in the wrapper.
    private static readonly (string Prefix, string Suffix)[] s_wrappers =
    [
        ("", "\n"),
        ("int __sevenspot_macro_body = ", ";\n"),
        ("void __sevenspot_macro_body(void) {\n", ";\n}\n"),
    ];

    // PERF: the bodies of a file are parsed into one table of names, not each into a copy of the
    // table of keywords (most bodies are a few tokens: the copy cost more than their parse). A parse
    // sizes its per-name facts by the table, so a table is shared only while it stays this small.
    private const int MaxSharedNames = 1024;

    private MacroBody(int ordinal, string directive, int bodyOffset, int bodyLength, string text, int defineStart, int fileStart,
        List<(string Original, string Spelling)> pasted, Reading reading)
    {
        _pasted = pasted;
        _text = text;
        _defineStart = defineStart;
        _fileStart = fileStart;
        _reading = reading;
        Ordinal = ordinal;
        Directive = directive;
        BodyOffset = bodyOffset;
        BodyLength = bodyLength;
    }

    // The pieces of the body spelt otherwise for the parser, in body order, to spell them back in a changed body.
    private readonly List<(string Original, string Spelling)> _pasted;

    // The body as the parser reads it (pasted names and stringified words spelt as one token each).
    private readonly string _text;
    private readonly int _defineStart;
    private readonly int _fileStart;
    private readonly Reading _reading;
    private bool _parsed;
    private FileSession? _session;
    private int _lone = -1;

    /// <summary>Index of the directive among the file's #define directives.</summary>
    public int Ordinal { get; }

    /// <summary>The directive's text, to find it again in the changed file.</summary>
    public string Directive { get; }

    /// <summary>Where the body starts within the directive's text.</summary>
    public int BodyOffset { get; }

    public int BodyLength { get; }

    public string Prefix { get; private set; } = "";

    public string Suffix { get; private set; } = "";

    /// <summary>
    /// Whether the body parses as code (a function, an initializer or one statement); parsed on first
    /// use, so that a body no rule of the file can match in is never parsed.
    /// </summary>
    public bool Parses => Parse() is not null;

    /// <summary>Whether the body was parsed (by some rule that may match there).</summary>
    public bool IsParsed => _parsed;

    /// <summary>The body's own session; only for a body that <see cref="Parses"/>.</summary>
    public FileSession Session => Parse() ?? throw new InvalidOperationException("the #define body does not parse as code");

    /// <summary>Whether the body is a function definition (else an initializer or a statement, in wrapping code).</summary>
    public bool IsFunction => Parses && Prefix.Length == 0;

    /// <summary>Whether the body is a statement, wrapped in a function of its own.</summary>
    public bool IsStatement => Parses && Prefix == s_wrappers[^1].Prefix;

    /// <summary>
    /// Whether the body is one integer constant ("0x0000FFFFL", "12"), read without parsing it: such a
    /// body always parses as an initializer, "int __sevenspot_macro_body = 0x0000FFFFL;", whose only
    /// node within the body is the constant (see <see cref="BodyPatterns.MayMatchLoneConstant"/>).
    /// </summary>
    public bool IsLoneConstant
    {
        get
        {
            if (_lone < 0)
            {
                _lone = IsIntegerConstant(_text) ? 1 : 0;
            }

            return _lone == 1;
        }
    }

    /// <summary>
    /// Whether the body's text may hold tokens that satisfy a formula over words, read without parsing
    /// it: never false where the parsed body's own tokens satisfy it (<see cref="FileSession.BodySpells"/>).
    /// A name's token is a whole run of name characters of the text (the lexer ends a name at any
    /// other character, "\\" included), so the word is looked for with no name character on either
    /// side; a comment or a string holding it lets the body through, never the opposite. Punctuation
    /// is looked for by its characters ("=" also finds "==" and "+=": more, never fewer).
    /// </summary>
    public bool MaySpell(TokenFormula formula) => formula.Evaluate(_text, static (text, word) => TextMayHold(text, word));

    /// <summary>The body as the parser reads it, as <see cref="MaySpell"/> searches it.</summary>
    public string Text => _text;

    private static bool TextMayHold(string text, string word)
    {
        switch (FunctionTokens.KindOf(word))
        {
            case SyntaxKind.EqualsToken:
                return text.Contains('=', StringComparison.Ordinal);
            case SyntaxKind.QuestionToken:
                return text.Contains('?', StringComparison.Ordinal);
            case SyntaxKind.ArrowToken:
                // A line splice between "-" and ">" is one arrow too.
                return text.Contains("->", StringComparison.Ordinal)
                    || (text.Contains('\\', StringComparison.Ordinal) && text.Contains('-', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal));
        }

        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            int end = at + word.Length;
            if ((at == 0 || !IsNameChar(text[at - 1])) && (end == text.Length || !IsNameChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsNameChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';

    /// <summary>A decimal or hexadecimal integer constant with its suffixes and nothing else ("0x1FL", "12u").</summary>
    private static bool IsIntegerConstant(string text)
    {
        var s = text.AsSpan().Trim();
        int i = 0;
        if (s.Length > 2 && s[0] == '0' && (s[1] is 'x' or 'X'))
        {
            i = 2;
            int digits = i;
            while (i < s.Length && char.IsAsciiHexDigit(s[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }
        else
        {
            if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
            {
                return false;
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (s[0] == '0' && i > 1 && !IsOctal(s[..i]))
            {
                return false;
            }
        }

        int suffix = i;
        while (i < s.Length && (s[i] is 'u' or 'U' or 'l' or 'L'))
        {
            i++;
        }

        return i == s.Length && i - suffix <= 3;
    }

    private static bool IsOctal(ReadOnlySpan<char> digits)
    {
        foreach (char c in digits)
        {
            if (c > '7')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The bodies of the file's #define directives (not those inside a function), in file order, each
    /// parsed on first use as a function, an initializer or a statement, typed with what the file
    /// declared before it, and with its place in the file for positions.
    /// </summary>
    public static List<MacroBody> Read(FileSession file, RunOptions options)
    {
        var tree = file.Tree;
        var result = new List<MacroBody>();
        var reading = new Reading(file, options);
        int ordinal = -1;
        foreach (var d in tree.Lexed.Directives)
        {
            if (d.Kind != DirectiveKind.Define)
            {
                continue;
            }

            ordinal++;
            if (InsideFunction(file.Functions, d.Start))
            {
                continue; // spatch reads a #define inside a function body as part of the function, not as code
            }

            string text = tree.Text.ToString(TextSpan.FromBounds(d.Start, d.End));
            var read = DirectiveText.Read(text);
            int first = read.BodyStart;
            if (read.MacroName is null || first >= read.Words.Count)
            {
                continue;
            }

            int start = read.Words[first].Start, end = read.Words[^1].End;
            var pasted = new List<(string Original, string Spelling)>();
            string body = Spell(text[start..end], tree.Text.Path, pasted);
            int fileStart = d.Start + Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
            result.Add(new MacroBody(ordinal, text, start, end - start, body, d.Start, fileStart, pasted, reading));
        }

        return result;
    }

    /// <summary>What the bodies of one file share to be parsed: the file, the parse options with its type names, a table of names.</summary>
    private sealed class Reading(FileSession file, RunOptions options)
    {
        private ParseOptions? _parseOptions;

        public FileSession File { get; } = file;

        public RunOptions Options { get; } = options;

        public ParseOptions ParseOptions => _parseOptions ??= WithFileTypeNames(File.Tree, Options.ParseOptions);

        public NameTable? Names { get; set; }
    }

    /// <summary>The body parsed in the first wrapper it is one whole item of, with its session; null when none.</summary>
    private FileSession? Parse()
    {
        if (_parsed)
        {
            return _session;
        }

        _parsed = true;
        using var clock = SharedWorkClock.Measure();
        var file = _reading.File;
        var tree = file.Tree;
        string body = _text;
        if (_reading.Names is null || _reading.Names.Count > MaxSharedNames)
        {
            _reading.Names = new NameTable();
        }

        foreach (var (prefix, wrapperSuffix) in s_wrappers)
        {
            if (prefix.Length == 0 && !body.Contains('{', StringComparison.Ordinal))
            {
                continue; // a function definition has a body in braces: most bodies (constants, expressions) are not tried as one
            }

            // A statement that ends its own text ("{ ... }", "f(x);") gets no ";" after it: that
            // ";" would be an empty statement of its own that rules could match (misc/semicolon).
            string suffix = prefix == s_wrappers[^1].Prefix && (body.EndsWith('}') || body.EndsWith(';')) ? wrapperSuffix[1..] : wrapperSuffix;
            var wrapped = Parser.Parse(SourceText.FromString(tree.Text.Path, prefix + body + suffix), _reading.ParseOptions, _reading.Names);
            if (!wrapped.Root.ContainsErrors && !HasErrors(wrapped) && (prefix == s_wrappers[^1].Prefix ? IsOneStatement(wrapped, Encoding.UTF8.GetByteCount(prefix + body)) : IsOne(wrapped, prefix.Length == 0 ? SyntaxKind.FunctionDefinition : SyntaxKind.Declaration)))
            {
                var origin = new SourceOrigin(tree.Text, _fileStart, Encoding.UTF8.GetByteCount(prefix), Encoding.UTF8.GetByteCount(body));
                var options = _reading.Options;
                var types = file.Types is AnnotationTypeOracle annotation ? annotation.ForMacroBody(wrapped, _defineStart) : options.TypeOracleFactory?.Invoke(wrapped);
                Prefix = prefix;
                Suffix = suffix;
                _session = new FileSession(wrapped, options, types, origin);
                break;
            }
        }

        return _session;
    }

    /// <summary>
    /// The parse options with the file's type names known: a body parsed on its own reads
    /// "sizeof(Signature)" as the size of a type when the file declares or uses Signature as one, as
    /// spatch does, instead of the size of a parenthesised expression.
    /// </summary>
    private static ParseOptions WithFileTypeNames(SyntaxTree tree, ParseOptions options)
    {
        var names = new Dictionary<string, MacroKind>(StringComparer.Ordinal);
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.TypedefName)
            {
                names.TryAdd(node.AsTypedefName().Identifier.Text, MacroKind.TypeName);
            }
            else if (node.Kind == SyntaxKind.InitDeclarator && IsTypedefDeclaration(tree, node)
                && Declarators.DeclaredIdentifier(node.AsInitDeclarator().Declarator, throughFunctions: false) is { } declared)
            {
                names.TryAdd(declared.Text, MacroKind.TypeName);
            }
        }

        return names.Count == 0 ? options : options with { Macros = options.Macros.WithNames(names) };
    }

    /// <summary>Whether a declarator belongs to a declaration whose specifiers say typedef.</summary>
    private static bool IsTypedefDeclaration(SyntaxTree tree, SyntaxNode declarator)
    {
        for (var n = declarator.Parent; n is { } node; n = node.Parent)
        {
            if (node.Kind is SyntaxKind.StructSpecifier or SyntaxKind.EnumSpecifier)
            {
                return false; // a field of a struct declared in a typedef
            }

            if (node.Kind == SyntaxKind.Declaration)
            {
                for (int t = node.FirstTokenIndex; t < declarator.FirstTokenIndex; t++)
                {
                    if (tree.GetToken(t).Kind == SyntaxKind.TypedefKeyword)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    private static bool InsideFunction(IReadOnlyList<SyntaxNode> functions, int offset)
    {
        // Functions are in file order: a binary search on their starts.
        int lo = 0, hi = functions.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = functions[mid].Span;
            if (offset < span.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the wrapped body is one item of the given kind (a function, or the wrapper's declaration).</summary>
    private static bool IsOne(SyntaxTree tree, SyntaxKind kind)
    {
        int count = 0;
        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.Kind != kind)
            {
                return false;
            }

            count++;
        }

        return count == 1;
    }

    /// <summary>
    /// Whether the wrapped body is one statement that the body completes (<paramref name="bodyEnd"/>
    /// is where the body ends in the wrapped text): spatch reads a body of several ("a(); b();")
    /// as no code, and matches nothing in it, nor in one the wrapper's ";" would complete
    /// ("if (x) ; else"), but for "do { ... } while (0)".
    /// </summary>
    private static bool IsOneStatement(SyntaxTree tree, int bodyEnd)
    {
        int count = 0;
        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.Kind == SyntaxKind.FunctionDefinition && item.AsFunctionDefinition().Body.Kind == SyntaxKind.CompoundStatement)
            {
                foreach (var statement in item.AsFunctionDefinition().Body.AsCompoundStatement().StatementList.ChildNodes())
                {
                    if (statement.Kind == SyntaxKind.EmptyStatement)
                    {
                        continue;
                    }

                    if (statement.Span.End > bodyEnd && statement.Kind != SyntaxKind.DoStatement)
                    {
                        return false;
                    }

                    if (JumpsOut(statement))
                    {
                        return false;
                    }

                    count++;
                }
            }
        }

        return count == 1;
    }

    /// <summary>
    /// Whether the statement of a body leaves it in a way spatch cannot follow, so that it matches
    /// nothing in the body: a break or continue with no loop (or, for break, switch) around it in
    /// the body, a goto to a label the body does not have, or a return under a body's own
    /// "do ... while". A body's own "do ... while" is no loop for a break or continue in it.
    /// </summary>
    private static bool JumpsOut(SyntaxNode statement)
    {
        HashSet<string>? labels = null;
        foreach (var node in statement.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.LabeledStatement)
            {
                (labels ??= new HashSet<string>(StringComparer.Ordinal)).Add(node.AsLabeledStatement().Label.Text);
            }
        }

        return Leaves(statement, outerDo: statement.Kind == SyntaxKind.DoStatement, inLoop: false, inSwitch: false);

        bool Leaves(SyntaxNode node, bool outerDo, bool inLoop, bool inSwitch)
        {
            switch (node.Kind)
            {
                case SyntaxKind.ReturnStatement when outerDo:
                case SyntaxKind.BreakStatement when !inLoop && !inSwitch:
                case SyntaxKind.ContinueStatement when !inLoop:
                    return true;
                case SyntaxKind.GotoStatement:
                    var target = node.AsGotoStatement().Target;
                    return target.Kind == SyntaxKind.IdentifierName && labels?.Contains(target.AsIdentifierName().Identifier.Text) != true;
                case SyntaxKind.WhileStatement or SyntaxKind.ForStatement or SyntaxKind.IteratorStatement:
                    inLoop = true;
                    break;
                case SyntaxKind.DoStatement when node != statement:
                    inLoop = true;
                    break;
                case SyntaxKind.SwitchStatement:
                    inSwitch = true;
                    break;
            }

            foreach (var child in node.ChildNodes())
            {
                if (Leaves(child, outerDo, inLoop, inSwitch))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The body with "a ## b ## c" spelt as one name ("a______b______c") and "#x" as a string
    /// ("\"x\"", padded to the same length); a "##" after anything but a name (", ## __VA_ARGS__")
    /// is spelt as blanks. Every byte keeps its offset; <paramref name="pasted"/> receives what was
    /// spelt otherwise, in order.
    /// </summary>
    private static string Spell(string body, string path, List<(string Original, string Spelling)> pasted)
    {
        if (!body.Contains('#', StringComparison.Ordinal))
        {
            return body;
        }

        // Lexed after "(" so that a leading "#" is no directive.
        byte[] bytes = Encoding.UTF8.GetBytes("(" + body);
        var lexed = Lexer.Lex(new SourceText(path, bytes));
        bool changed = false;
        for (int i = 1; i < lexed.Count; i++)
        {
            var kind = lexed.KindAt(i);
            if (kind == SyntaxKind.HashHashToken)
            {
                int first = i - 1, last = i;
                for (int j = i; lexed.KindAt(first) == SyntaxKind.IdentifierToken && j + 1 < lexed.Count && lexed.KindAt(j) == SyntaxKind.HashHashToken
                    && lexed.KindAt(j + 1) is SyntaxKind.IdentifierToken or SyntaxKind.IntegerLiteralToken; j += 2)
                {
                    last = j + 1;
                }

                if (last == i)
                {
                    // Nothing to paste into a name: the operator is dropped (kept with the tokens
                    // around it, to be found again in a changed body).
                    var op = lexed.SpanAt(i);
                    int from = lexed.SpanAt(i - 1).Start, to = i + 1 < lexed.Count ? lexed.SpanAt(i + 1).End : op.End;
                    string original = Encoding.UTF8.GetString(bytes, from, to - from);
                    bytes[op.Start] = bytes[op.Start + 1] = (byte)' ';
                    pasted.Add((original, Encoding.UTF8.GetString(bytes, from, to - from)));
                    changed = true;
                    continue;
                }

                int start = lexed.SpanAt(first).Start, end = lexed.SpanAt(last).End;
                Replace(bytes, start, end, bytes[start], (byte)'_', pasted);
                changed = true;
                i = last;
            }
            else if (kind == SyntaxKind.HashToken && i + 1 < lexed.Count && lexed.KindAt(i + 1) == SyntaxKind.IdentifierToken)
            {
                int start = lexed.SpanAt(i).Start, end = lexed.SpanAt(i + 1).End;
                Replace(bytes, start, end, (byte)'"', (byte)'x', pasted);
                bytes[end - 1] = (byte)'"';
                pasted[^1] = (pasted[^1].Original, Encoding.UTF8.GetString(bytes, start, end - start));
                changed = true;
                i++;
            }
        }

        return changed ? Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1) : body;
    }

    private static void Replace(byte[] bytes, int start, int end, byte first, byte fill, List<(string Original, string Spelling)> pasted)
    {
        string original = Encoding.UTF8.GetString(bytes, start, end - start);
        bytes[start] = first;
        for (int k = start + 1; k < end; k++)
        {
            bytes[k] = fill;
        }

        pasted.Add((original, Encoding.UTF8.GetString(bytes, start, end - start)));
    }

    private static bool HasErrors(SyntaxTree tree)
    {
        foreach (var diagnostic in tree.Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The new body from the rendered wrapped text, or null when the change reached outside the body.</summary>
    public string? BodyOf(byte[] rendered)
    {
        string text = Encoding.UTF8.GetString(rendered);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || !text.EndsWith(Suffix, StringComparison.Ordinal) || text.Length < Prefix.Length + Suffix.Length)
        {
            return null;
        }

        string body = text[Prefix.Length..^Suffix.Length];
        if (_pasted.Count == 0)
        {
            return body;
        }

        // Each pasted name or stringified word is spelt back, in order, where the changed body still has it.
        var result = new StringBuilder(body.Length);
        int from = 0;
        foreach (var (original, spelling) in _pasted)
        {
            int at = body.IndexOf(spelling, from, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            result.Append(body, from, at - from).Append(original);
            from = at + spelling.Length;
        }

        return result.Append(body, from, body.Length - from).ToString();
    }

    /// <summary>
    /// Puts the changed bodies back into <paramref name="bytes"/> (the file after the rule's other
    /// edits): each directive is found again as the same #define of the file with the same text.
    /// </summary>
    public static byte[] Splice(byte[] bytes, string path, IReadOnlyList<(MacroBody Body, string NewBody)> changes)
    {
        var lexed = Lexer.Lex(new SourceText(path, bytes));
        var defines = new List<Directive>();
        foreach (var d in lexed.Directives)
        {
            if (d.Kind == DirectiveKind.Define)
            {
                defines.Add(d);
            }
        }

        var edits = new List<(int Start, int End, string Text)>();
        foreach (var (body, newBody) in changes)
        {
            if (body.Ordinal >= defines.Count)
            {
                continue;
            }

            var d = defines[body.Ordinal];
            string now = Encoding.UTF8.GetString(bytes, d.Start, d.End - d.Start);
            if (now != body.Directive)
            {
                continue;
            }

            int start = d.Start + Encoding.UTF8.GetByteCount(body.Directive.AsSpan(0, body.BodyOffset));
            int end = start + Encoding.UTF8.GetByteCount(body.Directive.AsSpan(body.BodyOffset, body.BodyLength));
            edits.Add((start, end, newBody));
        }

        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var output = new MemoryStream(bytes.Length + 64);
        int copied = 0;
        foreach (var (start, end, text) in edits)
        {
            if (start < copied)
            {
                continue;
            }

            output.Write(bytes, copied, start - copied);
            output.Write(Encoding.UTF8.GetBytes(text));
            copied = end;
        }

        output.Write(bytes, copied, bytes.Length - copied);
        return output.ToArray();
    }
}
