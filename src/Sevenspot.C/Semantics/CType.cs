namespace Sevenspot.C.Semantics;

/// <summary>
/// An immutable C type. Equality is structural: kinds, qualifiers, pointee and element types,
/// array sizes (as written), parameter types, and the names of tags and typedefs. A typedef
/// compares by its name, as written in the code; <see cref="Resolve"/> and <see cref="Canonical"/>
/// see through typedefs. Parameter names and tag definitions do not take part in equality.
/// <see cref="ToString"/> prints the type as C, the way spatch shows a bound type:
/// <c>struct foo *</c>, <c>unsigned long</c>, <c>char [10]</c>, <c>int (*)(void)</c>.
/// </summary>
public sealed class CType : IEquatable<CType>
{
    private const int MaxDepth = 512;

    private static readonly CType[] s_noParameters = [];
    private static readonly string?[] s_noNames = [];
    private static readonly CType[] s_base = CreateBaseTypes();

    private readonly CType[] _parameters;
    private readonly string?[] _parameterNames;

    private CType(CTypeKind kind, CTypeQualifiers qualifiers, CType? element = null, string? name = null, string? arraySize = null,
        CType[]? parameters = null, string?[]? parameterNames = null, bool isVariadic = false, bool hasPrototype = true, CTag? tag = null, CType? typedefTarget = null)
    {
        Kind = kind;
        Qualifiers = qualifiers;
        ElementType = element;
        Name = name;
        ArraySize = arraySize;
        _parameters = parameters ?? s_noParameters;
        _parameterNames = parameterNames ?? s_noNames;
        IsVariadic = isVariadic;
        HasPrototype = hasPrototype;
        Tag = tag;
        TypedefTarget = typedefTarget;
    }

    public static CType Unknown => s_base[(int)CTypeKind.Unknown];

    public static CType Void => s_base[(int)CTypeKind.Void];

    public static CType Bool => s_base[(int)CTypeKind.Bool];

    public static CType Char => s_base[(int)CTypeKind.Char];

    public static CType Int => s_base[(int)CTypeKind.Int];

    public static CType UnsignedInt => s_base[(int)CTypeKind.UnsignedInt];

    public static CType Long => s_base[(int)CTypeKind.Long];

    public static CType UnsignedLong => s_base[(int)CTypeKind.UnsignedLong];

    public static CType Double => s_base[(int)CTypeKind.Double];

    public static CType SizeT => s_base[(int)CTypeKind.SizeT];

    public static CType PtrDiffT => s_base[(int)CTypeKind.PtrDiffT];

    public CTypeKind Kind { get; }

    public CTypeQualifiers Qualifiers { get; }

    public bool IsConst => (Qualifiers & CTypeQualifiers.Const) != 0;

    public bool IsVolatile => (Qualifiers & CTypeQualifiers.Volatile) != 0;

    /// <summary>The pointee of a pointer, the element of an array, the return type of a function; otherwise null.</summary>
    public CType? ElementType { get; }

    /// <summary>The tag of a struct, union or enum (null when anonymous), the name of a typedef, or the expression of a typeof.</summary>
    public string? Name { get; }

    /// <summary>The size of an array as written (tokens joined, a space only between two words: <c>2*N</c>, <c>sizeof(struct foo)</c>), or null for <c>[]</c>.</summary>
    public string? ArraySize { get; }

    /// <summary>Parameter types of a function type.</summary>
    public IReadOnlyList<CType> Parameters => _parameters;

    /// <summary>Parameter names of a function type as declared (null entries for unnamed ones); not part of equality.</summary>
    public IReadOnlyList<string?> ParameterNames => _parameterNames;

    public bool IsVariadic { get; }

    /// <summary>False for a function declared with an empty parameter list, <c>int f()</c>.</summary>
    public bool HasPrototype { get; }

    /// <summary>The definition of a struct, union or enum as seen where the type was written, when known.</summary>
    public CTag? Tag { get; }

    /// <summary>For a typedef name: the type it was declared with, or null when the typedef is not declared anywhere we looked.</summary>
    public CType? TypedefTarget { get; }

    /// <summary>Whether this is the unknown type.</summary>
    public bool IsUnknown => Kind == CTypeKind.Unknown;

    /// <summary>Base (arithmetic or void) types, not typedefs, pointers or aggregates.</summary>
    public bool IsBaseType => IsBaseKind(Kind);

    // ---- Predicates on the type with typedefs resolved ----

    public bool IsPointer => Resolve().Kind == CTypeKind.Pointer;

    public bool IsArray => Resolve().Kind == CTypeKind.Array;

    public bool IsFunction => Resolve().Kind == CTypeKind.Function;

    public bool IsVoid => Resolve().Kind == CTypeKind.Void;

    /// <summary>Integer types, enums included.</summary>
    public bool IsInteger => IsIntegerKind(Resolve().Kind);

    public bool IsFloating => Resolve().Kind is >= CTypeKind.Float and <= CTypeKind.LongDoubleComplex;

    public bool IsArithmetic => IsInteger || IsFloating;

    /// <summary>Arithmetic or pointer.</summary>
    public bool IsScalar => IsArithmetic || IsPointer;

    public bool IsStructOrUnion => Resolve().Kind is CTypeKind.Struct or CTypeKind.Union;

    /// <summary>Whether the type, typedefs resolved, is <c>struct tag</c> (or <c>union tag</c> with <paramref name="union"/>).</summary>
    public bool IsStruct(string tag, bool union = false)
    {
        var r = Resolve();
        return r.Kind == (union ? CTypeKind.Union : CTypeKind.Struct) && r.Name == tag;
    }

    /// <summary>Whether the type, typedefs resolved, is a pointer to <c>struct tag</c>.</summary>
    public bool IsPointerToStruct(string tag) => Resolve() is { Kind: CTypeKind.Pointer, ElementType: { } pointee } && pointee.IsStruct(tag);

    // ---- Factories ----

    /// <summary>The unqualified type of a base kind (void, int, unsigned long, size_t, ...).</summary>
    public static CType FromKind(CTypeKind kind)
    {
        if (!IsBaseKind(kind) && kind != CTypeKind.Unknown)
        {
            throw new ArgumentException($"{kind} is not a base type kind.", nameof(kind));
        }

        return s_base[(int)kind];
    }

    public static CType Pointer(CType pointee, CTypeQualifiers qualifiers = CTypeQualifiers.None)
    {
        ArgumentNullException.ThrowIfNull(pointee);
        return new CType(CTypeKind.Pointer, qualifiers, pointee);
    }

    public static CType Array(CType element, string? size = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new CType(CTypeKind.Array, CTypeQualifiers.None, element, arraySize: size);
    }

    public static CType Function(CType returnType, IReadOnlyList<CType> parameters, IReadOnlyList<string?>? parameterNames = null, bool isVariadic = false, bool hasPrototype = true)
    {
        ArgumentNullException.ThrowIfNull(returnType);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters.Count == 0 ? s_noParameters : [.. parameters];
        string?[]? names = null;
        if (parameterNames is not null && parameterNames.Count == p.Length && p.Length > 0)
        {
            names = [.. parameterNames];
        }

        return new CType(CTypeKind.Function, CTypeQualifiers.None, returnType, parameters: p, parameterNames: names, isVariadic: isVariadic, hasPrototype: hasPrototype);
    }

    public static CType Struct(string? tag, CTag? definition = null) => new(CTypeKind.Struct, CTypeQualifiers.None, name: tag, tag: definition);

    public static CType Union(string? tag, CTag? definition = null) => new(CTypeKind.Union, CTypeQualifiers.None, name: tag, tag: definition);

    public static CType Enum(string? tag, CTag? definition = null) => new(CTypeKind.Enum, CTypeQualifiers.None, name: tag, tag: definition);

    /// <summary>A typedef name; <paramref name="target"/> is null when its declaration is not known.</summary>
    public static CType Typedef(string name, CType? target)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new CType(CTypeKind.Typedef, CTypeQualifiers.None, name: name, typedefTarget: target);
    }

    /// <summary><c>typeof(expression)</c> left unresolved; <paramref name="expression"/> is its text.</summary>
    public static CType Typeof(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new CType(CTypeKind.Typeof, CTypeQualifiers.None, name: expression);
    }

    internal static CType ForTag(CTag tag) => new(
        tag.Kind switch { CTagKind.Union => CTypeKind.Union, CTagKind.Enum => CTypeKind.Enum, _ => CTypeKind.Struct },
        CTypeQualifiers.None, name: tag.Name, tag: tag);

    internal static CType FunctionFromArrays(CType returnType, CType[] parameters, string?[]? names, bool isVariadic, bool hasPrototype) =>
        new(CTypeKind.Function, CTypeQualifiers.None, returnType, parameters: parameters.Length == 0 ? s_noParameters : parameters, parameterNames: names, isVariadic: isVariadic, hasPrototype: hasPrototype);

    /// <summary>This type with the given qualifiers added.</summary>
    public CType WithQualifiers(CTypeQualifiers qualifiers)
    {
        var q = Qualifiers | qualifiers;
        return q == Qualifiers || Kind == CTypeKind.Unknown ? this : With(q);
    }

    /// <summary>This type without its top-level qualifiers.</summary>
    public CType Unqualified => Qualifiers == CTypeQualifiers.None ? this : With(CTypeQualifiers.None);

    private CType With(CTypeQualifiers q) =>
        IsBaseKind(Kind) && q == CTypeQualifiers.None
            ? s_base[(int)Kind]
            : new CType(Kind, q, ElementType, Name, ArraySize, _parameters, _parameterNames, IsVariadic, HasPrototype, Tag, TypedefTarget);

    // ---- Typedefs ----

    /// <summary>
    /// The type with top-level typedefs replaced by what they stand for (qualifiers kept). A typedef
    /// that is not declared stays as it is: it is its own named type.
    /// </summary>
    public CType Resolve()
    {
        var t = this;
        var q = CTypeQualifiers.None;
        for (int i = 0; t.Kind == CTypeKind.Typedef && t.TypedefTarget is { } target && i < MaxDepth; i++)
        {
            q |= t.Qualifiers;
            t = target;
        }

        return q == CTypeQualifiers.None ? t : t.WithQualifiers(q);
    }

    /// <summary>The type with every typedef resolved, also inside pointers, arrays and functions.</summary>
    public CType Canonical() => Canonical(0);

    private CType Canonical(int depth)
    {
        var t = Resolve();
        if (depth > MaxDepth)
        {
            return t;
        }

        switch (t.Kind)
        {
            case CTypeKind.Pointer:
                {
                    var e = t.ElementType!.Canonical(depth + 1);
                    return ReferenceEquals(e, t.ElementType) ? t : new CType(CTypeKind.Pointer, t.Qualifiers, e);
                }

            case CTypeKind.Array:
                {
                    var e = t.ElementType!.Canonical(depth + 1);
                    return ReferenceEquals(e, t.ElementType) ? t : new CType(CTypeKind.Array, t.Qualifiers, e, arraySize: t.ArraySize);
                }

            case CTypeKind.Function:
                {
                    var r = t.ElementType!.Canonical(depth + 1);
                    bool changed = !ReferenceEquals(r, t.ElementType);
                    var ps = t._parameters;
                    CType[]? copy = null;
                    for (int i = 0; i < ps.Length; i++)
                    {
                        var c = ps[i].Canonical(depth + 1);
                        if (!ReferenceEquals(c, ps[i]))
                        {
                            copy ??= [.. ps];
                            copy[i] = c;
                        }
                    }

                    return changed || copy is not null
                        ? new CType(CTypeKind.Function, t.Qualifiers, r, parameters: copy ?? ps, parameterNames: t._parameterNames, isVariadic: t.IsVariadic, hasPrototype: t.HasPrototype)
                        : t;
                }

            default:
                return t;
        }
    }

    /// <summary>Equality after resolving every typedef: <c>foo_t *</c> and <c>struct foo *</c> when foo_t is struct foo.</summary>
    public bool IsEquivalentTo(CType other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Canonical().Equals(other.Canonical());
    }

    // ---- Equality ----

    public bool Equals(CType? other) => other is not null && EqualTo(other, 0);

    public override bool Equals(object? obj) => obj is CType t && Equals(t);

    private bool EqualTo(CType other, int depth)
    {
        var a = this;
        var b = other;
        // Iterative along pointer and array chains; recursive only into function parameters.
        while (true)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Kind != b.Kind || a.Qualifiers != b.Qualifiers)
            {
                return false;
            }

            switch (a.Kind)
            {
                case CTypeKind.Pointer:
                    break;
                case CTypeKind.Array:
                    if (a.ArraySize != b.ArraySize)
                    {
                        return false;
                    }

                    break;
                case CTypeKind.Function:
                    if (a.IsVariadic != b.IsVariadic || a._parameters.Length != b._parameters.Length)
                    {
                        return false;
                    }

                    for (int i = 0; i < a._parameters.Length; i++)
                    {
                        if (depth > MaxDepth || !a._parameters[i].EqualTo(b._parameters[i], depth + 1))
                        {
                            return false;
                        }
                    }

                    break;
                case CTypeKind.Struct or CTypeKind.Union or CTypeKind.Enum:
                    // Two anonymous aggregates are the same type only if they are the same definition.
                    return a.Name is null && b.Name is null ? a.Tag is not null && ReferenceEquals(a.Tag, b.Tag) : a.Name == b.Name;
                case CTypeKind.Typedef or CTypeKind.Typeof:
                    return a.Name == b.Name;
                default:
                    return true;
            }

            a = a.ElementType!;
            b = b.ElementType!;
        }
    }

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        var t = this;
        for (int i = 0; i < 8 && t is not null; i++)
        {
            hash.Add(t.Kind);
            hash.Add(t.Qualifiers);
            if (t.Name is not null)
            {
                hash.Add(t.Name);
            }

            if (t.Kind == CTypeKind.Function)
            {
                hash.Add(t._parameters.Length);
            }

            t = t.Kind is CTypeKind.Pointer or CTypeKind.Array or CTypeKind.Function ? t.ElementType : null;
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(CType? left, CType? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(CType? left, CType? right) => !(left == right);

    /// <summary>The type as C, the way spatch prints it: <c>struct foo *</c>, <c>char [10]</c>, <c>void (*)(int)</c>.</summary>
    public override string ToString() => CTypePrinter.Print(this, null);

    /// <summary>A declaration of <paramref name="name"/> with this type: <c>char *name</c>, <c>int (*name)[4]</c>.</summary>
    public string ToDeclarationString(string name) => CTypePrinter.Print(this, name);

    // ---- Kind helpers ----

    internal static bool IsBaseKind(CTypeKind kind) => kind is >= CTypeKind.Void and <= CTypeKind.PtrDiffT;

    internal static bool IsIntegerKind(CTypeKind kind) =>
        kind is (>= CTypeKind.Bool and <= CTypeKind.UnsignedInt128) or CTypeKind.SizeT or CTypeKind.SSizeT or CTypeKind.PtrDiffT or CTypeKind.Enum;

    private static CType[] CreateBaseTypes()
    {
        var types = new CType[(int)CTypeKind.PtrDiffT + 1];
        for (int k = 0; k < types.Length; k++)
        {
            types[k] = new CType((CTypeKind)k, CTypeQualifiers.None);
        }

        return types;
    }
}
