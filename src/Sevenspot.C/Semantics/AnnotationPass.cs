using System.Runtime.CompilerServices;

namespace Sevenspot.C.Semantics;

/// <summary>
/// One walk over a tree that builds scopes, typedefs, tags and their fields, and assigns a type to
/// every expression, in the manner of spatch's type_annoter_c. Declarations are entered in file order:
/// a name is known from its declarator on, a field from its struct's definition on. What the file does
/// not declare is looked up in a <see cref="TypeEnvironment"/> built from headers (by a pass of its own
/// over their declarations only). Results go into arrays indexed by node index.
/// The walk uses an explicit stack (trees can be deep); converting declarators recurses only into
/// parameter lists and nested struct bodies, and gives up past a fixed depth.
/// </summary>
internal sealed partial class AnnotationPass
{
    private const int MaxTypeDepth = 200;

    private readonly TypeAnnotationOptions _options;
    private readonly bool _extended;
    private readonly NameKeys _keys;
    private readonly SymbolTable _symbols;
    private readonly CType?[] _mainTypes;
    private readonly SymbolKind[] _mainKinds;

    // For each identifier expression of the annotated tree, where its declaration is (see TypeAnnotation.GetDeclarationOf).
    private readonly int[]? _mainDeclarations;
    private readonly Dictionary<int, CType> _undeclaredTypedefs = [];
    private readonly int _sizeTKey;
    private readonly int _ssizeTKey;
    private readonly int _ptrdiffTKey;
    private readonly TypeEnvironment _environment;
    private readonly SyntaxTree? _main;

    // The tree being read: the annotated tree, a header, or a macro body.
    private SyntaxTree _tree = null!;
    private NodeData[] _nodes = [];
    private int[] _children = [];
    private TokenData[] _tokens = [];
    private int[]? _map;
    private CType?[]? _types;
    private SymbolKind[]? _kinds;

    private int _typeDepth;
    private int _uncounted;

    // While typing a macro body: the offset of its #define; what was declared later is not visible.
    private int _visibleBefore = int.MaxValue;

    // The walk's stack, lent to one walk at a time; a nested walk allocates its own.
    private int[]? _stack = new int[256];

    /// <summary>A pass over <paramref name="main"/>, or, with null, over headers to build an environment.</summary>
    private AnnotationPass(SyntaxTree? main, TypeEnvironment environment, TypeAnnotationOptions options)
    {
        _main = main;
        _environment = environment;
        _options = options;
        _extended = options.Inference == TypeInference.Extended;
        var names = main?.Names ?? new NameTable();
        _keys = new NameKeys(names);
        _symbols = new SymbolTable(names.Count);
        _mainTypes = new CType?[main?.NodeCount ?? 0];
        _mainKinds = new SymbolKind[main?.NodeCount ?? 0];
        _mainDeclarations = main is null ? null : new int[main.NodeCount];
        _sizeTKey = _keys.GetOrAdd("size_t");
        _ssizeTKey = _keys.GetOrAdd("ssize_t");
        _ptrdiffTKey = _keys.GetOrAdd("ptrdiff_t");
    }

    /// <summary>A pass that types another tree in the file scope of an annotated file (its symbols, names and environment).</summary>
    private AnnotationPass(SyntaxTree main, AnnotationResult result, TypeAnnotationOptions options)
    {
        _main = main;
        _environment = result.Environment;
        _options = options;
        _extended = options.Inference == TypeInference.Extended;
        _keys = result.Keys;
        _symbols = result.Globals;
        _mainTypes = result.Types;
        _mainKinds = result.Kinds;
        _sizeTKey = _keys.GetOrAdd("size_t");
        _ssizeTKey = _keys.GetOrAdd("ssize_t");
        _ptrdiffTKey = _keys.GetOrAdd("ptrdiff_t");
    }

    public int ExpressionCount { get; private set; }

    public int TypedExpressionCount { get; private set; }

    public static AnnotationResult Annotate(SyntaxTree tree, TypeEnvironment environment, TypeAnnotationOptions options) =>
        new AnnotationPass(tree, environment, options).Run();

    private AnnotationResult Run()
    {
        var main = _main!;
        // spatch's initial environment: NULL is a void pointer unless something else says so.
        _symbols.Add(NameSpace.Ordinary, _keys.GetOrAdd("NULL"), CType.Pointer(CType.Void), SymbolKind.Global, int.MinValue);
        UseTree(main, null, _mainTypes, _mainKinds);
        Walk(main.RootIndex);
        while (_symbols.Depth > 0)
        {
            _symbols.PopScope(); // unbalanced only if a walk was cut short; keep file scope consistent
        }

        return new AnnotationResult(_mainTypes, _mainKinds, _symbols, _keys, _environment, ExpressionCount, TypedExpressionCount) { Declarations = _mainDeclarations };
    }

    /// <summary>
    /// Types <paramref name="body"/>, the body of a #define of <paramref name="main"/> at offset
    /// <paramref name="visibleBefore"/> parsed on its own, with what the file declared before the
    /// #define (as spatch, which reads the file in order). The file's symbol table is borrowed: the
    /// body's own declarations go into a scope that is dropped afterwards. Not thread-safe with
    /// other uses of <paramref name="result"/>'s symbols; the caller serialises.
    /// </summary>
    public static AnnotationResult AnnotateMacroBody(SyntaxTree main, AnnotationResult result, SyntaxTree body, int visibleBefore, TypeAnnotationOptions options)
    {
        var pass = new AnnotationPass(main, result, options);
        var types = new CType?[body.NodeCount];
        var kinds = new SymbolKind[body.NodeCount];
        pass.UseTree(body, pass._keys.Map(body.Names), types, kinds);
        pass._visibleBefore = visibleBefore;
        int depth = pass._symbols.Depth;
        pass._symbols.PushScope();
        try
        {
            pass.Walk(body.RootIndex);
        }
        finally
        {
            while (pass._symbols.Depth > depth)
            {
                pass._symbols.PopScope();
            }
        }

        return new AnnotationResult(types, kinds, pass._symbols, pass._keys, pass._environment, pass.ExpressionCount, pass.TypedExpressionCount);
    }

    /// <summary>Reads the file-scope declarations of headers, in order, into an environment.</summary>
    public static TypeEnvironment BuildEnvironment(IReadOnlyList<SyntaxTree> headers, TypeAnnotationOptions options)
    {
        var pass = new AnnotationPass(null, TypeEnvironment.Empty, options);
        int count = 0;
        foreach (var header in headers)
        {
            if (header is null)
            {
                continue;
            }

            pass.UseTree(header, pass._keys.Map(header.Names), null, null);
            pass.DeclareTopLevel(header);
            count++;
        }

        // Everything is at file scope; a later binding of a name replaces an earlier one.
        var ordinary = new Dictionary<string, TypeEnvironment.OrdinaryEntry>(StringComparer.Ordinal);
        var typedefs = new Dictionary<string, CType>(StringComparer.Ordinal);
        Dictionary<string, CTag>[] tags = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        for (int i = 0; i < pass._symbols.Count; i++)
        {
            ref var b = ref pass._symbols[i];
            string name = pass._keys.GetName(b.Key);
            switch (b.Space)
            {
                case NameSpace.Ordinary:
                    ordinary[name] = new TypeEnvironment.OrdinaryEntry(b.Type, b.Kind);
                    break;
                case NameSpace.Typedef when b.Type is not null:
                    typedefs[name] = b.Type;
                    break;
                case NameSpace.Tag when b.Tag is not null:
                    tags[(int)b.Tag.Kind][name] = b.Tag;
                    break;
            }
        }

        var macros = new Dictionary<string, MacroDefinition>(StringComparer.Ordinal);
        int position = int.MinValue + 1;
        foreach (var header in headers)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var (name, body, parameters, _) in ReadDefines(header))
            {
                macros.TryGetValue(name, out var previous);
                macros[name] = new MacroDefinition(body, parameters, position++, previous);
            }
        }

        return new TypeEnvironment(options, count, ordinary, typedefs, tags, macros);
    }

    // ---- The tree being read ----

    private readonly record struct TreeState(SyntaxTree Tree, int[]? Map, CType?[]? Types, SymbolKind[]? Kinds);

    private TreeState Save() => new(_tree, _map, _types, _kinds);

    private void Restore(TreeState s) => UseTree(s.Tree, s.Map, s.Types, s.Kinds);

    private void UseTree(SyntaxTree tree, int[]? map, CType?[]? types, SymbolKind[]? kinds)
    {
        _tree = tree;
        _nodes = tree.Nodes;
        _children = tree.Children;
        _tokens = tree.Tokens;
        _map = map;
        _types = types;
        _kinds = kinds;
        _symbols.EnsureKeys(_keys.Count);
    }

    private bool IsMainTree => _main is not null && ReferenceEquals(_types, _mainTypes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private SyntaxKind KindOf(int node) => _nodes[node].Kind;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Parent(int node) => _nodes[node].Parent;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(int node, int slot)
    {
        ref var d = ref _nodes[node];
        return slot < d.ChildCount ? _children[d.ChildStart + slot] : ChildRef.Absent;
    }

    /// <summary>The node in a slot, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NodeSlot(int node, int slot)
    {
        int r = Slot(node, slot);
        return ChildRef.IsNode(r) ? ChildRef.NodeIndex(r) : -1;
    }

    /// <summary>The token in a slot, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TokenSlot(int node, int slot)
    {
        int r = Slot(node, slot);
        return ChildRef.IsToken(r) ? r : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Key(int token)
    {
        int id = _tokens[token].Name;
        return _map is null ? id : _map[id];
    }

    private string NameOf(int token) => _tree.Names.GetString(_tokens[token].Name);

    /// <summary>Where a name declared by this token counts as declared: its offset in the annotated tree, or before everything.</summary>
    private int PositionOf(int token) => IsMainTree && token >= 0 ? _tokens[token].Start : int.MinValue;

    /// <summary>The innermost visible binding; inside a macro body, only what was declared before the #define.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LookupVisible(NameSpace space, int key) =>
        _visibleBefore == int.MaxValue ? _symbols.Lookup(space, key) : _symbols.LookupBefore(space, key, _visibleBefore);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private CType? TypeOf(int node) => node < 0 || _types is null ? null : _types[node];

    private void SetType(int node, CType? type)
    {
        if (_types is not null && node >= 0)
        {
            _types[node] = type;
        }
    }

    // ---- The walk ----

    /// <summary>Visits a subtree: scopes and declarations on the way down, expression types on the way up.</summary>
    private void Walk(int root)
    {
        var stack = _stack ?? new int[64];
        _stack = null;
        int top = 0;
        stack[top++] = root;
        while (top > 0)
        {
            int item = stack[--top];
            if (item < 0)
            {
                Exit(~item);
                continue;
            }

            if (!Enter(item))
            {
                continue;
            }

            ref var d = ref _nodes[item];
            int needed = top + d.ChildCount + 1;
            if (needed > stack.Length)
            {
                Array.Resize(ref stack, Math.Max(needed, stack.Length * 2));
            }

            stack[top++] = ~item;
            for (int i = d.ChildCount - 1; i >= 0; i--)
            {
                int r = _children[d.ChildStart + i];
                if (ChildRef.IsNode(r))
                {
                    stack[top++] = ChildRef.NodeIndex(r);
                }
            }
        }

        _stack = stack;
    }

    /// <summary>Work before the children; false skips the subtree.</summary>
    private bool Enter(int node)
    {
        switch (KindOf(node))
        {
            case SyntaxKind.FunctionDefinition:
                EnterFunction(node);
                return true;
            case SyntaxKind.CompoundStatement:
                _symbols.PushScope();
                return true;
            case SyntaxKind.ForStatement:
                // spatch lets a for-loop declaration live on after the loop, in the enclosing block.
                if (_extended)
                {
                    _symbols.PushScope();
                }

                return true;
            case SyntaxKind.Declaration:
                if (!IsMemberDeclaration(node))
                {
                    BaseTypeOf(NodeSlot(node, 0));
                }

                return true;
            case SyntaxKind.InitDeclarator:
                DeclareInitDeclarator(node);
                return true;
            case SyntaxKind.MacroDeclaration:
                BaseTypeOf(NodeSlot(node, 0));
                return true;
            case SyntaxKind.TypeName:
                if (TypeOf(node) is null)
                {
                    SetType(node, ConvertTypeName(node));
                }

                return true;
            case SyntaxKind.ParameterDeclaration:
                if (TypeOf(node) is null)
                {
                    SetType(node, ConvertParameter(node, out _, out _));
                }

                return true;
            case SyntaxKind.ErrorNode or SyntaxKind.ErrorStatement or SyntaxKind.AttributeSpecifier or SyntaxKind.AttributeMacro
                or SyntaxKind.AsmLabel or SyntaxKind.MacroArgument:
                return false; // tokens only
            case SyntaxKind.MacroDeclarator:
                return false; // SYSCALL_DEFINE2(name, int, fd, ...), DECLARE_BITMAP(bits, 64): names and types, not expressions
            default:
                return true;
        }
    }

    private void Exit(int node)
    {
        var kind = KindOf(node);
        switch (kind)
        {
            case SyntaxKind.FunctionDefinition or SyntaxKind.CompoundStatement:
                _symbols.PopScope();
                return;
            case SyntaxKind.ForStatement:
                if (_extended)
                {
                    _symbols.PopScope();
                }

                return;
        }

        if (SyntaxFacts.IsExpressionKind(kind))
        {
            TypeExpression(node, kind);
        }
    }

    // ---- Headers ----

    /// <summary>Enters the file-scope declarations of a header: no function bodies, no expression types.</summary>
    private void DeclareTopLevel(SyntaxTree tree)
    {
        int items = NodeSlot(tree.RootIndex, 0);
        if (items < 0)
        {
            return;
        }

        // In file order: a declaration sees only the typedefs and tags declared before it.
        int count = _nodes[items].ChildCount;
        for (int i = 0; i < count; i++)
        {
            int item = NodeSlot(items, i);
            if (item < 0)
            {
                continue;
            }

            switch (KindOf(item))
            {
                case SyntaxKind.Declaration:
                    BaseTypeOf(NodeSlot(item, 0));
                    foreach (int declarator in ChildNodesOf(NodeSlot(item, 1), SyntaxKind.InitDeclarator))
                    {
                        DeclareInitDeclarator(declarator);
                    }

                    break;
                case SyntaxKind.FunctionDefinition:
                    DeclareFunction(item, out _);
                    break;
            }
        }
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

    /// <summary>Whether the type converter may go one level deeper.</summary>
    private bool CanNest() => _typeDepth < MaxTypeDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack();
}

/// <summary>What a finished pass leaves behind for queries.</summary>
internal sealed record AnnotationResult(CType?[] Types, SymbolKind[] Kinds, SymbolTable Globals, NameKeys Keys, TypeEnvironment Environment, int ExpressionCount, int TypedExpressionCount)
{
    /// <summary>Per node of the annotated tree, where an identifier expression's declaration is (null for a macro body).</summary>
    public int[]? Declarations { get; init; }
}
