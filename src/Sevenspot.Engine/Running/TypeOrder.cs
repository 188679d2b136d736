namespace Sevenspot.Engine;

/// <summary>
/// Two types in the order spatch 1.1.1 takes them when it sorts environments (structural compare of
/// its type terms), read from the type's text as a type metavariable binds it ("const char *",
/// "int[3]", "struct s"). A type compares by its own qualifiers first (none, volatile, const,
/// const volatile), then by its form: base types, pointers, arrays, enum names, struct and union
/// names, typedef names, then anything else (function types, typeof) by text. Within a form:
/// <list type="bullet">
/// <item>base types: void, size_t, ssize_t, ptrdiff_t, the integers (char, then signed char, short,
/// int, long, long long, then the unsigned ones in that order), then float, double, long double;</item>
/// <item>pointers by what they point to ("char * *" before "const char *");</item>
/// <item>arrays by their size first (none before any, "int [ 3 ]" before "char [ 4 ]"), then the element;</item>
/// <item>struct before union, then by tag; enum and typedef names by spelling.</item>
/// </list>
/// Checked against spatch 1.1.1 on sizeof(T) bindings of each kind.
/// </summary>
internal static class TypeOrder
{
    private const int Const = 1;
    private const int Volatile = 2;

    private enum Form
    {
        Base,
        Pointer,
        Array,
        EnumName,
        StructUnionName,
        TypedefName,
        Other,
    }

    private sealed class Shape
    {
        public int Qualifiers;
        public Form Form;
        public int Base;
        public string Name = string.Empty;
        public string? Size;
        public Shape? Inner;
    }

    public static int Compare(string x, string y)
    {
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return 0;
        }

        var a = Tokens(x);
        var b = Tokens(y);
        int c = Compare(Read(a, 0, a.Length - 1), Read(b, 0, b.Length - 1));
        return c != 0 ? c : string.CompareOrdinal(x, y);
    }

    /// <summary>The words and punctuation of a type's text, however it is spaced ("char **", "int [ 3 ]").</summary>
    private static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char ch = text[i];
            if (char.IsWhiteSpace(ch))
            {
                i++;
            }
            else if (char.IsLetterOrDigit(ch) || ch == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                tokens.Add(text.Substring(i++, 1));
            }
        }

        return [.. tokens];
    }

    private static int Compare(Shape a, Shape b)
    {
        int c = a.Qualifiers.CompareTo(b.Qualifiers);
        if (c == 0)
        {
            c = a.Form.CompareTo(b.Form);
        }

        if (c != 0)
        {
            return c;
        }

        switch (a.Form)
        {
            case Form.Base:
                return a.Base.CompareTo(b.Base);
            case Form.Pointer:
                return Compare(a.Inner!, b.Inner!);
            case Form.Array:
                c = (a.Size is null).CompareTo(b.Size is null);
                if (c != 0)
                {
                    return -c; // no size first
                }

                c = string.CompareOrdinal(a.Size, b.Size);
                return c != 0 ? c : Compare(a.Inner!, b.Inner!);
            default:
                c = a.Base.CompareTo(b.Base);
                return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        }
    }

    /// <summary>The type written by tokens[lo..hi], read from the right: array brackets, then pointer stars with their qualifiers, then the specifiers.</summary>
    private static Shape Read(string[] tokens, int lo, int hi)
    {
        if (hi < lo || Array.IndexOf(tokens, "(", lo, hi - lo + 1) >= 0)
        {
            return new Shape { Form = Form.Other, Name = string.Join(' ', tokens, lo, Math.Max(0, hi - lo + 1)) };
        }

        if (tokens[hi] == "]")
        {
            int open = Array.LastIndexOf(tokens, "[", hi, hi - lo + 1);
            if (open > lo)
            {
                return new Shape
                {
                    Form = Form.Array,
                    Size = open + 1 < hi ? string.Join(' ', tokens, open + 1, hi - open - 1) : null,
                    Inner = Read(tokens, lo, open - 1),
                };
            }
        }

        int star = Array.LastIndexOf(tokens, "*", hi, hi - lo + 1);
        if (star >= lo)
        {
            // Only qualifiers may follow the last star: they qualify the pointer.
            int qualifiers = 0;
            for (int i = star + 1; i <= hi; i++)
            {
                qualifiers |= Qualifier(tokens[i]);
            }

            return new Shape { Form = Form.Pointer, Qualifiers = Rank(qualifiers), Inner = Read(tokens, lo, star - 1) };
        }

        return Specifiers(tokens, lo, hi);
    }

    private static int Qualifier(string word) => word switch
    {
        "const" => Const,
        "volatile" => Volatile,
        _ => 0,
    };

    /// <summary>spatch's qualifiers are a record (const, volatile) of booleans: none, volatile, const, both.</summary>
    private static int Rank(int qualifiers) => ((qualifiers & Const) != 0 ? 2 : 0) + ((qualifiers & Volatile) != 0 ? 1 : 0);

    private static Shape Specifiers(string[] tokens, int lo, int hi)
    {
        int qualifiers = 0;
        int longs = 0;
        bool signed = false, unsigned = false, isChar = false, isShort = false, isVoid = false, isFloat = false, isDouble = false;
        string? other = null;
        for (int i = lo; i <= hi; i++)
        {
            string word = tokens[i];
            int q = Qualifier(word);
            if (q != 0)
            {
                qualifiers |= q;
                continue;
            }

            switch (word)
            {
                case "struct" or "union" or "enum" when i < hi:
                    return new Shape
                    {
                        Qualifiers = Rank(qualifiers | Trailing(tokens, i + 2, hi)),
                        Form = word == "enum" ? Form.EnumName : Form.StructUnionName,
                        Base = word == "union" ? 1 : 0,
                        Name = tokens[i + 1],
                    };
                case "long": longs++; break;
                case "signed": signed = true; break;
                case "unsigned": unsigned = true; break;
                case "char": isChar = true; break;
                case "short": isShort = true; break;
                case "int": break; // "int" alone, or with short, long, signed, unsigned: the others decide
                case "void": isVoid = true; break;
                case "float": isFloat = true; break;
                case "double": isDouble = true; break;
                default: other = other is null ? word : other + " " + word; break;
            }
        }

        var shape = new Shape { Qualifiers = Rank(qualifiers) };
        if (other is not null)
        {
            shape.Form = Form.TypedefName;
            shape.Base = other switch { "size_t" => -3, "ssize_t" => -2, "ptrdiff_t" => -1, _ => 0 };
            if (shape.Base != 0)
            {
                shape.Form = Form.Base; // spatch's own base types, after void
                shape.Base += 4;
            }

            shape.Name = other;
            return shape;
        }

        // void 0; size_t 1, ssize_t 2, ptrdiff_t 3; integers from 10; floating types from 30.
        shape.Base = isVoid ? 0
            : isDouble ? (longs > 0 ? 32 : 31)
            : isFloat ? 30
            : isChar && !signed && !unsigned ? 10
            : 10 + (unsigned ? 6 : 1) + (isChar ? 0 : isShort ? 1 : longs >= 2 ? 4 : longs == 1 ? 3 : 2);
        return shape;
    }

    private static int Trailing(string[] tokens, int lo, int hi)
    {
        int qualifiers = 0;
        for (int i = lo; i <= hi; i++)
        {
            qualifiers |= Qualifier(tokens[i]);
        }

        return qualifiers;
    }
}
