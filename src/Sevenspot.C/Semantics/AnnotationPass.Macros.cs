using System.Text;

namespace Sevenspot.C.Semantics;

/// <summary>
/// Types of macros, as spatch has them: a use of an object-like macro (<c>#define LIMIT 10</c>)
/// and a call of a function-like macro have the type of the macro's body when that body is an
/// expression. Bodies are parsed on first use only (most files never ask), wrapped in a small
/// function so the ordinary parser reads them; parameters of a function-like macro are unknown.
/// </summary>
internal sealed partial class AnnotationPass
{
    private const int MaxMacroNesting = 8;

    private Dictionary<int, MacroDefinition>? _macros;
    private int _macroNesting;

    private sealed class MacroDefinition(string body, string[]? parameters)
    {
        public string Body { get; } = body;

        /// <summary>Parameter names of a function-like macro; null for an object-like one.</summary>
        public string[]? Parameters { get; } = parameters;

        public bool Typed { get; set; }

        public bool InProgress { get; set; }

        public CType? Type { get; set; }
    }

    private CType? MacroType(int key, bool functionLike)
    {
        if (!_options.UseMacroDefinitions)
        {
            return null;
        }

        _macros ??= CollectMacros();
        if (_macros.Count == 0 || !_macros.TryGetValue(key, out var macro) || (macro.Parameters is not null) != functionLike)
        {
            return null;
        }

        if (macro.Typed)
        {
            return macro.Type;
        }

        if (macro.InProgress || _macroNesting >= MaxMacroNesting || !CanNest())
        {
            return null; // #define A B / #define B A
        }

        macro.InProgress = true;
        _macroNesting++;
        try
        {
            macro.Type = TypeMacroBody(macro);
        }
        finally
        {
            _macroNesting--;
            macro.InProgress = false;
        }

        macro.Typed = true;
        return macro.Type;
    }

    private CType? TypeMacroBody(MacroDefinition macro)
    {
        var probe = Parser.Parse("void __sevenspot_macro(void)\n{\n(" + macro.Body + "\n);\n}\n", "<macro>");
        if (probe.Root.ContainsErrors)
        {
            return null;
        }

        var saved = Save();
        var map = _keys.Map(probe.Names);
        UseTree(probe, map, new CType?[probe.NodeCount], null);
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
                _symbols.Add(NameSpace.Ordinary, _keys.GetOrAdd(parameter), null, SymbolKind.Local);
            }

            _typeDepth++;
            Walk(expression);
            _typeDepth--;
            _symbols.PopScope();
            return TypeOf(expression);
        }
        finally
        {
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

    /// <summary>The #define directives of the annotated tree and of the headers, by name key; the first definition of a name wins.</summary>
    private Dictionary<int, MacroDefinition> CollectMacros()
    {
        var macros = new Dictionary<int, MacroDefinition>();
        Collect(_main, macros);
        foreach (var header in _headers)
        {
            if (header is not null && !ReferenceEquals(header, _main))
            {
                Collect(header, macros);
            }
        }

        return macros;
    }

    private void Collect(SyntaxTree tree, Dictionary<int, MacroDefinition> macros)
    {
        var bytes = tree.Text.Bytes;
        foreach (var directive in tree.Lexed.Directives)
        {
            if (directive.Kind != DirectiveKind.Define || directive.End > bytes.Length)
            {
                continue;
            }

            if (ParseDefine(bytes[directive.Start..directive.End], out string name, out var parameters, out string body))
            {
                int key = _keys.Find(name);
                if (key >= 0)
                {
                    macros.TryAdd(key, new MacroDefinition(body, parameters));
                }
            }
        }
    }

    /// <summary>Splits "#define NAME(params) body" into its parts; false for anything else.</summary>
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
        if (!text[i..].StartsWith("define"u8))
        {
            return false;
        }

        i = SkipBlanks(text, i + 6);
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
        return body.Length > 0;
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
