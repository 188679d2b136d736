using System.Text;

namespace Sevenspot.C.Semantics;

/// <summary>
/// Types of macros, as spatch has them: a use of an object-like macro (<c>#define LIMIT 10</c>)
/// and a call of a function-like macro have the type of the macro's body when that body is an
/// expression. As in spatch, which reads the file in order, the body is typed with what was
/// declared before the #define (macros included), and a use sees the last #define before it.
/// Bodies are parsed on first use only (most files never ask), wrapped in a small function so the
/// ordinary parser reads them; parameters of a function-like macro are unknown.
/// </summary>
internal sealed partial class AnnotationPass
{
    private const int MaxMacroNesting = 8;

    // The annotated tree's #defines by name key, latest first; built on the first lookup.
    private Dictionary<int, MacroDefinition>? _macros;

    // Per pass: the typed macros, and those being typed (#define A B / #define B A).
    private readonly Dictionary<MacroDefinition, CType?> _macroTypes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<MacroDefinition> _macrosInProgress = new(ReferenceEqualityComparer.Instance);
    private int _macroNesting;

    /// <summary>The type of the macro named by a token, as defined last before that token (in the file, else in the headers).</summary>
    private CType? MacroType(int key, bool functionLike, int token)
    {
        if (!_options.UseMacroDefinitions)
        {
            return null;
        }

        var macro = VisibleMacro(key, token);
        if (macro is null || macro.Body.Length == 0 || (macro.Parameters is not null) != functionLike)
        {
            return null;
        }

        if (_macroTypes.TryGetValue(macro, out var known))
        {
            return known;
        }

        if (_macroNesting >= MaxMacroNesting || !CanNest() || !_macrosInProgress.Add(macro))
        {
            return null;
        }

        _macroNesting++;
        CType? type;
        try
        {
            type = TypeMacroBody(macro);
        }
        finally
        {
            _macroNesting--;
            _macrosInProgress.Remove(macro);
        }

        _macroTypes[macro] = type;
        return type;
    }

    /// <summary>The #define of a name that a token sees: the last before it in the file, else in the headers.</summary>
    private MacroDefinition? VisibleMacro(int key, int token)
    {
        _macros ??= CollectMacros();
        int use = _visibleBefore != int.MaxValue ? _visibleBefore : IsMainTree ? _tokens[token].Start : int.MaxValue;
        _macros.TryGetValue(key, out var macro);
        while (macro is not null && macro.Position >= use)
        {
            macro = macro.Previous;
        }

        if (macro is null && _environment.TryGetMacro(_keys.GetName(key), out var fromHeaders))
        {
            macro = fromHeaders;
            while (macro is not null && macro.Position >= use)
            {
                macro = macro.Previous;
            }
        }

        return macro;
    }

    /// <summary>
    /// The type an object-like macro stands for when used as a type and its body is a basic type
    /// ("#define INT16 int", "#define U32 unsigned long"): spatch reads such a use as that type.
    /// </summary>
    private CType? MacroBaseType(int key, int token)
    {
        if (!_options.UseMacroDefinitions || VisibleMacro(key, token) is not { Parameters: null } macro)
        {
            return null;
        }

        int longs = 0;
        bool isVoid = false, isBool = false, isChar = false, isShort = false, isFloat = false, isDouble = false, isSigned = false, isUnsigned = false, any = false;
        foreach (string word in CleanBody(macro.Body).Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word)
            {
                case "void": isVoid = true; break;
                case "_Bool": isBool = true; break;
                case "char": isChar = true; break;
                case "short": isShort = true; break;
                case "int": break;
                case "long": longs++; break;
                case "float": isFloat = true; break;
                case "double": isDouble = true; break;
                case "signed" or "__signed__": isSigned = true; break;
                case "unsigned": isUnsigned = true; break;
                default: return null;
            }

            any = true;
        }

        return any ? CType.FromKind(NormaliseBase(longs, isVoid, isBool, isChar, isShort, isFloat, isDouble, isSigned, isUnsigned, false, false)) : null;
    }

    private CType? TypeMacroBody(MacroDefinition macro)
    {
        // PERF: most bodies are a constant or a name, and statements are common; parsing a probe costs a whole parser.
        string text = CleanBody(macro.Body);
        if (IsStatementBody(text))
        {
            return null;
        }

        if (TrySimpleBody(macro, text, out var simple))
        {
            return simple;
        }

        // Token pasting cannot be followed without the arguments; gluing the neighbours lets
        // ((unsigned int)1e##exp) still read as a cast.
        string body = text.Replace("##", string.Empty, StringComparison.Ordinal);
        var probe = Parser.Parse("void __sevenspot_macro(void)\n{\n(" + body + "\n);\n}\n", "<macro>");
        if (probe.Root.ContainsErrors)
        {
            return null;
        }

        var saved = Save();
        int savedVisible = _visibleBefore;
        var map = _keys.Map(probe.Names);
        UseTree(probe, map, new CType?[probe.NodeCount], null);
        _visibleBefore = macro.Position;
        try
        {
            int expression = FindProbeExpression(probe);
            if (expression < 0)
            {
                return null;
            }

            _symbols.PushScope();
            foreach (string parameter in macro.Parameters ?? [])
            {
                _symbols.Add(NameSpace.Ordinary, _keys.GetOrAdd(parameter), null, SymbolKind.Local, int.MinValue);
            }

            _typeDepth++;
            Walk(expression);
            _typeDepth--;
            _symbols.PopScope();
            return TypeOf(expression);
        }
        finally
        {
            _visibleBefore = savedVisible;
            Restore(saved);
        }
    }

    /// <summary>
    /// Types a body that is, inside parentheses and after a sign, one number, character, string or
    /// name, without parsing it; false for anything else.
    /// </summary>
    private bool TrySimpleBody(MacroDefinition macro, string text, out CType? type)
    {
        type = null;
        var body = text.AsSpan().Trim();
        while (body.Length >= 2 && body[0] == '(' && ClosingParenthesis(body) == body.Length - 1)
        {
            body = body[1..^1].Trim();
        }

        // Unary +, - and ~ keep their operand's type in spatch.
        while (body.Length > 1 && body[0] is '-' or '+' or '~' && body[1] != body[0])
        {
            body = body[1..].TrimStart();
        }

        if (body.Length == 0)
        {
            return false;
        }

        char first = body[0];
        if (char.IsAsciiDigit(first) || (first == '.' && body.Length > 1 && char.IsAsciiDigit(body[1])))
        {
            if (!IsNumber(body))
            {
                return false;
            }

            type = NumberType(body);
            return true;
        }

        if (first == '\'' && body.Length >= 3 && body[^1] == '\'' && body[1..^1].IndexOf('\'') < 0)
        {
            type = CType.Char;
            return true;
        }

        if (first == '"' && body[^1] == '"' && body[1..^1].IndexOf('"') < 0)
        {
            type = s_charArray;
            return true;
        }

        if (!Identifiers.IsPlain(body))
        {
            return false;
        }

        string name = body.ToString();
        if (macro.Parameters is { } parameters && Array.IndexOf(parameters, name) >= 0)
        {
            return true; // a parameter: unknown
        }

        int saved = _visibleBefore;
        _visibleBefore = macro.Position;
        try
        {
            int key = _keys.GetOrAdd(name);
            int binding = LookupVisible(NameSpace.Ordinary, key);
            type = binding >= 0 ? _symbols[binding].Type
                : TryEnvironmentOrdinary(key, out var fromHeaders) ? fromHeaders.Type
                : MacroType(key, functionLike: false, -1);
        }
        finally
        {
            _visibleBefore = saved;
        }

        return true;
    }

    /// <summary>The body without comments and line continuations (the same string when it has none).</summary>
    internal static string CleanBody(string body)
    {
        if (body.IndexOfAny(['/', '\\']) < 0)
        {
            return body;
        }

        var sb = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c is '"' or '\'')
            {
                // Copy a literal whole: comment markers inside it are text.
                int end = i + 1;
                while (end < body.Length && body[end] != c)
                {
                    end += body[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end, body.Length - 1);
                sb.Append(body, i, end - i + 1);
                i = end;
            }
            else if (c == '/' && i + 1 < body.Length && body[i + 1] == '*')
            {
                int end = body.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? body.Length : end + 1;
                sb.Append(' ');
            }
            else if (c == '/' && i + 1 < body.Length && body[i + 1] == '/')
            {
                break;
            }
            else if (c == '\\' && i + 1 < body.Length && body[i + 1] is '\n' or '\r')
            {
                sb.Append(' ');
                i++;
                if (body[i] == '\r' && i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>Bodies that are statements, never expressions: do { } while (0), if (...) ..., return x.</summary>
    private static bool IsStatementBody(string text)
    {
        var t = text.AsSpan().TrimStart();
        int end = 0;
        while (end < t.Length && (char.IsAsciiLetterOrDigit(t[end]) || t[end] == '_'))
        {
            end++;
        }

        return t[..end] is "do" or "if" or "for" or "while" or "switch" or "return" or "goto" or "break" or "continue" or "else" or "case" or "default"
            || (t.Length > 0 && t[0] == '{');
    }

    private static int ClosingParenthesis(ReadOnlySpan<char> text)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
                case '\'' or '"':
                    return -1; // a literal may hold parentheses; leave it to the parser
            }
        }

        return -1;
    }

    /// <summary>A C preprocessing number, exponent signs included.</summary>
    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' || (c is '+' or '-' && i > 0 && text[i - 1] is 'e' or 'E' or 'p' or 'P'))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>The type of a numeric constant as spatch gives it: float by suffix, integer by suffix alone.</summary>
    private static CType NumberType(ReadOnlySpan<char> text)
    {
        bool hex = text.Length > 1 && text[0] == '0' && text[1] is 'x' or 'X';
        bool isFloat = hex ? text.IndexOfAny('p', 'P') >= 0 : text.IndexOfAny('.', 'e', 'E') >= 0;
        char last = text[^1];
        if (isFloat)
        {
            return last is 'f' or 'F' ? CType.FromKind(CTypeKind.Float) : last is 'l' or 'L' ? CType.FromKind(CTypeKind.LongDouble) : CType.Double;
        }

        int longs = 0;
        bool unsigned = false;
        for (int i = text.Length - 1; i > 0 && text[i] is 'u' or 'U' or 'l' or 'L'; i--)
        {
            if (text[i] is 'u' or 'U')
            {
                unsigned = true;
            }
            else
            {
                longs++;
            }
        }

        return IntegerType(longs, unsigned);
    }

    /// <summary>The parenthesised body in the probe function: unit, item list, definition, body, statements, statement, expression.</summary>
    private int FindProbeExpression(SyntaxTree probe)
    {
        int items = NodeSlot(probe.RootIndex, 0);
        int function = items < 0 ? -1 : NodeSlot(items, 0);
        if (function < 0 || KindOf(function) != SyntaxKind.FunctionDefinition)
        {
            return -1;
        }

        int body = NodeSlot(function, 3);
        int statements = body < 0 ? -1 : NodeSlot(body, 1);
        if (statements < 0 || _nodes[statements].ChildCount != 1)
        {
            return -1;
        }

        int statement = NodeSlot(statements, 0);
        return statement >= 0 && KindOf(statement) == SyntaxKind.ExpressionStatement ? NodeSlot(statement, 0) : -1;
    }

    /// <summary>The #defines and #undefs of the annotated tree, at their offsets, by name key.</summary>
    private Dictionary<int, MacroDefinition> CollectMacros()
    {
        var macros = new Dictionary<int, MacroDefinition>();
        if (_main is null)
        {
            return macros;
        }

        foreach (var (name, body, parameters, position) in ReadDefines(_main, offsets: true))
        {
            // Names used only in other macros' bodies are not tokens of any tree yet: give them keys too.
            int key = _keys.GetOrAdd(name);
            macros.TryGetValue(key, out var previous);
            macros[key] = new MacroDefinition(body, parameters, position, previous);
        }

        return macros;
    }

    /// <summary>
    /// The #defines of a tree in order, with their offsets. An #undef, or a #define with an empty
    /// body, is a definition with an empty body: it hides earlier ones and has no type.
    /// </summary>
    internal static List<(string Name, string Body, string[]? Parameters, int Position)> ReadDefines(SyntaxTree tree, bool offsets = false)
    {
        var result = new List<(string, string, string[]?, int)>();
        var bytes = tree.Text.Bytes;
        foreach (var directive in tree.Lexed.Directives)
        {
            if (directive.Kind is not (DirectiveKind.Define or DirectiveKind.Undef) || directive.End > bytes.Length)
            {
                continue;
            }

            if (ParseDefine(bytes[directive.Start..directive.End], out string name, out var parameters, out string body))
            {
                result.Add((name, body, parameters, offsets ? directive.Start : 0));
            }
        }

        return result;
    }

    /// <summary>Splits "#define NAME(params) body" into its parts, and "#undef NAME" into a name and an empty body; false for anything else.</summary>
    internal static bool ParseDefine(ReadOnlySpan<byte> text, out string name, out string[]? parameters, out string body)
    {
        name = body = string.Empty;
        parameters = null;
        int i = 0;
        i = SkipBlanks(text, i);
        if (i >= text.Length || text[i] != (byte)'#')
        {
            return false;
        }

        i = SkipBlanks(text, i + 1);
        bool undef = text[i..].StartsWith("undef"u8);
        if (!undef && !text[i..].StartsWith("define"u8))
        {
            return false;
        }

        i = SkipBlanks(text, i + (undef ? 5 : 6));
        int nameStart = i;
        while (i < text.Length && IsIdentifierByte(text[i]))
        {
            i++;
        }

        if (i == nameStart || char.IsAsciiDigit((char)text[nameStart]))
        {
            return false;
        }

        name = Encoding.UTF8.GetString(text[nameStart..i]);
        if (undef)
        {
            return true;
        }

        if (i < text.Length && text[i] == (byte)'(')
        {
            int close = text[i..].IndexOf((byte)')');
            if (close < 0)
            {
                return false;
            }

            var list = new List<string>();
            foreach (var part in Encoding.UTF8.GetString(text.Slice(i + 1, close - 1)).Split(','))
            {
                string p = part.Trim();
                if (p.Length > 0 && p != "...")
                {
                    list.Add(p);
                }
            }

            parameters = [.. list];
            i += close + 1;
        }

        body = Encoding.UTF8.GetString(text[i..]).Trim();
        return true;
    }

    private static int SkipBlanks(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    private static bool IsIdentifierByte(byte c) => char.IsAsciiLetterOrDigit((char)c) || c == (byte)'_' || c >= 0x80;
}
