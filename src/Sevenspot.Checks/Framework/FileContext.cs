using Sevenspot.C;
using Sevenspot.C.Semantics;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// One parsed file as checks see it: the tree, the primitive tables, its function definitions,
/// control-flow graphs on demand, and helpers that turn syntax into report locations.
/// </summary>
public sealed class FileContext
{
    private readonly IFlowGraphProvider? _flowGraphs;
    private readonly Dictionary<int, IFlowGraph?> _graphs = [];
    private readonly Dictionary<Type, object> _shared = [];
    private readonly Dictionary<(int Start, int End), SourceLocation> _compactLocations = [];
    private readonly NamePool _names;
    private ProgramHeaders? _headers;

    /// <param name="headers">The run's headers, read once for all its files; a file analysed on its own reads its headers for itself.</param>
    public FileContext(SourceSession session, PrimitiveTables primitives, IFlowGraphProvider? flowGraphs = null, NamePool? names = null, ProgramHeaders? headers = null)
    {
        Session = session;
        Primitives = primitives;
        _flowGraphs = flowGraphs;
        _names = names ?? new NamePool();
        _headers = headers;
    }

    public FileContext(SyntaxTree tree, PrimitiveTables primitives, IFlowGraphProvider? flowGraphs = null, NamePool? names = null)
        : this(new SourceSession(tree), primitives, flowGraphs, names)
    {
    }

    /// <summary>The headers of the run this file belongs to (<see cref="ProgramHeaders"/>): what is read from them is shared by the run's files.</summary>
    public ProgramHeaders Headers => _headers ??= new ProgramHeaders(_names);

    /// <summary>The parsed file as the rule engine also reads it: function definitions, control-flow views, types.</summary>
    public SourceSession Session { get; }

    public SyntaxTree Tree => Session.Tree;

    public SourceText Text => Tree.Text;

    /// <summary>The path as given to the run; findings carry it unchanged.</summary>
    public string Path => Text.Path;

    public PrimitiveTables Primitives { get; }

    /// <summary>
    /// The file's function definitions in file order, those with parse errors included: syntactic
    /// checks look at what parsed in them; path-sensitive checks skip them (<see cref="IsSound"/>).
    /// </summary>
    public IReadOnlyList<SyntaxNode> Functions => Session.Functions;

    /// <summary>
    /// The C layer's type annotation of the file (the one typed metavariables use), computed on
    /// the first query: checks that never ask about a type do not pay for it.
    /// </summary>
    public TypeAnnotation Types => Session.Types;

    /// <summary>Whether a node holds no parse errors, so its control flow can be trusted.</summary>
    public static bool IsSound(SyntaxNode node) => !node.ContainsErrors;

    /// <summary>The control-flow graph of a sound function, or null without a provider or for a function with errors.</summary>
    public IFlowGraph? GetFlowGraph(SyntaxNode function)
    {
        if (_flowGraphs is null || !IsSound(function))
        {
            return null;
        }

        if (!_graphs.TryGetValue(function.Index, out var graph))
        {
            graph = _flowGraphs.Build(Session, function);
            _graphs[function.Index] = graph;
        }

        return graph;
    }

    /// <summary>
    /// Data derived from the file once and shared by the checks that need it (file-scope names,
    /// lock annotations), one instance per type.
    /// </summary>
    public T GetShared<T>(Func<FileContext, T> create)
        where T : class
    {
        if (!_shared.TryGetValue(typeof(T), out var value))
        {
            value = create(this);
            _shared[typeof(T)] = value;
        }

        return (T)value;
    }

    public SourceLocation Locate(SyntaxNode node) => SourceLocation.From(Text, node.Span);

    public SourceLocation Locate(SyntaxToken token) => SourceLocation.From(Text, token.Span);

    public SourceLocation Locate(TextSpan span) => SourceLocation.From(Text, span);

    /// <summary>
    /// A location without its code text, for facts that tree checks keep for the whole run. The
    /// checks of a file share one instance per range: several keep the same call sites.
    /// </summary>
    public SourceLocation LocateCompact(SyntaxNode node) => LocateCompact(node.Span);

    public SourceLocation LocateCompact(SyntaxToken token) => LocateCompact(token.Span);

    private SourceLocation LocateCompact(TextSpan span)
    {
        if (!_compactLocations.TryGetValue((span.Start, span.End), out var location))
        {
            location = SourceLocation.From(Text, span, withText: false);
            _compactLocations[(span.Start, span.End)] = location;
        }

        return location;
    }

    /// <summary>The run's single copy of a name that facts keep (a callee, a lock class, a bit).</summary>
    public string Name(string name) => _names.Get(name);
}
