using System.Collections.Frozen;

namespace Sevenspot.C.Semantics;

/// <summary>
/// What a set of headers declares at file scope: typedefs, struct/union/enum tags with their fields,
/// variables, functions, enumeration constants and macros. Built once and shared: any number of
/// annotations, on any threads, can use one environment, and each looks a name up in it only when
/// the annotated file itself does not declare the name (spatch's include cache, in effect).
/// </summary>
public sealed class TypeEnvironment
{
    private readonly FrozenDictionary<string, OrdinaryEntry> _ordinary;
    private readonly FrozenDictionary<string, CType> _typedefs;
    private readonly FrozenDictionary<string, CTag>[] _tags;
    private readonly FrozenDictionary<string, MacroDefinition> _macros;

    internal TypeEnvironment(
        TypeAnnotationOptions options,
        int headerCount,
        Dictionary<string, OrdinaryEntry> ordinary,
        Dictionary<string, CType> typedefs,
        Dictionary<string, CTag>[] tags,
        Dictionary<string, MacroDefinition> macros)
    {
        Options = options;
        HeaderCount = headerCount;
        _ordinary = ordinary.ToFrozenDictionary(StringComparer.Ordinal);
        _typedefs = typedefs.ToFrozenDictionary(StringComparer.Ordinal);
        _tags = [.. tags.Select(t => t.ToFrozenDictionary(StringComparer.Ordinal))];
        _macros = macros.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An environment that declares nothing.</summary>
    public static TypeEnvironment Empty { get; } = new(TypeAnnotationOptions.Default, 0, [], [], [[], [], []], []);

    /// <summary>The options the headers were read with.</summary>
    public TypeAnnotationOptions Options { get; }

    /// <summary>Number of headers read.</summary>
    public int HeaderCount { get; }

    /// <summary>
    /// Reads the file-scope declarations of <paramref name="headers"/>, in order, as if they were
    /// included at the top of a file: later declarations of a name win. Function bodies and other
    /// expressions in the headers are not typed.
    /// </summary>
    public static TypeEnvironment Create(IReadOnlyList<SyntaxTree> headers, TypeAnnotationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.Count == 0 ? Empty : AnnotationPass.BuildEnvironment(headers, options ?? TypeAnnotationOptions.Default);
    }

    /// <summary>Types <paramref name="tree"/> as if the headers were included at its top. The work is done on the first query.</summary>
    public TypeAnnotation Annotate(SyntaxTree tree, TypeAnnotationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new TypeAnnotation(tree, null, this, options ?? Options);
    }

    /// <summary>A tag declared by the headers, or null.</summary>
    public CTag? GetTag(string name, CTagKind kind = CTagKind.Struct)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _tags[(int)kind].TryGetValue(name, out var tag) ? tag : null;
    }

    /// <summary>A typedef declared by the headers (a <see cref="CTypeKind.Typedef"/> type), or null.</summary>
    public CType? GetTypedef(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _typedefs.TryGetValue(name, out var type) ? type : null;
    }

    /// <summary>The type of a variable, function or enumeration constant declared by the headers, or null.</summary>
    public CType? GetGlobal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _ordinary.TryGetValue(name, out var entry) ? entry.Type : null;
    }

    internal bool TryGetOrdinary(string name, out OrdinaryEntry entry) => _ordinary.TryGetValue(name, out entry);

    internal bool TryGetMacro(string name, out MacroDefinition macro) => _macros.TryGetValue(name, out macro!);

    internal readonly record struct OrdinaryEntry(CType? Type, SymbolKind Kind);
}

/// <summary>
/// One #define (or #undef: an empty body) as written; immutable, so environments can share it.
/// Its position orders it: the annotated tree's at their offsets, headers' before everything.
/// </summary>
internal sealed class MacroDefinition(string body, string[]? parameters, int position, MacroDefinition? previous)
{
    public string Body { get; } = body;

    /// <summary>Parameter names of a function-like macro; null for an object-like one.</summary>
    public string[]? Parameters { get; } = parameters;

    public int Position { get; } = position;

    /// <summary>An earlier definition of the same name.</summary>
    public MacroDefinition? Previous { get; } = previous;
}
