namespace Sevenspot.C.Semantics;

/// <summary>Declaration specifiers to types: base types, typedef names, typeof, struct/union/enum tags and their bodies.</summary>
internal sealed partial class AnnotationPass
{
    /// <summary>The type named by a specifier list, converted once (struct and enum bodies in it are entered then).</summary>
    private CType BaseTypeOf(int specifiers)
    {
        if (specifiers < 0)
        {
            return CType.Unknown;
        }

        if (TypeOf(specifiers) is { } cached)
        {
            return cached;
        }

        var type = ConvertSpecifiers(specifiers);
        SetType(specifiers, type);
        return type;
    }

    private Storage StorageOf(int specifiers)
    {
        var storage = Storage.None;
        if (specifiers < 0)
        {
            return storage;
        }

        ref var d = ref _nodes[specifiers];
        for (int i = 0; i < d.ChildCount; i++)
        {
            int r = _children[d.ChildStart + i];
            if (ChildRef.IsToken(r))
            {
                storage |= _tokens[r].Kind switch
                {
                    SyntaxKind.TypedefKeyword => Storage.Typedef,
                    SyntaxKind.StaticKeyword => Storage.Static,
                    SyntaxKind.ExternKeyword => Storage.Extern,
                    _ => Storage.None,
                };
            }
        }

        return storage;
    }

    private CType ConvertSpecifiers(int specifiers)
    {
        int longs = 0;
        bool isVoid = false, isBool = false, isChar = false, isShort = false, isInt = false, isFloat = false, isDouble = false;
        bool isSigned = false, isUnsigned = false, isComplex = false, isInt128 = false, isAuto = false, anyKeyword = false;
        var qualifiers = CTypeQualifiers.None;
        CType? named = null;
        bool opaque = false;

        ref var d = ref _nodes[specifiers];
        int start = d.ChildStart;
        int count = d.ChildCount;
        for (int i = 0; i < count; i++)
        {
            int r = _children[start + i];
            if (ChildRef.IsToken(r))
            {
                switch (_tokens[r].Kind)
                {
                    case SyntaxKind.VoidKeyword: isVoid = anyKeyword = true; break;
                    case SyntaxKind.BoolKeyword: isBool = anyKeyword = true; break;
                    case SyntaxKind.CharKeyword: isChar = anyKeyword = true; break;
                    case SyntaxKind.ShortKeyword: isShort = anyKeyword = true; break;
                    case SyntaxKind.IntKeyword: isInt = anyKeyword = true; break;
                    case SyntaxKind.LongKeyword: longs++; anyKeyword = true; break;
                    case SyntaxKind.FloatKeyword: isFloat = anyKeyword = true; break;
                    case SyntaxKind.DoubleKeyword: isDouble = anyKeyword = true; break;
                    case SyntaxKind.SignedKeyword: isSigned = anyKeyword = true; break;
                    case SyntaxKind.UnsignedKeyword: isUnsigned = anyKeyword = true; break;
                    case SyntaxKind.ComplexKeyword: isComplex = anyKeyword = true; break;
                    case SyntaxKind.Int128Keyword: isInt128 = anyKeyword = true; break;
                    case SyntaxKind.AutoTypeKeyword: isAuto = anyKeyword = true; break;
                    case SyntaxKind.ConstKeyword: qualifiers |= CTypeQualifiers.Const; break;
                    case SyntaxKind.VolatileKeyword: qualifiers |= CTypeQualifiers.Volatile; break;
                }

                continue;
            }

            if (!ChildRef.IsNode(r))
            {
                continue;
            }

            int node = ChildRef.NodeIndex(r);
            switch (KindOf(node))
            {
                case SyntaxKind.StructSpecifier:
                    named = ConvertStruct(node);
                    break;
                case SyntaxKind.EnumSpecifier:
                    named = ConvertEnum(node);
                    break;
                case SyntaxKind.TypedefName:
                    named ??= TypedefNamed(TokenSlot(node, 0));
                    break;
                case SyntaxKind.TypeofSpecifier:
                    named = ConvertTypeof(node);
                    break;
                case SyntaxKind.TypeMacro:
                    opaque = true;
                    break;
            }
        }

        CType type;
        if (anyKeyword)
        {
            type = isAuto ? CType.Unknown : CType.FromKind(NormaliseBase(longs, isVoid, isBool, isChar, isShort, isFloat, isDouble, isSigned, isUnsigned, isComplex, isInt128));
        }
        else if (named is not null)
        {
            type = named;
        }
        else if (opaque)
        {
            type = CType.Unknown;
        }
        else
        {
            type = CType.Int; // implicit int: static x; register i;
        }

        _ = isInt;
        return type.WithQualifiers(qualifiers);
    }

    private static CTypeKind NormaliseBase(int longs, bool isVoid, bool isBool, bool isChar, bool isShort, bool isFloat, bool isDouble,
        bool isSigned, bool isUnsigned, bool isComplex, bool isInt128)
    {
        if (isVoid)
        {
            return CTypeKind.Void;
        }

        if (isBool)
        {
            return CTypeKind.Bool;
        }

        if (isFloat)
        {
            return isComplex ? CTypeKind.FloatComplex : CTypeKind.Float;
        }

        if (isDouble || (isComplex && !isChar && !isShort && longs == 0 && !isSigned && !isUnsigned))
        {
            return longs > 0 ? (isComplex ? CTypeKind.LongDoubleComplex : CTypeKind.LongDouble) : (isComplex ? CTypeKind.DoubleComplex : CTypeKind.Double);
        }

        if (isInt128)
        {
            return isUnsigned ? CTypeKind.UnsignedInt128 : CTypeKind.Int128;
        }

        if (isChar)
        {
            return isUnsigned ? CTypeKind.UnsignedChar : isSigned ? CTypeKind.SignedChar : CTypeKind.Char;
        }

        if (isShort)
        {
            return isUnsigned ? CTypeKind.UnsignedShort : CTypeKind.Short;
        }

        return longs switch
        {
            0 => isUnsigned ? CTypeKind.UnsignedInt : CTypeKind.Int,
            1 => isUnsigned ? CTypeKind.UnsignedLong : CTypeKind.Long,
            _ => isUnsigned ? CTypeKind.UnsignedLongLong : CTypeKind.LongLong,
        };
    }

    /// <summary>A typedef name used as a type: the declared typedef, or a named type of its own when undeclared.</summary>
    private CType TypedefNamed(int token)
    {
        if (token < 0)
        {
            return CType.Unknown;
        }

        int key = Key(token);
        if (key == _sizeTKey)
        {
            return CType.SizeT;
        }

        if (key == _ssizeTKey)
        {
            return CType.FromKind(CTypeKind.SSizeT);
        }

        if (key == _ptrdiffTKey)
        {
            return CType.PtrDiffT;
        }

        int binding = LookupVisible(NameSpace.Typedef, key);
        if (binding >= 0 && _symbols[binding].Type is { } declared)
        {
            return declared;
        }

        if (binding < 0 && EnvironmentTypedef(key) is { } fromHeaders)
        {
            return fromHeaders;
        }

        if (binding < 0 && MacroBaseType(key, token) is { } fromMacro)
        {
            return fromMacro;
        }

        if (!_undeclaredTypedefs.TryGetValue(key, out var type))
        {
            type = CType.Typedef(NameOf(token), null);
            _undeclaredTypedefs.Add(key, type);
        }

        return type;
    }

    private CType ConvertTypeof(int node)
    {
        int argument = NodeSlot(node, 2);
        if (argument < 0)
        {
            return CType.Unknown;
        }

        if (KindOf(argument) == SyntaxKind.TypeName)
        {
            var t = TypeOf(argument);
            if (t is null)
            {
                if (!CanNest())
                {
                    return CType.Unknown; // typeof(typeof(typeof(...)))
                }

                _typeDepth++;
                t = ConvertTypeName(argument);
                _typeDepth--;
                SetType(argument, t);
            }

            return t;
        }

        // spatch leaves typeof(expression) unresolved: a type of its own, known by its text.
        if (!_extended)
        {
            return CType.Typeof(TokenText(argument) ?? string.Empty);
        }

        if (_types is null || !CanNest())
        {
            return CType.Unknown;
        }

        // The main walk reaches this expression again later; count it then.
        _typeDepth++;
        _uncounted++;
        Walk(argument);
        _uncounted--;
        _typeDepth--;
        return TypeOf(argument) ?? CType.Unknown;
    }

    // ---- Tags ----

    private CType ConvertStruct(int node)
    {
        int keyword = TokenSlot(node, 0);
        var kind = keyword >= 0 && _tokens[keyword].Kind == SyntaxKind.UnionKeyword ? CTagKind.Union : CTagKind.Struct;
        int name = TokenSlot(node, 2);
        bool isDefinition = TokenSlot(node, 3) >= 0;
        var tag = DeclareTag(kind, name, isDefinition);
        if (isDefinition && !tag.IsComplete)
        {
            DefineFields(tag, NodeSlot(node, 4));
        }

        return tag.Type;
    }

    private CType ConvertEnum(int node)
    {
        int name = TokenSlot(node, 2);
        bool isDefinition = TokenSlot(node, 3) >= 0;
        var tag = DeclareTag(CTagKind.Enum, name, isDefinition);
        if (isDefinition && !tag.IsComplete)
        {
            var names = new List<string>();
            foreach (int enumerator in ChildNodesOf(NodeSlot(node, 4), SyntaxKind.Enumerator))
            {
                int constant = TokenSlot(enumerator, 0);
                if (constant >= 0)
                {
                    // spatch types enumeration constants as int.
                    _symbols.Add(NameSpace.Ordinary, Key(constant), CType.Int, SymbolKind.EnumConstant, PositionOf(constant));
                    names.Add(NameOf(constant));
                }
            }
            tag.CompleteEnum([.. names]);
        }

        return tag.Type;
    }

    /// <summary>
    /// The tag a specifier refers to. A body defines a tag in the current scope (completing an
    /// incomplete one declared there); a reference finds the innermost visible tag, or declares an
    /// incomplete one.
    /// </summary>
    private CTag DeclareTag(CTagKind kind, int name, bool isDefinition)
    {
        if (name < 0)
        {
            return new CTag(kind, null, -1, _keys);
        }

        int key = Key(name);
        int binding = isDefinition ? _symbols.LookupInCurrentScope(NameSpace.Tag, key) : LookupVisible(NameSpace.Tag, key);
        if (binding >= 0 && _symbols[binding].Tag is { } existing && existing.Kind == kind && !(isDefinition && existing.IsComplete))
        {
            return existing;
        }

        if (binding < 0 && !isDefinition && EnvironmentTag(key, kind) is { } fromHeaders)
        {
            return fromHeaders;
        }

        var tag = new CTag(kind, NameOf(name), key, _keys);
        _symbols.Add(NameSpace.Tag, key, null, SymbolKind.Unknown, PositionOf(name), tag);
        return tag;
    }

    private void DefineFields(CTag tag, int members)
    {
        var fields = new List<CField>();
        var keys = new List<int>();
        if (members >= 0 && CanNest())
        {
            _typeDepth++;
            foreach (int declaration in ChildNodesOf(members, SyntaxKind.Declaration))
            {
                var baseType = BaseTypeOf(NodeSlot(declaration, 0));
                bool any = false;
                foreach (int init in ChildNodesOf(NodeSlot(declaration, 1), SyntaxKind.InitDeclarator))
                {
                    any = true;
                    var t = ConvertDeclarator(baseType, NodeSlot(init, 0), out int name, out _);
                    SetType(init, t);
                    if (name >= 0)
                    {
                        fields.Add(new CField(NameOf(name), t));
                        keys.Add(Key(name));
                    }
                }

                // An unnamed struct or union member: its fields belong to the enclosing one.
                if (!any && baseType.Kind is CTypeKind.Struct or CTypeKind.Union && baseType.Name is null)
                {
                    fields.Add(new CField(null, baseType));
                    keys.Add(-1);
                }
            }

            _typeDepth--;
        }

        tag.Complete([.. fields], [.. keys]);
    }
}
