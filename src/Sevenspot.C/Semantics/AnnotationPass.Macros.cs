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

    private CType? TypeMacroBody(MacroDefinition macro)
    {
        // Token pasting cannot be followed without the arguments; gluing the neighbours lets
        // ((unsigned int)1e##exp) still read as a cast.
        string body = macro.Body.Replace("##", string.Empty, StringComparison.Ordinal);
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
