using System.Text;

namespace Sevenspot.C.Semantics;

/// <summary>Declarators applied to a base type: pointers, arrays, functions and their parameters.</summary>
internal sealed partial class AnnotationPass
{
    private CType ConvertTypeName(int typeName)
    {
        var baseType = BaseTypeOf(NodeSlot(typeName, 0));
        return ConvertDeclarator(baseType, NodeSlot(typeName, 1), out _, out _);
    }

    private CType ConvertParameter(int parameter, out int name, out bool knr)
    {
        name = -1;
        knr = IsKnrParameter(parameter);
        if (knr)
        {
            name = FindDeclaredName(NodeSlot(parameter, 1));
            return CType.Unknown;
        }

        var baseType = BaseTypeOf(NodeSlot(parameter, 0));
        return ConvertDeclarator(baseType, NodeSlot(parameter, 1), out name, out _);
    }

    /// <summary>
    /// Applies a declarator to a base type, from the outside in: <c>*</c> makes a pointer to what
    /// is built so far, <c>[n]</c> an array of it, <c>(...)</c> a function returning it. Returns the
    /// type of the declared name and its token (-1 for abstract declarators); <paramref name="nameFunction"/>
    /// is the function declarator applied directly to the name, whose parameters a definition binds.
    /// </summary>
    private CType ConvertDeclarator(CType type, int declarator, out int name, out int nameFunction)
    {
        name = -1;
        nameFunction = -1;
        int d = declarator;
        while (d >= 0)
        {
            switch (KindOf(d))
            {
                case SyntaxKind.IdentifierDeclarator:
                    name = TokenSlot(d, 0);
                    SetType(d, type);
                    return type;
                case SyntaxKind.PointerDeclarator:
                    type = CType.Pointer(type, QualifiersOf(NodeSlot(d, 1)));
                    d = NodeSlot(d, 2);
                    break;
                case SyntaxKind.ArrayDeclarator:
                    type = CType.Array(type, TokenText(NodeSlot(d, 3)));
                    d = NodeSlot(d, 0);
                    break;
                case SyntaxKind.FunctionDeclarator:
                    type = ConvertFunction(type, d);
                    int inner = NodeSlot(d, 0);
                    if (inner >= 0 && KindOf(SkipParentheses(inner)) == SyntaxKind.IdentifierDeclarator)
                    {
                        nameFunction = d;
                    }

                    d = inner;
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    d = NodeSlot(d, 2);
                    break;
                case SyntaxKind.BitFieldDeclarator:
                    d = NodeSlot(d, 0);
                    break;
                case SyntaxKind.MacroDeclarator:
                    return CType.Unknown; // DECLARE_BITMAP(bits, 64): neither the name nor the type is visible
                default:
                    return type;
            }
        }

        return type;
    }

    private int SkipParentheses(int declarator)
    {
        while (declarator >= 0 && KindOf(declarator) == SyntaxKind.ParenthesizedDeclarator)
        {
            int inner = NodeSlot(declarator, 2);
            if (inner < 0)
            {
                break;
            }

            declarator = inner;
        }

        return declarator;
    }

    /// <summary>The name token a declarator declares, without converting types; -1 if none.</summary>
    private int FindDeclaredName(int declarator)
    {
        int d = declarator;
        while (d >= 0)
        {
            switch (KindOf(d))
            {
                case SyntaxKind.IdentifierDeclarator:
                    return TokenSlot(d, 0);
                case SyntaxKind.PointerDeclarator or SyntaxKind.ParenthesizedDeclarator:
                    d = NodeSlot(d, 2);
                    break;
                case SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator or SyntaxKind.BitFieldDeclarator:
                    d = NodeSlot(d, 0);
                    break;
                default:
                    return -1;
            }
        }

        return -1;
    }

    private CType ConvertFunction(CType returnType, int function)
    {
        int list = NodeSlot(function, 2);
        if (list < 0)
        {
            return CType.FunctionFromArrays(returnType, [], null, false, hasPrototype: false);
        }

        if (!CanNest())
        {
            return CType.FunctionFromArrays(returnType, [], null, true, hasPrototype: false);
        }

        _typeDepth++;
        ref var d = ref _nodes[list];
        int count = d.ChildCount;
        int start = d.ChildStart;
        int parameterCount = 0;
        bool variadic = false;
        for (int i = 0; i < count; i++)
        {
            int r = _children[start + i];
            if (ChildRef.IsNode(r))
            {
                parameterCount++;
            }
            else if (ChildRef.IsToken(r) && _tokens[r].Kind == SyntaxKind.EllipsisToken)
            {
                variadic = true;
            }
        }

        var parameters = parameterCount == 0 ? [] : new CType[parameterCount];
        string?[]? names = null;
        int p = 0;
        for (int i = 0; i < count; i++)
        {
            int r = _children[start + i];
            if (!ChildRef.IsNode(r))
            {
                continue;
            }

            int node = ChildRef.NodeIndex(r);
            CType t;
            int name = -1;
            if (KindOf(node) == SyntaxKind.ParameterDeclaration)
            {
                t = ConvertParameter(node, out name, out _);
                SetType(node, t);
            }
            else
            {
                t = CType.Unknown;
            }

            parameters[p] = t;
            if (name >= 0)
            {
                names ??= new string?[parameterCount];
                names[p] = NameOf(name);
            }

            p++;
        }

        _typeDepth--;

        // (void) is the empty prototype.
        if (parameterCount == 1 && names is null && !variadic && parameters[0].Kind == CTypeKind.Void && parameters[0].Qualifiers == CTypeQualifiers.None)
        {
            return CType.FunctionFromArrays(returnType, [], null, false, hasPrototype: true);
        }

        return CType.FunctionFromArrays(returnType, parameters, names, variadic, hasPrototype: parameterCount > 0 || variadic);
    }

    private CTypeQualifiers QualifiersOf(int list)
    {
        var q = CTypeQualifiers.None;
        if (list < 0)
        {
            return q;
        }

        ref var d = ref _nodes[list];
        for (int i = 0; i < d.ChildCount; i++)
        {
            int r = _children[d.ChildStart + i];
            if (ChildRef.IsToken(r))
            {
                q |= _tokens[r].Kind switch
                {
                    SyntaxKind.ConstKeyword => CTypeQualifiers.Const,
                    SyntaxKind.VolatileKeyword => CTypeQualifiers.Volatile,
                    _ => CTypeQualifiers.None,
                };
            }
        }

        return q;
    }

    /// <summary>An array size or a typeof argument as written, tokens joined with no spaces except between words; null for none.</summary>
    private string? TokenText(int node)
    {
        if (node < 0)
        {
            return null;
        }

        ref var d = ref _nodes[node];
        if (d.LastToken < d.FirstToken)
        {
            return null;
        }

        var text = _tree.Text;
        if (d.FirstToken == d.LastToken)
        {
            return text.ToString(TextSpanOf(d.FirstToken));
        }

        // Tokens joined by nothing, or by one space between two words: "2*N", "sizeof(struct foo)".
        var sb = new StringBuilder();
        for (int t = d.FirstToken; t <= d.LastToken && sb.Length < 256; t++)
        {
            if (_tokens[t].Kind == SyntaxKind.DisabledToken)
            {
                continue;
            }

            string part = text.ToString(TextSpanOf(t));
            if (sb.Length > 0 && part.Length > 0 && IsWordChar(sb[^1]) && IsWordChar(part[0]))
            {
                sb.Append(' ');
            }

            sb.Append(part);
        }

        return sb.ToString();
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private Sevenspot.Text.TextSpan TextSpanOf(int token) => Sevenspot.Text.TextSpan.FromBounds(_tokens[token].Start, _tokens[token].End);
}
