using System.Text;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// The body of a #define of the file, parsed as C so that rules match inside it as spatch does
/// ("#define F(x) (sizeof(x)/sizeof(*x))" is changed by a rule on sizeof). The C parser keeps
/// directives as trivia, so each body is parsed on its own, wrapped in code that makes it a
/// statement (or an initializer), and the changed body is put back in the directive's place.
/// </summary>
internal sealed class MacroBody
{
    // An expression or an initializer ("{ .a = 1, }") is read as an initializer, so that it is no
    // statement (spatch does not match "f(x);" in "#define F(x) f(x)"); else a statement or a block.
    private static readonly (string Prefix, string Suffix)[] s_wrappers =
    [
        ("int __sevenspot_macro_body = ", ";\n"),
        ("void __sevenspot_macro_body(void) {\n", ";\n}\n"),
    ];

    private MacroBody(int ordinal, string directive, int bodyOffset, int bodyLength, string prefix, string suffix, FileSession session)
    {
        Ordinal = ordinal;
        Directive = directive;
        BodyOffset = bodyOffset;
        BodyLength = bodyLength;
        Prefix = prefix;
        Suffix = suffix;
        Session = session;
    }

    /// <summary>Index of the directive among the file's #define directives.</summary>
    public int Ordinal { get; }

    /// <summary>The directive's text, to find it again in the changed file.</summary>
    public string Directive { get; }

    /// <summary>Where the body starts within the directive's text.</summary>
    public int BodyOffset { get; }

    public int BodyLength { get; }

    public string Prefix { get; }

    public string Suffix { get; }

    public FileSession Session { get; }

    /// <summary>
    /// The bodies of the file's #define directives that parse as a statement or an initializer, each
    /// typed with what the file declared before it, and with its place in the file for positions.
    /// </summary>
    public static List<MacroBody> Read(FileSession file, RunOptions options)
    {
        var tree = file.Tree;
        var result = new List<MacroBody>();
        ParseOptions? parseOptions = null;
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
            string body = text[start..end];
            parseOptions ??= WithFileTypeNames(tree, options.ParseOptions);
            foreach (var (prefix, suffix) in s_wrappers)
            {
                var wrapped = Parser.Parse(SourceText.FromString(tree.Text.Path, prefix + body + suffix), parseOptions);
                if (!wrapped.Root.ContainsErrors && !HasErrors(wrapped))
                {
                    int fileStart = d.Start + Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
                    var origin = new SourceOrigin(tree.Text, fileStart, Encoding.UTF8.GetByteCount(prefix), Encoding.UTF8.GetByteCount(body));
                    var types = file.Types is AnnotationTypeOracle annotation ? annotation.ForMacroBody(wrapped, d.Start) : options.TypeOracleFactory?.Invoke(wrapped);
                    result.Add(new MacroBody(ordinal, text, start, end - start, prefix, suffix, new FileSession(wrapped, options, types, origin)));
                    break;
                }
            }
        }

        return result;
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

    private static bool InsideFunction(List<SyntaxNode> functions, int offset)
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

        return text[Prefix.Length..^Suffix.Length];
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
