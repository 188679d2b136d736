namespace Sevenspot.C.Semantics;

/// <summary>Annotates C syntax trees with types.</summary>
public static class TypeAnnotator
{
    /// <summary>
    /// Types the expressions and declarations of <paramref name="tree"/>. Declarations of
    /// <paramref name="headers"/> (typedefs, structs, enums, prototypes, globals, macros) are visible
    /// in the whole tree; their own expressions are not typed. The work is done on the first query.
    /// To share headers between files, build a <see cref="TypeEnvironment"/> once and use its
    /// <see cref="TypeEnvironment.Annotate"/>.
    /// </summary>
    public static TypeAnnotation Annotate(SyntaxTree tree, IReadOnlyList<SyntaxTree>? headers = null, TypeAnnotationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new TypeAnnotation(tree, headers, null, options ?? TypeAnnotationOptions.Default);
    }
}

/// <summary>
/// The types of one tree: of every expression (null when unknown, and a typed metavariable never
/// matches such an expression), of every declarator, and the typedefs, tags and globals declared
/// at file scope. Computed lazily in one pass; safe to query from several threads.
/// </summary>
public sealed class TypeAnnotation
{
    private readonly IReadOnlyList<SyntaxTree>? _headers;
    private readonly TypeEnvironment? _environment;
    private readonly TypeAnnotationOptions _options;
    private readonly Lock _gate = new();
    private AnnotationResult? _result;

    internal TypeAnnotation(SyntaxTree tree, IReadOnlyList<SyntaxTree>? headers, TypeEnvironment? environment, TypeAnnotationOptions options)
    {
        Tree = tree;
        _headers = headers;
        _environment = environment;
        _options = options;
    }

    // For the body of a #define: the file's annotation and the #define's offset.
    private readonly TypeAnnotation? _enclosing;
    private readonly int _visibleBefore;

    private TypeAnnotation(SyntaxTree body, TypeAnnotation enclosing, int visibleBefore)
    {
        Tree = body;
        _enclosing = enclosing;
        _visibleBefore = visibleBefore;
        _options = enclosing._options;
    }

    public SyntaxTree Tree { get; }

    /// <summary>
    /// The types of <paramref name="body"/>, a #define body of this tree at offset
    /// <paramref name="definePosition"/> parsed as a tree of its own: names are those the file
    /// declared before the #define (and the headers').
    /// </summary>
    public TypeAnnotation ForMacroBody(SyntaxTree body, int definePosition)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new TypeAnnotation(body, this, definePosition);
    }

    /// <summary>Number of expressions in the tree (initializer lists, designators, macro arguments and goto labels aside).</summary>
    public int ExpressionCount => Result.ExpressionCount;

    /// <summary>Number of those expressions that have a known type.</summary>
    public int TypedExpressionCount => Result.TypedExpressionCount;

    private AnnotationResult Result
    {
        get
        {
            var result = Volatile.Read(ref _result);
            if (result is not null)
            {
                return result;
            }

            lock (_gate)
            {
                if (_result is null && _enclosing is not null)
                {
                    var file = _enclosing.Result;
                    lock (_enclosing._gate)
                    {
                        _result = AnnotationPass.AnnotateMacroBody(_enclosing.Tree, file, Tree, _visibleBefore, _options);
                    }
                }

                _result ??= AnnotationPass.Annotate(Tree, _environment ?? Environment(), _options);
                return _result;
            }
        }
    }

    private TypeEnvironment Environment()
    {
        if (_headers is null || _headers.Count == 0)
        {
            return TypeEnvironment.Empty;
        }

        var headers = new List<SyntaxTree>(_headers.Count);
        foreach (var header in _headers)
        {
            if (header is not null && !ReferenceEquals(header, Tree))
            {
                headers.Add(header);
            }
        }

        return TypeEnvironment.Create(headers, _options);
    }

    /// <summary>Forces the annotation now (it otherwise runs on the first query).</summary>
    public TypeAnnotation Compute()
    {
        _ = Result;
        return this;
    }

    /// <summary>The type of an expression, or null when it is unknown (or the node is not an expression).</summary>
    public CType? GetType(SyntaxNode expression)
    {
        CheckTree(expression);
        return SyntaxFacts.IsExpressionKind(expression.Kind) ? Result.Types[expression.Index] : null;
    }

    /// <summary>
    /// The declared type of a declaration node: for an InitDeclarator, a ParameterDeclaration, an
    /// IdentifierDeclarator (or any declarator: the name it declares), a FunctionDefinition (its
    /// function type), a TypeName (casts, sizeof), an Enumerator (int), or a Declaration (the type
    /// named by its specifiers). <see cref="CType.Unknown"/> for anything else.
    /// </summary>
    public CType GetDeclaredType(SyntaxNode declaration)
    {
        CheckTree(declaration);
        var types = Result.Types;
        var node = declaration;
        switch (node.Kind)
        {
            case SyntaxKind.InitDeclarator or SyntaxKind.ParameterDeclaration or SyntaxKind.IdentifierDeclarator
                or SyntaxKind.FunctionDefinition or SyntaxKind.TypeName:
                return types[node.Index] ?? CType.Unknown;
            case SyntaxKind.Enumerator:
                return CType.Int;
            case SyntaxKind.Declaration:
                return node.GetNodeSlot(0) is { } specifiers ? types[specifiers.Index] ?? CType.Unknown : CType.Unknown;
            case SyntaxKind.PointerDeclarator or SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator
                or SyntaxKind.ParenthesizedDeclarator or SyntaxKind.BitFieldDeclarator:
                return DeclaredName(node) is { } name ? types[name.Index] ?? CType.Unknown : CType.Unknown;
            default:
                return CType.Unknown;
        }
    }

    /// <summary>The declared type of the name token of a declarator.</summary>
    public CType GetDeclaredType(SyntaxToken name)
    {
        if (name.IsMissing || name.Parent is not { Kind: SyntaxKind.IdentifierDeclarator } declarator)
        {
            return CType.Unknown;
        }

        return GetDeclaredType(declarator);
    }

    /// <summary>What an identifier expression refers to.</summary>
    public SymbolKind GetSymbolKind(SyntaxNode identifierName)
    {
        CheckTree(identifierName);
        return identifierName.Kind == SyntaxKind.IdentifierName ? Result.Kinds[identifierName.Index] : SymbolKind.Unknown;
    }

    /// <summary>
    /// Which declaration an identifier expression refers to, as a number equal for two uses of one
    /// variable and different for two variables of one name (a local that hides another): 0 when
    /// the name is declared nowhere in sight, int.MinValue for a declaration outside the file.
    /// </summary>
    public int GetDeclarationOf(SyntaxNode identifierName)
    {
        CheckTree(identifierName);
        return identifierName.Kind == SyntaxKind.IdentifierName && Result.Declarations is { } declarations ? declarations[identifierName.Index] : 0;
    }

    /// <summary>A struct, union or enum tag declared at file scope (in the tree or a header), or null.</summary>
    public CTag? GetTag(string name, CTagKind kind = CTagKind.Struct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var r = Result;
        int key = r.Keys.Find(name);
        if (key >= 0)
        {
            for (int b = r.Globals.LookupGlobal(NameSpace.Tag, key); b >= 0; b = r.Globals[b].Previous)
            {
                if (r.Globals[b].Tag is { } tag && tag.Kind == kind)
                {
                    return tag;
                }
            }
        }

        return r.Environment.GetTag(name, kind);
    }

    /// <summary>A typedef declared at file scope (in the tree or a header): a <see cref="CTypeKind.Typedef"/> type whose target is the declared type; null if none.</summary>
    public CType? GetTypedef(string name) => LookupGlobal(NameSpace.Typedef, name) ?? Result.Environment.GetTypedef(name);

    /// <summary>The type of a variable or function declared at file scope (in the tree or a header; or NULL, or an enumeration constant); null if none.</summary>
    public CType? GetGlobal(string name) => LookupGlobal(NameSpace.Ordinary, name) ?? Result.Environment.GetGlobal(name);

    /// <summary>The type of a member of a struct or union type (typedefs resolved, unnamed members searched); null if unknown.</summary>
    public CType? GetField(CType aggregate, string field)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(field);
        var t = aggregate.Resolve();
        if (t.Kind is not (CTypeKind.Struct or CTypeKind.Union))
        {
            return null;
        }

        var tag = t.Tag;
        if ((tag is null || !tag.IsComplete) && t.Name is { } name)
        {
            tag = GetTag(name, t.Kind == CTypeKind.Union ? CTagKind.Union : CTagKind.Struct) ?? tag;
        }

        return tag?.FindField(field);
    }

    /// <summary>Whether the expression's type, typedefs resolved, is a pointer.</summary>
    public bool IsPointer(SyntaxNode expression) => GetType(expression)?.IsPointer == true;

    /// <summary>Whether the expression's type, typedefs resolved, is an integer type (enums included).</summary>
    public bool IsInteger(SyntaxNode expression) => GetType(expression)?.IsInteger == true;

    /// <summary>Whether the expression's type, typedefs resolved, is <c>struct tag</c>.</summary>
    public bool IsStruct(SyntaxNode expression, string tag) => GetType(expression)?.IsStruct(tag) == true;

    /// <summary>Whether the expression's type, typedefs resolved, is <c>struct tag *</c>.</summary>
    public bool IsPointerToStruct(SyntaxNode expression, string tag) => GetType(expression)?.IsPointerToStruct(tag) == true;

    private CType? LookupGlobal(NameSpace space, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var r = Result;
        int key = r.Keys.Find(name);
        if (key < 0)
        {
            return null;
        }

        int b = r.Globals.LookupGlobal(space, key);
        return b >= 0 ? r.Globals[b].Type : null;
    }

    private static SyntaxNode? DeclaredName(SyntaxNode declarator)
    {
        SyntaxNode? d = declarator;
        while (d is { } n)
        {
            switch (n.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                    return n;
                case SyntaxKind.PointerDeclarator or SyntaxKind.ParenthesizedDeclarator:
                    d = n.GetNodeSlot(2);
                    break;
                case SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator or SyntaxKind.BitFieldDeclarator:
                    d = n.GetNodeSlot(0);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private void CheckTree(SyntaxNode node)
    {
        if (!ReferenceEquals(node.Tree, Tree))
        {
            throw new ArgumentException("The node belongs to another tree.", nameof(node));
        }
    }
}
