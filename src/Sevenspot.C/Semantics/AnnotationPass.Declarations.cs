using System.Text;

namespace Sevenspot.C.Semantics;

internal sealed partial class AnnotationPass
{
    [Flags]
    private enum Storage : byte
    {
        None = 0,
        Typedef = 1,
        Static = 2,
        Extern = 4,
    }

    // ---- Declarations that bind names ----

    /// <summary>A declaration inside a struct or union body declares fields, not variables.</summary>
    private bool IsMemberDeclaration(int declaration)
    {
        int list = Parent(declaration);
        if (list < 0)
        {
            return false;
        }

        int owner = Parent(list);
        return owner >= 0 && KindOf(owner) == SyntaxKind.StructSpecifier;
    }

    /// <summary>Binds the name of one declarator of a variable, function or typedef declaration.</summary>
    private void DeclareInitDeclarator(int initDeclarator)
    {
        int list = Parent(initDeclarator);
        int declaration = list < 0 ? -1 : Parent(list);
        if (declaration < 0 || KindOf(declaration) != SyntaxKind.Declaration || IsMemberDeclaration(declaration))
        {
            return;
        }

        int specifiers = NodeSlot(declaration, 0);
        var baseType = BaseTypeOf(specifiers);
        var type = ConvertDeclarator(baseType, NodeSlot(initDeclarator, 0), out int name, out _);
        SetType(initDeclarator, type);
        if (name >= 0)
        {
            Bind(name, type, StorageOf(specifiers));
        }
    }

    private void Bind(int nameToken, CType type, Storage storage)
    {
        int key = Key(nameToken);
        if ((storage & Storage.Typedef) != 0)
        {
            _symbols.Add(NameSpace.Typedef, key, CType.Typedef(NameOf(nameToken), type), SymbolKind.Unknown, PositionOf(nameToken));
            return;
        }

        var kind = type.Resolve().Kind == CTypeKind.Function ? SymbolKind.Function
            : _symbols.Depth == 0 ? SymbolKind.Global
            : (storage & Storage.Static) != 0 ? SymbolKind.StaticLocal
            : SymbolKind.Local;
        _symbols.Add(NameSpace.Ordinary, key, type, kind, PositionOf(nameToken));
    }

    /// <summary>On entering a function definition: binds its name where it is, then opens the scope of its parameters.</summary>
    private void EnterFunction(int definition)
    {
        DeclareFunction(definition, out int function);
        _symbols.PushScope();
        if (function < 0)
        {
            return;
        }

        if (KindOf(function) == SyntaxKind.MacroDeclarator)
        {
            BindSyscallParameters(function);
            return;
        }

        foreach (int parameter in ChildNodesOf(NodeSlot(function, 2), SyntaxKind.ParameterDeclaration))
        {
            if (IsKnrParameter(parameter))
            {
                continue; // typed by the declarations between ')' and '{', which the walk binds
            }

            int name = FindDeclaredName(NodeSlot(parameter, 1));
            if (name >= 0)
            {
                _symbols.Add(NameSpace.Ordinary, Key(name), TypeOf(parameter) ?? CType.Unknown, SymbolKind.Parameter, PositionOf(name));
            }
        }
    }

    /// <summary>
    /// Binds the name of a function definition. <paramref name="function"/> is the declarator that
    /// holds its parameters: a function declarator, or the SYSCALL_DEFINEn(...) macro that stands for one.
    /// </summary>
    private void DeclareFunction(int definition, out int function)
    {
        int specifiers = NodeSlot(definition, 0);
        var baseType = BaseTypeOf(specifiers);
        int declarator = NodeSlot(definition, 1);
        int name;
        CType type;
        if (declarator >= 0 && KindOf(declarator) == SyntaxKind.MacroDeclarator)
        {
            type = SyscallType(declarator, out name);
            function = name >= 0 ? declarator : -1;
        }
        else
        {
            type = ConvertDeclarator(baseType, declarator, out name, out function);
        }

        bool knr = function >= 0 && KindOf(function) == SyntaxKind.FunctionDeclarator && HasKnrParameters(function);
        if (knr && _extended)
        {
            type = WithKnrParameterTypes(type, function, NodeSlot(definition, 2));
        }

        SetType(definition, type);
        // spatch does not give K&R definitions a function type.
        if (name >= 0 && (!knr || _extended))
        {
            _symbols.Add(NameSpace.Ordinary, Key(name), type, SymbolKind.Function, PositionOf(name));
        }
    }

    // ---- SYSCALL_DEFINEn ----

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

    private bool IsKnrParameter(int parameter)
    {
        int specifiers = NodeSlot(parameter, 0);
        return specifiers >= 0 && _nodes[specifiers].ChildCount == 0;
    }

    private bool HasKnrParameters(int function)
    {
        int parameters = NodeSlot(function, 2);
        if (parameters < 0)
        {
            return false;
        }

        foreach (int parameter in ChildNodesOf(parameters, SyntaxKind.ParameterDeclaration))
        {
            if (IsKnrParameter(parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A K&amp;R function type with the parameter types taken from the declarations before its body (int when undeclared).</summary>
    private CType WithKnrParameterTypes(CType type, int function, int declarations)
    {
        if (type.Kind != CTypeKind.Function)
        {
            return type;
        }

        var declared = new Dictionary<int, CType>();
        foreach (int declaration in ChildNodesOf(declarations, SyntaxKind.Declaration))
        {
            var baseType = BaseTypeOf(NodeSlot(declaration, 0));
            foreach (int init in ChildNodesOf(NodeSlot(declaration, 1), SyntaxKind.InitDeclarator))
            {
                var t = ConvertDeclarator(baseType, NodeSlot(init, 0), out int name, out _);
                if (name >= 0)
                {
                    declared[Key(name)] = t;
                }
            }
        }

        var parameters = new List<CType>();
        var names = new List<string?>();
        foreach (int p in ChildNodesOf(NodeSlot(function, 2), SyntaxKind.ParameterDeclaration))
        {
            int name = FindDeclaredName(NodeSlot(p, 1));
            parameters.Add(name >= 0 && declared.TryGetValue(Key(name), out var t) ? t : IsKnrParameter(p) ? CType.Int : TypeOf(p) ?? CType.Unknown);
            names.Add(name >= 0 ? NameOf(name) : null);
        }

        return CType.Function(type.ElementType!, parameters, names, type.IsVariadic, hasPrototype: false);
    }

    /// <summary>The child nodes of a kind in a list node, without allocating.</summary>
    private ChildNodes ChildNodesOf(int list, SyntaxKind kind) => new(this, list, kind);

    private struct ChildNodes
    {
        private readonly AnnotationPass _pass;
        private readonly SyntaxKind _kind;
        private readonly int _end;
        private int _position;

        public ChildNodes(AnnotationPass pass, int list, SyntaxKind kind)
        {
            _pass = pass;
            _kind = kind;
            if (list < 0)
            {
                _position = _end = 0;
            }
            else
            {
                _position = pass._nodes[list].ChildStart - 1;
                _end = pass._nodes[list].ChildStart + pass._nodes[list].ChildCount;
            }

            Current = -1;
        }

        public int Current { get; private set; }

        public readonly ChildNodes GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++_position < _end)
            {
                int r = _pass._children[_position];
                if (ChildRef.IsNode(r) && _pass._nodes[ChildRef.NodeIndex(r)].Kind == _kind)
                {
                    Current = ChildRef.NodeIndex(r);
                    return true;
                }
            }

            return false;
        }
    }

    // ---- Specifiers ----

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

    // ---- Declarators ----

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
