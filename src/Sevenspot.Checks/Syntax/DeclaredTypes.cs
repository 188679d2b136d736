using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>The struct a name's declared type refers to (struct dev * → "dev"), and whether it is a pointer.</summary>
public readonly record struct StructType(string Tag, bool IsPointer);

/// <summary>
/// What a file says about the types of names, without a type checker: the struct tags of
/// parameters and locals of a function, of file-scope variables, and of struct members. A name
/// declared twice with different types is unknown; so is anything behind a typedef.
/// </summary>
public sealed class DeclaredTypes
{
    private readonly Dictionary<string, StructType?> _locals = new(StringComparer.Ordinal);
    private readonly FileTypes _file;

    private DeclaredTypes(FileTypes file)
    {
        _file = file;
    }

    /// <summary>The types visible in a function definition: its parameters and every local it declares, then file scope.</summary>
    public static DeclaredTypes ForFunction(FileTypes file, SyntaxNode function)
    {
        var types = new DeclaredTypes(file);
        var definition = function.AsFunctionDefinition();
        foreach (var node in definition.Declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ParameterDeclaration)
            {
                var parameter = node.AsParameterDeclaration();
                types.Add(parameter.SpecifierList, parameter.Declarator);
            }
        }

        foreach (var node in definition.Body.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.Declaration)
            {
                var declaration = node.AsDeclaration();
                foreach (var declarator in declaration.DeclaratorList.ChildNodes())
                {
                    if (declarator.Kind == SyntaxKind.InitDeclarator)
                    {
                        types.Add(declaration.SpecifierList, declarator.AsInitDeclarator().Declarator);
                    }
                }
            }
        }

        return types;
    }

    /// <summary>Whether the name is a parameter or a local of the function (not a global).</summary>
    public bool IsLocal(string name) => _locals.ContainsKey(name);

    /// <summary>The struct type of a name: local first, then file scope; null when unknown or not a struct.</summary>
    public StructType? Lookup(string name)
    {
        if (_locals.TryGetValue(name, out var local))
        {
            return local;
        }

        if (name == "current")
        {
            return new StructType("task_struct", true);
        }

        return _file.LookupGlobal(name);
    }

    /// <summary>
    /// The struct type of an expression when it can be told: a name, a member of a known struct
    /// (<c>d-&gt;priv</c> when struct d's member priv is declared in the file), through parentheses and casts.
    /// </summary>
    public StructType? TypeOf(SyntaxNode expression)
    {
        expression = SyntaxHelpers.StripParentheses(expression);
        switch (expression.Kind)
        {
            case SyntaxKind.IdentifierName:
                return Lookup(expression.AsIdentifierName().Identifier.Text);
            case SyntaxKind.MemberAccess:
                var member = expression.AsMemberAccess();
                var owner = TypeOf(member.Expression);
                return owner is { } o ? _file.LookupMember(o.Tag, member.Name.Text) : null;
            case SyntaxKind.CastExpression:
                var cast = expression.AsCastExpression();
                return FileTypes.StructOf(cast.Type.AsTypeName().SpecifierList, cast.Type.AsTypeName().Declarator);
            case SyntaxKind.PrefixUnary when expression.AsPrefixUnary().Operator.Kind == SyntaxKind.AsteriskToken:
                return TypeOf(expression.AsPrefixUnary().Operand) is { IsPointer: true } p ? p with { IsPointer = false } : null;
            default:
                return null;
        }
    }

    private void Add(SyntaxNode specifiers, SyntaxNode declarator)
    {
        if (Declarators.DeclaredName(declarator, throughFunctions: false) is not { } name)
        {
            return;
        }

        var type = FileTypes.StructOf(specifiers, declarator);
        if (_locals.TryGetValue(name, out var existing) && existing != type)
        {
            _locals[name] = null;
            return;
        }

        _locals[name] = type;
    }
}

/// <summary>File-scope knowledge: globals' struct types, struct members' types, and which names are file-scope variables.</summary>
public sealed class FileTypes
{
    private readonly Dictionary<string, StructType?> _globals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Tag, string Member), StructType?> _members = [];
    private readonly HashSet<string> _globalNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staticNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _definedTags = new(StringComparer.Ordinal);

    public static FileTypes Collect(SyntaxTree tree)
    {
        var types = new FileTypes();
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            switch (node.Kind)
            {
                case SyntaxKind.StructSpecifier:
                    types.AddStruct(node);
                    break;
                case SyntaxKind.Declaration when node.Parent is { Kind: SyntaxKind.List } list && list.Parent is { Kind: SyntaxKind.CompilationUnit }:
                    var declaration = node.AsDeclaration();
                    foreach (var declarator in declaration.DeclaratorList.ChildNodes())
                    {
                        if (declarator.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(declarator.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
                        {
                            types._globalNames.Add(name);
                            if (HasStatic(declaration.SpecifierList))
                            {
                                types._staticNames.Add(name);
                            }

                            Merge(types._globals, name, StructOf(declaration.SpecifierList, declarator.AsInitDeclarator().Declarator));
                        }
                    }

                    break;
                case SyntaxKind.MacroDeclaration:
                    // DEFINE_SPINLOCK(name), DEFINE_MUTEX(name), LIST_HEAD(name): the first argument is a file-scope object.
                    var macro = node.AsMacroDeclaration();
                    // SyntaxNode is a struct: an empty list gives no first node, not a default handle.
                    if (macro.ArgumentList is { } arguments && arguments.ChildNodes().Take(1).ToList() is [{ Kind: SyntaxKind.IdentifierName } first])
                    {
                        string name = first.AsIdentifierName().Identifier.Text;
                        types._globalNames.Add(name);
                        if (HasStatic(macro.SpecifierList))
                        {
                            types._staticNames.Add(name);
                        }
                    }

                    break;
            }
        }

        return types;
    }

    /// <summary>Whether the file declares the name at file scope (a variable or a DEFINE_* object).</summary>
    public bool IsFileScope(string name) => _globalNames.Contains(name);

    /// <summary>Whether the name is a static file-scope object: another file's object of the same name is a different one.</summary>
    public bool IsFileStatic(string name) => _staticNames.Contains(name);

    /// <summary>Whether the file defines the struct (with its members), not only names it.</summary>
    public bool DefinesStruct(string tag) => _definedTags.Contains(tag);

    public StructType? LookupGlobal(string name) => _globals.TryGetValue(name, out var t) ? t : null;

    public StructType? LookupMember(string tag, string member) => _members.TryGetValue((tag, member), out var t) ? t : null;

    private static bool HasStatic(SyntaxNode specifiers)
    {
        foreach (var token in specifiers.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.StaticKeyword)
            {
                return true;
            }
        }

        return false;
    }

    internal static StructType? StructOf(SyntaxNode specifiers, SyntaxNode declarator)
    {
        string? tag = null;
        foreach (var specifier in specifiers.ChildNodes())
        {
            if (specifier.Kind == SyntaxKind.StructSpecifier && specifier.AsStructSpecifier().Name is { } name)
            {
                tag = name.Text;
            }
        }

        if (tag is null)
        {
            return null;
        }

        int pointers = 0;
        var d = declarator;
        while (true)
        {
            if (d.Kind == SyntaxKind.PointerDeclarator)
            {
                pointers++;
                d = d.AsPointerDeclarator().Declarator;
            }
            else if (d.Kind == SyntaxKind.ParenthesizedDeclarator)
            {
                d = d.AsParenthesizedDeclarator().Declarator;
            }
            else
            {
                break;
            }
        }

        // Arrays and functions are not structs or struct pointers.
        if (d.Kind is not (SyntaxKind.IdentifierDeclarator or SyntaxKind.AbstractDeclarator) || pointers > 1)
        {
            return null;
        }

        return new StructType(tag, pointers == 1);
    }

    private void AddStruct(SyntaxNode node)
    {
        var specifier = node.AsStructSpecifier();
        if (specifier.Name is not { } tag || specifier.MemberList is not { } members)
        {
            return;
        }

        _definedTags.Add(tag.Text);
        foreach (var member in members.ChildNodes())
        {
            if (member.Kind != SyntaxKind.Declaration)
            {
                continue;
            }

            var declaration = member.AsDeclaration();
            foreach (var declarator in declaration.DeclaratorList.ChildNodes())
            {
                if (declarator.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(declarator.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
                {
                    Merge(_members, (tag.Text, name), StructOf(declaration.SpecifierList, declarator.AsInitDeclarator().Declarator));
                }
            }
        }
    }

    private static void Merge<TKey>(Dictionary<TKey, StructType?> map, TKey key, StructType? type)
        where TKey : notnull
    {
        if (map.TryGetValue(key, out var existing) && existing != type)
        {
            map[key] = null;
            return;
        }

        map[key] = type;
    }
}
