namespace Sevenspot.C.Semantics;

/// <summary>SYSCALL_DEFINEn(name, t1, a1, ...) function definitions, and types the parser left as loose tokens.</summary>
internal sealed partial class AnnotationPass
{
    /// <summary>
    /// spatch's standard.h expands SYSCALL_DEFINEn(name, t1, a1, ...) into
    /// <c>asmlinkage unsigned long name(t1 a1, ...)</c>; so do we, for n from 1 to 6.
    /// </summary>
    private CType SyscallType(int macro, out int name)
    {
        name = -1;
        int macroName = TokenSlot(macro, 0);
        if (macroName < 0 || !IsSyscallDefine(_tree.Names.GetBytes(_tokens[macroName].Name)))
        {
            return CType.Unknown;
        }

        var arguments = SyscallArguments(macro);
        if (arguments.Count < 1 || arguments.Count % 2 != 1 || KindOf(arguments[0]) != SyntaxKind.IdentifierName)
        {
            return CType.Unknown;
        }

        name = TokenSlot(arguments[0], 0);
        int count = arguments.Count / 2;
        var parameters = new CType[count];
        var names = new string?[count];
        for (int i = 0; i < count; i++)
        {
            parameters[i] = SyscallParameterType(arguments[1 + (2 * i)]);
            int parameterName = KindOf(arguments[2 + (2 * i)]) == SyntaxKind.IdentifierName ? TokenSlot(arguments[2 + (2 * i)], 0) : -1;
            names[i] = parameterName >= 0 ? NameOf(parameterName) : null;
        }

        return CType.FunctionFromArrays(CType.UnsignedLong, parameters, names, false, hasPrototype: true);
    }

    private void BindSyscallParameters(int macro)
    {
        var arguments = SyscallArguments(macro);
        for (int i = 1; i + 1 < arguments.Count; i += 2)
        {
            if (KindOf(arguments[i + 1]) == SyntaxKind.IdentifierName && TokenSlot(arguments[i + 1], 0) is int name && name >= 0)
            {
                _symbols.Add(NameSpace.Ordinary, Key(name), SyscallParameterType(arguments[i]), SymbolKind.Parameter, PositionOf(name));
            }
        }
    }

    private List<int> SyscallArguments(int macro)
    {
        var arguments = new List<int>(13);
        int list = NodeSlot(macro, 2);
        if (list >= 0)
        {
            ref var d = ref _nodes[list];
            for (int i = 0; i < d.ChildCount; i++)
            {
                int r = _children[d.ChildStart + i];
                if (ChildRef.IsNode(r))
                {
                    arguments.Add(ChildRef.NodeIndex(r));
                }
            }
        }

        return arguments;
    }

    /// <summary>A type argument of SYSCALL_DEFINEn: a type name, or a lone identifier the parser could not tell was a type.</summary>
    private CType SyscallParameterType(int argument)
    {
        switch (KindOf(argument))
        {
            case SyntaxKind.TypeName:
                var t = TypeOf(argument) ?? ConvertTypeName(argument);
                SetType(argument, t);
                return t;
            case SyntaxKind.IdentifierName:
                return TypedefNamed(TokenSlot(argument, 0));
            case SyntaxKind.MacroArgument:
                return TypeFromTokens(NodeSlot(argument, 0));
            default:
                return CType.Unknown;
        }
    }

    /// <summary>
    /// A type written as loose tokens, as the parser leaves <c>old_sigset_t __user *</c> in a macro
    /// argument: specifiers, a typedef name (later words are attributes), then stars and qualifiers.
    /// </summary>
    private CType TypeFromTokens(int list)
    {
        if (list < 0)
        {
            return CType.Unknown;
        }

        int longs = 0;
        bool isVoid = false, isBool = false, isChar = false, isShort = false, isFloat = false, isDouble = false;
        bool isSigned = false, isUnsigned = false, anyKeyword = false;
        var qualifiers = CTypeQualifiers.None;
        CType? named = null;
        CType? type = null;
        ref var d = ref _nodes[list];
        int end = d.ChildStart + d.ChildCount;
        for (int i = d.ChildStart; i < end; i++)
        {
            int token = _children[i];
            if (!ChildRef.IsToken(token))
            {
                return CType.Unknown;
            }

            var kind = _tokens[token].Kind;
            if (type is not null)
            {
                // After the first '*': more stars and their qualifiers, attribute words.
                switch (kind)
                {
                    case SyntaxKind.AsteriskToken:
                        type = CType.Pointer(type);
                        break;
                    case SyntaxKind.ConstKeyword:
                        type = type.WithQualifiers(CTypeQualifiers.Const);
                        break;
                    case SyntaxKind.VolatileKeyword:
                        type = type.WithQualifiers(CTypeQualifiers.Volatile);
                        break;
                    case SyntaxKind.IdentifierToken or SyntaxKind.RestrictKeyword:
                        break;
                    default:
                        return CType.Unknown;
                }

                continue;
            }

            switch (kind)
            {
                case SyntaxKind.VoidKeyword: isVoid = anyKeyword = true; break;
                case SyntaxKind.BoolKeyword: isBool = anyKeyword = true; break;
                case SyntaxKind.CharKeyword: isChar = anyKeyword = true; break;
                case SyntaxKind.ShortKeyword: isShort = anyKeyword = true; break;
                case SyntaxKind.IntKeyword: anyKeyword = true; break;
                case SyntaxKind.LongKeyword: longs++; anyKeyword = true; break;
                case SyntaxKind.FloatKeyword: isFloat = anyKeyword = true; break;
                case SyntaxKind.DoubleKeyword: isDouble = anyKeyword = true; break;
                case SyntaxKind.SignedKeyword: isSigned = anyKeyword = true; break;
                case SyntaxKind.UnsignedKeyword: isUnsigned = anyKeyword = true; break;
                case SyntaxKind.ConstKeyword: qualifiers |= CTypeQualifiers.Const; break;
                case SyntaxKind.VolatileKeyword: qualifiers |= CTypeQualifiers.Volatile; break;
                case SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword:
                    if (i + 1 >= end || !ChildRef.IsToken(_children[i + 1]) || _tokens[_children[i + 1]].Kind != SyntaxKind.IdentifierToken)
                    {
                        return CType.Unknown;
                    }

                    i++;
                    named = DeclareTag(kind switch { SyntaxKind.UnionKeyword => CTagKind.Union, SyntaxKind.EnumKeyword => CTagKind.Enum, _ => CTagKind.Struct }, _children[i], isDefinition: false).Type;
                    break;
                case SyntaxKind.IdentifierToken:
                    if (!anyKeyword && named is null)
                    {
                        named = TypedefNamed(token);
                    }

                    break;
                case SyntaxKind.AsteriskToken:
                    type = BaseOf() ?? CType.Unknown;
                    if (type.IsUnknown)
                    {
                        return type;
                    }

                    type = CType.Pointer(type.WithQualifiers(qualifiers));
                    break;
                default:
                    return CType.Unknown;
            }
        }

        return type ?? BaseOf()?.WithQualifiers(qualifiers) ?? CType.Unknown;

        CType? BaseOf() => anyKeyword
            ? CType.FromKind(NormaliseBase(longs, isVoid, isBool, isChar, isShort, isFloat, isDouble, isSigned, isUnsigned, false, false))
            : named;
    }

    private static bool IsSyscallDefine(ReadOnlySpan<byte> name) =>
        name.Length == 15 && name.StartsWith("SYSCALL_DEFINE"u8) && name[14] is >= (byte)'1' and <= (byte)'6';
}
