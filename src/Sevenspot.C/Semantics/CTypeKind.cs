namespace Sevenspot.C.Semantics;

/// <summary>
/// The shape of a <see cref="CType"/>. Base types are normalised: "long unsigned int" and
/// "unsigned long" are both <see cref="UnsignedLong"/>. size_t, ssize_t and ptrdiff_t are base
/// types of their own, as in spatch, which types sizeof as size_t and pointer differences as ptrdiff_t.
/// </summary>
public enum CTypeKind : byte
{
    /// <summary>Nothing is known about the type.</summary>
    Unknown,

    Void,
    Bool,
    Char,
    SignedChar,
    UnsignedChar,
    Short,
    UnsignedShort,
    Int,
    UnsignedInt,
    Long,
    UnsignedLong,
    LongLong,
    UnsignedLongLong,
    Int128,
    UnsignedInt128,
    Float,
    Double,
    LongDouble,
    FloatComplex,
    DoubleComplex,
    LongDoubleComplex,
    SizeT,
    SSizeT,
    PtrDiffT,

    Pointer,
    Array,
    Function,
    Struct,
    Union,
    Enum,

    /// <summary>A typedef name, kept as written; <see cref="CType.TypedefTarget"/> is what it stands for when declared.</summary>
    Typedef,

    /// <summary><c>typeof(expression)</c>, kept unresolved as spatch keeps it; <see cref="CType.Name"/> is the expression.</summary>
    Typeof,
}

/// <summary>Type qualifiers that take part in type identity.</summary>
[Flags]
public enum CTypeQualifiers : byte
{
    None = 0,
    Const = 1,
    Volatile = 2,
}
