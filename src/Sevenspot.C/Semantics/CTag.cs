namespace Sevenspot.C.Semantics;

public enum CTagKind : byte
{
    Struct,
    Union,
    Enum,
}

/// <summary>One member of a struct or union. An unnamed struct or union member has no name; its fields are reached through it.</summary>
public readonly record struct CField(string? Name, CType Type);

/// <summary>
/// A struct, union or enum tag as declared in one scope. A tag first seen in a reference
/// (<c>struct foo *p;</c>) is incomplete; the definition that follows completes the same object,
/// so types written before the definition still reach its fields.
/// </summary>
public sealed class CTag
{
    private static readonly int[] s_noKeys = [];

    private CField[] _fields = [];
    private int[] _fieldKeys = s_noKeys;
    private string[] _enumerators = [];
    private CType? _type;

    internal CTag(CTagKind kind, string? name, int key = -1, object? keySpace = null)
    {
        Kind = kind;
        Name = name;
        Key = key;
        KeySpace = keySpace;
    }

    public CTagKind Kind { get; }

    /// <summary>The tag, or null for an anonymous struct, union or enum.</summary>
    public string? Name { get; }

    /// <summary>Whether the body ({ ... }) has been seen.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Members of a struct or union, in declaration order.</summary>
    public IReadOnlyList<CField> Fields => _fields;

    /// <summary>Enumeration constants of an enum, in declaration order.</summary>
    public IReadOnlyList<string> Enumerators => _enumerators;

    /// <summary>The type of a member, looking into unnamed struct and union members; null when absent.</summary>
    public CType? FindField(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindField(name, -1, 0);
    }

    /// <summary>The name key of the tag in the annotation that declared it, or -1.</summary>
    internal int Key { get; }

    /// <summary>The name keys <see cref="Key"/> and the field keys belong to (tags of an environment are shared by annotations with keys of their own).</summary>
    internal object? KeySpace { get; }

    /// <summary>The type <c>struct name</c> (union, enum) for this tag, shared by all uses.</summary>
    internal CType Type => _type ??= CType.ForTag(this);

    internal void Complete(CField[] fields, int[] fieldKeys)
    {
        _fields = fields;
        _fieldKeys = fieldKeys;
        IsComplete = true;
    }

    internal void CompleteEnum(string[] enumerators)
    {
        _enumerators = enumerators;
        IsComplete = true;
    }

    /// <summary>Looks a member up by the annotator's name key (fast path, when the key is of <see cref="KeySpace"/>) or, with key &lt; 0, by spelling.</summary>
    internal CType? FindField(string? name, int key, int depth)
    {
        var fields = _fields;
        var keys = _fieldKeys;
        if (keys.Length != fields.Length)
        {
            key = -1;
        }

        for (int i = 0; i < fields.Length; i++)
        {
            if (key >= 0 ? keys[i] == key : fields[i].Name is { } n && n == name)
            {
                return fields[i].Type;
            }
        }

        // Unnamed members: C11 anonymous structs and unions, common in the kernel.
        if (depth < 32)
        {
            for (int i = 0; i < fields.Length; i++)
            {
                if (fields[i].Name is null && fields[i].Type.Resolve() is { Kind: CTypeKind.Struct or CTypeKind.Union, Tag: { } inner } && inner != this)
                {
                    var found = inner.FindField(name, ReferenceEquals(inner.KeySpace, KeySpace) ? key : -1, depth + 1);
                    if (found is not null)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }

    public override string ToString() => (Kind switch { CTagKind.Union => "union ", CTagKind.Enum => "enum ", _ => "struct " }) + (Name ?? "{...}");
}
