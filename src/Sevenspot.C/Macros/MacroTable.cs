using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// What the parser knows about macros and external type names. It reads files in the format
/// of Coccinelle's standard.h (#define lines, with the YACFE_* markers), plus typedef lines.
/// The built-in table, shipped with Sevenspot, covers the kernel's common macros.
/// </summary>
public sealed class MacroTable
{
    private static readonly Lazy<MacroTable> s_builtin = new(LoadBuiltin);

    private readonly FrozenDictionary<string, MacroKind> _kinds;
    private readonly FrozenDictionary<string, MacroKind>.AlternateLookup<ReadOnlySpan<char>> _kindsBySpan;
    private readonly FrozenSet<string> _functionHeads;

    // Names added over a shared table (WithNames): looked up first, so that they override it.
    private readonly MacroTable? _base;
    private readonly Dictionary<string, MacroKind>? _extra;
    private readonly Dictionary<string, MacroKind>.AlternateLookup<ReadOnlySpan<char>> _extraBySpan;

    private MacroTable(Dictionary<string, MacroKind> kinds, HashSet<string> functionHeads, IReadOnlyList<Diagnostic> diagnostics)
    {
        _kinds = kinds.ToFrozenDictionary(StringComparer.Ordinal);
        _kindsBySpan = _kinds.GetAlternateLookup<ReadOnlySpan<char>>();
        _functionHeads = functionHeads.ToFrozenSet(StringComparer.Ordinal);
        Diagnostics = diagnostics;
    }

    // PERF: a table extended per file (the type names a file's #define bodies are parsed with) keeps
    // the frozen table it extends and adds a small dictionary, instead of copying and freezing the
    // whole table for every file.
    private MacroTable(MacroTable shared, Dictionary<string, MacroKind> extra)
    {
        _base = shared._base ?? shared;
        _kinds = shared._kinds;
        _kindsBySpan = shared._kindsBySpan;
        _functionHeads = shared._functionHeads;
        _extra = extra;
        _extraBySpan = extra.GetAlternateLookup<ReadOnlySpan<char>>();
        Diagnostics = shared.Diagnostics;
    }

    /// <summary>The table shipped with Sevenspot.</summary>
    public static MacroTable Builtin => s_builtin.Value;

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public int Count
    {
        get
        {
            if (_extra is null)
            {
                return _kinds.Count;
            }

            int count = _kinds.Count;
            foreach (string name in _extra.Keys)
            {
                count += _kinds.ContainsKey(name) ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>The table this one adds names to (<see cref="WithNames"/>), or null for a table of its own.</summary>
    public MacroTable? Extends => _base;

    /// <summary>The names this table adds to (or changes in) the table it extends.</summary>
    public IEnumerable<string> AddedNames => _extra is null ? [] : _extra.Keys;

    public MacroKind Classify(string name) => TryGetKind(name, out var kind) ? kind : MacroKind.None;

    /// <summary>
    /// Whether NAME(args) stands for a function header (the macro's body ends in a parameter list,
    /// as SYSCALL_DEFINE3's): spatch expands such a macro when NAME(args) { ... } does not read as
    /// a function as written, so the function is read whatever its arguments.
    /// </summary>
    public bool IsFunctionHead(string name) => _functionHeads.Contains(name);

    private bool TryGetKind(string name, out MacroKind kind) =>
        (_extra is not null && _extra.TryGetValue(name, out kind)) || _kinds.TryGetValue(name, out kind);

    /// <summary>Classifies a name given as UTF-8 bytes, as the lexer's name table holds it.</summary>
    public MacroKind Classify(ReadOnlySpan<byte> name)
    {
        // PERF: the parser classifies every distinct name of every file; ASCII names need no string.
        if (name.Length <= 256 && Ascii.IsValid(name))
        {
            Span<char> chars = stackalloc char[name.Length];
            Ascii.ToUtf16(name, chars, out _);
            if (_extra is not null && _extraBySpan.TryGetValue(chars, out var added))
            {
                return added;
            }

            return _kindsBySpan.TryGetValue(chars, out var kind) ? kind : MacroKind.None;
        }

        return Classify(Encoding.UTF8.GetString(name));
    }

    /// <summary>The built-in table extended (and overridden) by the given macro files.</summary>
    public static MacroTable WithFiles(IEnumerable<SourceText> files, bool includeBuiltin = true)
    {
        var kinds = includeBuiltin ? new Dictionary<string, MacroKind>(Builtin._kinds, StringComparer.Ordinal) : new Dictionary<string, MacroKind>(StringComparer.Ordinal);
        var heads = includeBuiltin ? new HashSet<string>(Builtin._functionHeads, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            Read(file, kinds, heads, diagnostics);
        }

        return new MacroTable(kinds, heads, diagnostics);
    }

    public static MacroTable FromText(string path, string text, bool includeBuiltin = true) => WithFiles([SourceText.FromString(path, text)], includeBuiltin);

    /// <summary>The table extended with names declared elsewhere (a semantic patch's attribute, declarer and iterator names).</summary>
    public MacroTable WithNames(IEnumerable<KeyValuePair<string, MacroKind>> names)
    {
        Dictionary<string, MacroKind>? extra = null;
        foreach (var (name, kind) in names)
        {
            if (!TryGetKind(name, out var old) || old != kind)
            {
                extra ??= _extra is null ? new Dictionary<string, MacroKind>(StringComparer.Ordinal) : new Dictionary<string, MacroKind>(_extra, StringComparer.Ordinal);
                extra[name] = kind;
            }
        }

        return extra is null ? this : new MacroTable(this, extra);
    }

    /// <summary>The name of "#define NAME MACROANNOTATION" (the directive's text), or null.</summary>
    public static string? AnnotationDefineName(ReadOnlySpan<byte> directive)
    {
        // PERF: called for every #define of every file; almost none are annotations.
        if (directive.IndexOf("MACROANNOTATION"u8) < 0)
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(directive).Trim();
        if (!text.StartsWith('#'))
        {
            return null;
        }

        string[] words = text[1..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words is ["define", var name, "MACROANNOTATION"] ? name : null;
    }

    private static MacroTable LoadBuiltin()
    {
        using var stream = typeof(MacroTable).Assembly.GetManifestResourceStream("builtin-macros.h")
            ?? throw new InvalidOperationException("The built-in macro table is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var kinds = new Dictionary<string, MacroKind>(StringComparer.Ordinal);
        var heads = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        Read(SourceText.FromString("builtin-macros.h", reader.ReadToEnd()), kinds, heads, diagnostics);
        return new MacroTable(kinds, heads, diagnostics);
    }

    /// <summary>Reads one macro file: logical lines (backslash continuations joined), #define and typedef lines.</summary>
    private static void Read(SourceText file, Dictionary<string, MacroKind> kinds, HashSet<string> functionHeads, List<Diagnostic> diagnostics)
    {
        foreach (var line in LogicalLines(file.ToString()))
        {
            string text = StripComments(line).Trim();
            if (text.StartsWith('#'))
            {
                string directive = text[1..].TrimStart();
                if (directive.StartsWith("define", StringComparison.Ordinal) && directive.Length > 6 && char.IsWhiteSpace(directive[6]))
                {
                    ReadDefine(directive[6..].TrimStart(), kinds, functionHeads);
                }

                continue;
            }

            if (text.StartsWith("typedef ", StringComparison.Ordinal) && text.EndsWith(';'))
            {
                string name = LastIdentifier(text[..^1]);
                if (name.Length > 0)
                {
                    kinds[name] = MacroKind.TypeName;
                }
            }
        }
    }

    private static void ReadDefine(string rest, Dictionary<string, MacroKind> kinds, HashSet<string> functionHeads)
    {
        int i = 0;
        while (i < rest.Length && (char.IsLetterOrDigit(rest[i]) || rest[i] == '_' || rest[i] == '$'))
        {
            i++;
        }

        if (i == 0)
        {
            return;
        }

        string name = rest[..i];
        bool functionLike = i < rest.Length && rest[i] == '(';
        string body;
        if (functionLike)
        {
            int close = rest.IndexOf(')', i);
            body = close < 0 ? string.Empty : rest[(close + 1)..].Trim();
        }
        else
        {
            body = rest[i..].Trim();
        }

        kinds[name] = ClassifyBody(name, body, functionLike);
        if (functionLike && IsFunctionHeadBody(body))
        {
            functionHeads.Add(name);
        }
        else
        {
            functionHeads.Remove(name);
        }
    }

    /// <summary>A body that is a function's header: words (a return type and a name) and a parameter list that ends it.</summary>
    private static bool IsFunctionHeadBody(string body)
    {
        int open = body.IndexOf('(');
        return open > 0 && body.EndsWith(')') && body.IndexOfAny([';', '{', '=', '"']) < 0
            && body[..open].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length >= 2;
    }

    private static MacroKind ClassifyBody(string name, string body, bool functionLike)
    {
        if (body.Length == 0)
        {
            return functionLike ? MacroKind.AttributeWithArguments : MacroKind.Attribute;
        }

        switch (body)
        {
            case "YACFE_ITERATOR":
                return MacroKind.Iterator;
            case "YACFE_DECLARATOR":
                return MacroKind.Declarer;
            case "YACFE_ATTRIBUTE" or "MACROANNOTATION":
                return functionLike ? MacroKind.AttributeWithArguments : MacroKind.Attribute;
            case "YACFE_STRING" or "YACFE_STRINGIFIER":
                return MacroKind.String;
            case "YACFE_STATEMENT" or "YACFE_MACROSTATEMENT":
                return MacroKind.Statement;
            case "YACFE_TYPE":
                return MacroKind.TypeBuilder;
        }

        if (body[0] == '"')
        {
            return MacroKind.String;
        }

        if (body.StartsWith("__attribute__", StringComparison.Ordinal))
        {
            return functionLike ? MacroKind.AttributeWithArguments : MacroKind.Attribute;
        }

        if (functionLike && (body.StartsWith("for ", StringComparison.Ordinal) || body.StartsWith("for(", StringComparison.Ordinal) || body.StartsWith("while", StringComparison.Ordinal)))
        {
            return MacroKind.Iterator;
        }

        string[] words = body.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.All(IsSpecifierWord))
        {
            return MacroKind.Specifier;
        }

        if (!functionLike && words.All(IsTypeWord))
        {
            return MacroKind.TypeName;
        }

        _ = name;
        return MacroKind.None;
    }

    private static bool IsSpecifierWord(string w) => w is "static" or "inline" or "extern" or "const" or "volatile" or "register" or "__inline" or "__inline__";

    private static bool IsTypeWord(string w) => w is "int" or "char" or "short" or "long" or "unsigned" or "signed" or "void" or "float" or "double" or "struct" or "union" or "const" || (w.Length > 0 && (char.IsLetter(w[0]) || w[0] == '_') && w.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '*'));

    private static string LastIdentifier(string text)
    {
        int end = text.Length;
        while (end > 0 && !(char.IsLetterOrDigit(text[end - 1]) || text[end - 1] == '_'))
        {
            end--;
        }

        int start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        return text[start..end];
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var sb = new StringBuilder();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.EndsWith('\\'))
            {
                sb.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }

            sb.Append(line);
            yield return sb.ToString();
            sb.Clear();
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    private static string StripComments(string line)
    {
        var sb = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                break;
            }

            if (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '*')
            {
                int end = line.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                i = end + 1;
                sb.Append(' ');
                continue;
            }

            sb.Append(line[i]);
        }

        return sb.ToString();
    }
}
