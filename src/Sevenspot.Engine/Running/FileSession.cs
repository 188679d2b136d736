using Sevenspot.C;
using Sevenspot.C.Flow;

namespace Sevenspot.Engine;

/// <summary>
/// One version of a file as the rules see it: the tree, its type annotation and one prepared
/// control-flow graph per function, each built on first use and then shared by every rule and
/// every inherited environment. The tree, the functions' control-flow views and the annotation
/// are those of a <see cref="SourceSession"/>, the per-file object the checks read too. A
/// transforming rule that changes the file starts a new session.
/// </summary>
internal sealed class FileSession
{
    private readonly RunOptions _options;
    private readonly SourceSession _source;
    private readonly bool _ownsSource;
    // PERF: made on first use, as the nodes of a sort are: a file's #define bodies are parsed into a
    // session each (tens of thousands in a register header), most never graphed.
    private Dictionary<int, FlowShape>? _shapes;
    private ITypeOracle? _types;
    private bool _typesBuilt;
    private Dictionary<SyntaxKind, List<SyntaxNode>>? _nodesOfSort;
    private List<MacroBody>? _macroBodies;
    private BodyWords? _macroBodyWords;
    private int[][]? _occurrences;
    private Dictionary<string, int>? _wordIds;
    private Dictionary<SyntaxKind, int[]>? _kindOccurrences;
    private IReadOnlyList<SyntaxNode>? _functions;
    private (int First, int Last)[]? _notRead;
    private FunctionCensus? _census;

    public FileSession(SyntaxTree tree, RunOptions options)
        : this(new SourceSession(tree), options)
    {
        _ownsSource = true;
    }

    /// <summary>A session on a file another reader (the checks) already holds: its graphs and types are shared, not rebuilt.</summary>
    public FileSession(SourceSession source, RunOptions options)
    {
        _source = source;
        _options = options;
        CodeVariables.Register(this);
    }

    /// <summary>A session for the body of a #define of a file, with its own types and its place in the file.</summary>
    public FileSession(SyntaxTree tree, RunOptions options, ITypeOracle? types, SourceOrigin origin)
    {
        _source = new SourceSession(tree);
        _ownsSource = true;
        _options = options;
        _types = types;
        _typesBuilt = true;
        Origin = origin;
        CodeVariables.Register(this);
    }

    public SyntaxTree Tree => _source.Tree;

    /// <summary>Where the tree's text is in its file, for a #define body; null for a file.</summary>
    public SourceOrigin? Origin { get; }

    /// <summary>The type annotation of the file, or null when the run has none.</summary>
    public ITypeOracle? Types
    {
        get
        {
            if (!_typesBuilt)
            {
                using var clock = SharedWorkClock.Measure();

                // The default oracle reads the source session's annotation, the one the checks read too.
                var factory = _options.TypeOracleFactory;
                _types = ReferenceEquals(factory, RunOptions.AnnotationTypes) ? new AnnotationTypeOracle(_source.Types) : factory?.Invoke(Tree);
                _typesBuilt = true;
            }

            return _types;
        }
    }

    /// <summary>The function definitions at file level, in file order.</summary>
    /// <summary>
    /// The function definitions rules match in, in file order: all of them but those spatch does not
    /// read (<see cref="FunctionCensus.NotReadBySpatchIn"/>), unless the run reads those too
    /// (<see cref="RunOptions.ReadFunctionsSpatchSkips"/>).
    /// </summary>
    public IReadOnlyList<SyntaxNode> Functions
    {
        get
        {
            if (_functions is null)
            {
                List<SyntaxNode> skipped = _options.ReadFunctionsSpatchSkips ? [] : FunctionCensus.NotReadBySpatchIn(Tree);
                if (skipped.Count == 0)
                {
                    _functions = _source.Functions;
                    _notRead = [];
                }
                else
                {
                    var read = new List<SyntaxNode>(_source.Functions.Count);
                    var notRead = skipped.ToHashSet();
                    foreach (var function in _source.Functions)
                    {
                        if (!notRead.Contains(function))
                        {
                            read.Add(function);
                        }
                    }

                    _functions = read;
                    _notRead = [.. skipped.Select(static f => (f.FirstTokenIndex, f.LastTokenIndex))];
                }
            }

            return _functions;
        }
    }

    /// <summary>
    /// The tree's functions, those with errors and those spatch does not read, for the file's outcome:
    /// taken once for every patch that reads this session.
    /// </summary>
    public FunctionCensus Census => _census ??= FunctionCensus.Take(Tree);

    /// <summary>All the file-level function definitions, those rules do not match in included.</summary>
    public int AllFunctionCount => _source.Functions.Count;

    /// <summary>Whether a token lies in a function rules do not match in (see <see cref="Functions"/>).</summary>
    public bool InFunctionNotRead(int token)
    {
        if (_notRead is null)
        {
            _ = Functions;
        }

        // The ranges are in file order and do not overlap: the last one starting at or before the token.
        var ranges = _notRead!;
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid].First <= token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi >= 0 && token <= ranges[hi].Last;
    }

    /// <summary>
    /// The nodes of the tree, in pre-order, where a single-term pattern of the given kind is tried
    /// (<paramref name="test"/> depends on the kind alone): one walk of the tree for every rule,
    /// environment and disjunction branch of that kind.
    /// </summary>
    public List<SyntaxNode> NodesOfSort(SyntaxKind patternKind, Func<SyntaxNode, bool> test)
    {
        // PERF: a tree of a few nodes (a #define body's, kept with its file) is walked again rather than
        // keeping a list per sort for it.
        bool keep = Tree.NodeCount > MaxNodesWalkedAgain;
        if (!keep || _nodesOfSort is null || !_nodesOfSort.TryGetValue(patternKind, out var nodes))
        {
            bool skip = Functions.Count < AllFunctionCount;

            // PERF: gathered in a list reused by the thread, then kept at its final size (a list grown
            // node by node allocates about twice what it keeps).
            var scratch = s_nodeScratch ??= [];
            scratch.Clear();
            foreach (var node in Tree.Root.DescendantNodesAndSelf())
            {
                if (test(node) && !(skip && InFunctionNotRead(node.FirstTokenIndex)))
                {
                    scratch.Add(node);
                }
            }

            nodes = new List<SyntaxNode>(scratch);
            scratch.Clear();
            if (keep)
            {
                (_nodesOfSort ??= []).Add(patternKind, nodes);
            }
        }

        return nodes;
    }

    [ThreadStatic]
    private static List<SyntaxNode>? s_nodeScratch;

    private const int MaxNodesWalkedAgain = 32;

    /// <summary>The bodies of the file's #defines that parse as code, read once for every rule of every patch that reads the file this way.</summary>
    public List<MacroBody> MacroBodies(RunOptions options)
    {
        if (_macroBodies is null)
        {
            using var clock = SharedWorkClock.Measure();
            _macroBodies = MacroBody.Read(this, options);
        }

        return _macroBodies;
    }

    /// <summary>The words of all the file's #define bodies (<see cref="MacroBodies"/>), gathered once for every rule.</summary>
    public BodyWords MacroBodyWords(RunOptions options) => _macroBodyWords ??= BodyWords.Of(MacroBodies(options));

    /// <summary>
    /// The indices of the tokens that spell a name of the tree's name table (identifiers and keywords),
    /// ascending; built in one pass on first use.
    /// </summary>
    public int[] OccurrencesOf(int nameId)
    {
        if (_occurrences is null)
        {
            var names = Tree.Names;
            var counts = new int[names.Count];
            var tokens = Tree.Tokens;
            int count = Tree.TokenCount;
            for (int i = 0; i < count; i++)
            {
                counts[tokens[i].Name]++;
            }

            var occurrences = new int[names.Count][];
            for (int id = 0; id < occurrences.Length; id++)
            {
                occurrences[id] = counts[id] == 0 ? [] : new int[counts[id]];
                counts[id] = 0;
            }

            for (int i = 0; i < count; i++)
            {
                int id = tokens[i].Name;
                occurrences[id][counts[id]++] = i;
            }

            _occurrences = occurrences;
        }

        return nameId > 0 && nameId < _occurrences.Length ? _occurrences[nameId] : [];
    }

    /// <summary>
    /// Whether the tokens of a function (its header and body, code in disabled branches included)
    /// satisfy a formula over words: a flow rule whose pattern requires words the function never spells
    /// cannot match there.
    /// </summary>
    public bool Spells(TokenFormula formula, SyntaxNode function) => Spells(formula, function.FirstTokenIndex, function.LastTokenIndex);

    /// <summary>Whether the tokens from <paramref name="first"/> to <paramref name="last"/> satisfy a formula over words.</summary>
    public bool Spells(TokenFormula formula, int first, int last) =>
        formula.Evaluate((Session: this, first, last), static (s, word) => s.Session.SpellsWord(word, s.first, s.last));

    /// <summary>
    /// For a #define body, whether its own tokens (not those of the code wrapped around it to parse it)
    /// satisfy a formula over words: spatch's body is the body alone, so a match of a rule there is made
    /// of them.
    /// </summary>
    public bool BodySpells(TokenFormula formula) => BodyTokens is { First: >= 0 } body && Spells(formula, body.First, body.Last);

    /// <summary>
    /// For a #define body, the first and last of its own tokens (not those of the code wrapped around it
    /// to parse it); first -1 when it has none or the session is no #define body's.
    /// </summary>
    public (int First, int Last) BodyTokens
    {
        get
        {
            if (!_bodyTokensCounted)
            {
                int first = -1, last = -1;
                if (Origin is { } origin)
                {
                    var tokens = Tree.Tokens;
                    for (int t = 0; t < Tree.TokenCount; t++)
                    {
                        var token = tokens[t];
                        if (token.End > token.Start && token.Start >= origin.TreeStart && token.End <= origin.TreeStart + origin.Length)
                        {
                            first = first < 0 ? t : first;
                            last = t;
                        }
                    }
                }

                _bodyTokens = (first, last);
                _bodyTokensCounted = true;
            }

            return _bodyTokens;
        }
    }

    private (int First, int Last) _bodyTokens;
    private bool _bodyTokensCounted;

    private bool SpellsWord(string word, int first, int last)
    {
        var kind = FunctionTokens.KindOf(word);
        if (kind != SyntaxKind.None)
        {
            return Spans(OccurrencesOfKind(kind), first, last);
        }

        // Made on first use: most sessions (#define bodies, files of single-term rules) never ask.
        _wordIds ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (!_wordIds.TryGetValue(word, out int id))
        {
            id = Tree.Names.Find(word);
            _wordIds.Add(word, id);
        }

        return Spans(OccurrencesOf(id), first, last);
    }

    /// <summary>Whether a sorted list of token indices holds one from <paramref name="first"/> to <paramref name="last"/>.</summary>
    private static bool Spans(int[] sorted, int first, int last)
    {
        int i = Array.BinarySearch(sorted, first);
        return i >= 0 || (~i < sorted.Length && sorted[~i] <= last);
    }

    /// <summary>The indices of the tokens of one kind, ascending; built on first use per kind.</summary>
    private int[] OccurrencesOfKind(SyntaxKind kind)
    {
        _kindOccurrences ??= [];
        if (!_kindOccurrences.TryGetValue(kind, out var found))
        {
            var tokens = Tree.Tokens;
            int count = Tree.TokenCount;
            var list = new List<int>();
            for (int i = 0; i < count; i++)
            {
                if (tokens[i].Kind == kind)
                {
                    list.Add(i);
                }
            }

            found = [.. list];
            _kindOccurrences.Add(kind, found);
        }

        return found;
    }

    /// <summary>How many times a function of the file has been graphed for the model checker so far (a graph released and needed again counts twice).</summary>
    internal int GraphedFunctions { get; private set; }

    /// <summary>How many functions of the file have a graph now (graphed and not released).</summary>
    internal int GraphsHeld => _shapes?.Count ?? 0;

    /// <summary>The control-flow graph of a function definition of this file, as the model checker reads it.</summary>
    public FlowShape ShapeOf(SyntaxNode function)
    {
        _shapes ??= [];
        if (!_shapes.TryGetValue(function.FirstTokenIndex, out var shape))
        {
            using var clock = SharedWorkClock.Measure();
            shape = new FlowShape(_source.FlowView(function));
            _shapes.Add(function.FirstTokenIndex, shape);
            GraphedFunctions++;
        }

        return shape;
    }

    /// <summary>
    /// Lets a function's graph go when no rule left will check the function: the graph of a large
    /// function outlives many collections otherwise, and with several files in flight it reaches the
    /// oldest generation. A later <see cref="ShapeOf"/> builds it again. The graph of a file the checks
    /// read too (a session given its <see cref="SourceSession"/>) stays with that session.
    /// </summary>
    /// <remarks>
    /// A session the next patches of the run read too keeps the graph while one of them may check the
    /// function (<see cref="LaterChecks"/>): built once for them all.
    /// </remarks>
    public void Release(SyntaxNode function)
    {
        if (_shapes is null || !_shapes.ContainsKey(function.FirstTokenIndex) || (LaterChecks is { } later && later.Keep(this, function)))
        {
            return;
        }

        _shapes.Remove(function.FirstTokenIndex);
        if (_ownsSource)
        {
            _source.Release(function);
        }
    }

    /// <summary>Lets go every graph no later patch may check (<see cref="Release"/>): a patch's run on the file is over.</summary>
    public void ReleaseGraphs()
    {
        if (_shapes is not { Count: > 0 })
        {
            return;
        }

        foreach (var function in Functions)
        {
            Release(function);
        }
    }

    /// <summary>For a session several patches read one after the other: which of the next ones may check a function (see <see cref="SharedFile.ReadBy"/>).</summary>
    internal SharedFile.LaterChecks? LaterChecks { get; set; }

    private (int First, int Last)[]? _functionLines;

    /// <summary>
    /// The first and last lines of the function at an index of <see cref="Functions"/>, in the file
    /// (a #define body's at its place in the file); counted once per function.
    /// </summary>
    public (int First, int Last) LinesOf(int function)
    {
        if (_functionLines is null)
        {
            _functionLines = new (int, int)[Functions.Count];
            Array.Fill(_functionLines, (-1, -1)); // not counted yet
        }

        var lines = _functionLines[function];
        if (lines.First < 0)
        {
            var node = Functions[function];
            var text = Origin?.File ?? Tree.Text;
            lines = (text.GetLinePosition(Origin?.ToFile(node.Span.Start) ?? node.Span.Start).Line,
                text.GetLinePosition(Origin?.ToFile(node.Span.End) ?? node.Span.End).Line);
            _functionLines[function] = lines;
        }

        return lines;
    }

    /// <summary>The index of a function in <see cref="Functions"/>, or -1 for a function rules do not match in.</summary>
    public int IndexOf(SyntaxNode function)
    {
        var functions = Functions;
        int token = function.FirstTokenIndex;
        int lo = 0, hi = functions.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int at = functions[mid].FirstTokenIndex;
            if (at == token)
            {
                return mid;
            }

            if (at < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Drops the labels a rule's checks shared between its environments (<see cref="FlowShape.AddSharedLabels"/>):
    /// they are keyed by the rule's own predicates, so no later rule reads them.
    /// </summary>
    public void ReleaseSharedLabels()
    {
        if (_shapes is null)
        {
            return;
        }

        foreach (var shape in _shapes.Values)
        {
            shape.ReleaseSharedLabels();
        }
    }
}
