namespace Sevenspot.C.Semantics;

/// <summary>Declarations that bind names: variables, functions, typedefs, parameters (K&amp;R ones included).</summary>
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
}
