using System.Text;

namespace Sevenspot.C.Semantics;

/// <summary>
/// Prints a <see cref="CType"/> as C: the base type, then the abstract declarator built from the
/// outside in, with parentheses where a pointer applies to an array or a function. spatch prints
/// tokens with spaces between them (<c>char [ 10 ]</c>) and drops those parentheses (<c>int *</c>
/// for a pointer to <c>int [4]</c>); we print the C a person would write.
/// </summary>
internal static class CTypePrinter
{
    private const int MaxDepth = 64;

    public static string Print(CType type, string? name) => Print(type, name, 0);

    private static string Print(CType type, string? name, int depth)
    {
        // The declarator grows outwards from the name: "*" goes before it, "[n]" and "(...)" after.
        // Pieces before the name are collected in reverse order, so every step is an append.
        var before = new List<string>();
        var after = new StringBuilder();
        int length = name?.Length ?? 0;
        var t = type;
        while (true)
        {
            switch (t.Kind)
            {
                case CTypeKind.Pointer:
                    {
                        string piece = "*" + QualifierText(t.Qualifiers, trailingSpace: false);
                        if (t.Qualifiers != CTypeQualifiers.None && length > 0)
                        {
                            piece += " ";
                        }

                        before.Add(piece);
                        length += piece.Length;
                        t = t.ElementType!;
                        if (t.Kind is CTypeKind.Array or CTypeKind.Function)
                        {
                            before.Add("(");
                            after.Append(')');
                            length += 2;
                        }

                        continue;
                    }

                case CTypeKind.Array:
                    after.Append('[').Append(t.ArraySize).Append(']');
                    length += 2;
                    t = t.ElementType!;
                    continue;
                case CTypeKind.Function:
                    AppendParameters(after, t, depth);
                    length += 2;
                    t = t.ElementType!;
                    continue;
            }

            break;
        }

        var sb = new StringBuilder();
        sb.Append(QualifierText(t.Qualifiers, trailingSpace: true)).Append(BaseName(t));
        if (length > 0)
        {
            sb.Append(' ');
            for (int i = before.Count - 1; i >= 0; i--)
            {
                sb.Append(before[i]);
            }

            sb.Append(name).Append(after);
        }

        return sb.ToString();
    }

    private static void AppendParameters(StringBuilder sb, CType function, int depth)
    {
        sb.Append('(');
        var parameters = function.Parameters;
        if (parameters.Count == 0)
        {
            if (function.HasPrototype && !function.IsVariadic)
            {
                sb.Append("void");
            }
        }
        else if (depth >= MaxDepth)
        {
            sb.Append("...");
        }
        else
        {
            var names = function.ParameterNames;
            for (int i = 0; i < parameters.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(Print(parameters[i], names.Count == parameters.Count ? names[i] : null, depth + 1));
            }
        }

        if (function.IsVariadic)
        {
            sb.Append(parameters.Count > 0 ? ", ..." : "...");
        }

        sb.Append(')');
    }

    private static string QualifierText(CTypeQualifiers q, bool trailingSpace) => (q, trailingSpace) switch
    {
        (CTypeQualifiers.None, _) => string.Empty,
        (CTypeQualifiers.Const, true) => "const ",
        (CTypeQualifiers.Const, false) => "const",
        (CTypeQualifiers.Volatile, true) => "volatile ",
        (CTypeQualifiers.Volatile, false) => "volatile",
        (_, true) => "const volatile ",
        _ => "const volatile",
    };

    public static string BaseName(CType t) => t.Kind switch
    {
        CTypeKind.Unknown => "<unknown>",
        CTypeKind.Void => "void",
        CTypeKind.Bool => "_Bool",
        CTypeKind.Char => "char",
        CTypeKind.SignedChar => "signed char",
        CTypeKind.UnsignedChar => "unsigned char",
        CTypeKind.Short => "short",
        CTypeKind.UnsignedShort => "unsigned short",
        CTypeKind.Int => "int",
        CTypeKind.UnsignedInt => "unsigned int",
        CTypeKind.Long => "long",
        CTypeKind.UnsignedLong => "unsigned long",
        CTypeKind.LongLong => "long long",
        CTypeKind.UnsignedLongLong => "unsigned long long",
        CTypeKind.Int128 => "__int128",
        CTypeKind.UnsignedInt128 => "unsigned __int128",
        CTypeKind.Float => "float",
        CTypeKind.Double => "double",
        CTypeKind.LongDouble => "long double",
        CTypeKind.FloatComplex => "float _Complex",
        CTypeKind.DoubleComplex => "double _Complex",
        CTypeKind.LongDoubleComplex => "long double _Complex",
        CTypeKind.SizeT => "size_t",
        CTypeKind.SSizeT => "ssize_t",
        CTypeKind.PtrDiffT => "ptrdiff_t",
        CTypeKind.Struct => "struct " + (t.Name ?? "{...}"),
        CTypeKind.Union => "union " + (t.Name ?? "{...}"),
        CTypeKind.Enum => "enum " + (t.Name ?? "{...}"),
        CTypeKind.Typedef => t.Name!,
        CTypeKind.Typeof => "typeof(" + t.Name + ")",
        _ => "?",
    };
}
