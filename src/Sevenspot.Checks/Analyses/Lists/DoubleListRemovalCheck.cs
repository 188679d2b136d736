using System.Collections.Immutable;
using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// double-list-removal: forward dataflow, with the locks held, of the elements a function has
/// removed with list_del (or TAILQ_REMOVE, LIST_REMOVE) and of the elements it found on a list
/// under a lock. A removal of an element already removed on every path is reported.
/// list_del_init, re-adding the element, or assigning its variable clear what is known.
/// After the lock an element was found under is dropped, the element is stale; a test of one of
/// its fields made with a lock held again says in which state that field is on each branch, and
/// any other test of it (list_empty, hlist_unhashed, its owner) re-checks it. Over the tree, a
/// stale element's removal is reported when every such test on the way shows the state in which
/// another function of its program leaves that field when it removes the same link holding the
/// class of the lock the element was found under (<see cref="ListRemovers"/>); its program is
/// the files linked with it (<see cref="Programs"/>: whatever the files are called, in whatever
/// order), and the
/// class is not one lockdep splits (several init sites, lockdep_set_class*). Without any test,
/// nothing is reported (whether the other remover can run meanwhile is not known).
/// </summary>
public sealed class DoubleListRemovalCheck : TreeCheck<DoubleListRemovalFacts>
{
    public override CheckDescriptor Descriptor => CheckDescriptors.DoubleListRemoval;

    public override bool NeedsFlowGraphs => true;

    public override bool NeedsPrograms => true;

    protected override DoubleListRemovalFacts? CollectFacts(FileContext file)
    {
        var twice = new List<Finding>();
        var stale = new List<StaleRemoval>();
        var sites = new List<LockClassSite>();
        foreach (var function in file.Functions)
        {
            ClassSites(file, function, sites);
            if (file.GetFlowGraph(function) is not { } graph || !Removes(file.Primitives, function))
            {
                continue;
            }

            string name = file.Name(FunctionCensus.NameOf(function));
            var analysis = new Removals(file, FileLockFacts.ModelFor(file, function));
            var result = ForwardDataflow.Solve<RemovalState, Removals>(graph, analysis);
            if (!result.Converged)
            {
                continue;
            }

            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (result.IsReached(node))
                {
                    analysis.Run(graph, node, result.In(node), (call, entry, state) => Check(file, name, call, entry, state, twice, stale));
                }
            }
        }

        var removals = ListRemovers.Collect(file);
        return twice.Count == 0 && stale.Count == 0 && removals.Count == 0 && sites.Count == 0
            ? null
            : new DoubleListRemovalFacts(file.Path, twice, stale, removals, sites);
    }

    protected override void Analyze(IReadOnlyList<DoubleListRemovalFacts> facts, TreeContext tree, FindingSink sink)
    {
        var (split, _) = LockOrderCheck.ClassSites(facts.SelectMany(f => f.Sites));
        var byMember = new Dictionary<string, List<ListRemoval>>(StringComparer.Ordinal);
        foreach (var removal in facts.SelectMany(f => f.Removals))
        {
            if (!byMember.TryGetValue(removal.Member, out var list))
            {
                byMember[removal.Member] = list = [];
            }

            list.Add(removal);
        }

        foreach (var file in facts)
        {
            foreach (var finding in file.Twice)
            {
                sink.Report(finding);
            }

            foreach (var removal in file.Stale)
            {
                if (Resolve(removal, byMember.GetValueOrDefault(removal.Member) ?? [], split, tree.Programs) is { } finding)
                {
                    sink.Report(finding);
                }
            }
        }
    }

    // A stale removal is a finding when every test of the element on the way shows the state some
    // other remover of its program leaves the field in, holding the class of the lock the element
    // was found under, and one test does so on every path.
    private Finding? Resolve(StaleRemoval removal, List<ListRemoval> removers, HashSet<string> split, Programs programs)
    {
        if (split.Contains(removal.FoundClass))
        {
            return null;
        }

        string path = removal.Location.Path;
        ListRemoval? Remover(ShownTest test)
        {
            ListRemoval? elsewhere = null;
            foreach (var r in removers)
            {
                if (r.Field != test.Field || r.State != test.State || !r.Classes.Contains(removal.FoundClass, StringComparer.Ordinal)
                    || (r.Function == removal.Function && r.Location.Path == path)
                    || !programs.Same(path, r.Location.Path))
                {
                    continue;
                }

                if (r.Location.Path == path)
                {
                    return r;
                }

                elsewhere ??= r;
            }

            return elsewhere;
        }

        if (removal.Shown.Any(t => Remover(t) is null) || removal.Shown.FirstOrDefault(t => t.OnEveryPath) is not { } shown || Remover(shown) is not { } other)
        {
            return null;
        }

        string where = other.Location.Path == path ? $"line {other.Location.Start.Line}" : $"{other.Location.Path}:{other.Location.Start.Line}";
        return new Finding(
            Descriptor,
            removal.Location,
            $"{removal.Text} removed by {removal.Name}() on the branch where the test at line {shown.Location.Start.Line} shows that {other.Function}() has removed it (it removes {removal.Member} when {shown.Field} is {shown.State}, holding {removal.FoundClass}, {where}); the lock it was found under was dropped since, so it is removed twice",
            [new RelatedLocation(shown.Location, "test showing the other removal"), new RelatedLocation(other.Location, $"{other.Function}() removes it here")]);
    }

    // The lock class sites of a function (inits, lockdep_set_class*), keyed as lock-order keys them.
    private static void ClassSites(FileContext file, SyntaxNode function, List<LockClassSite> sites)
    {
        LockModel? model = null;
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name && LockOrderCheck.ClassSiteKind(name) is not null
                && LockOrderCheck.ClassSite(file, model ??= FileLockFacts.ModelFor(file, function), call) is { } site)
            {
                sites.Add(site);
            }
        }
    }

    private static bool Removes(PrimitiveTables tables, SyntaxNode function)
    {
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name && tables.FindListOperation(name) is { Kind: ListOperationKind.Delete })
            {
                return true;
            }
        }

        return false;
    }

    private void Check(FileContext file, string function, SyntaxNode call, ListEntry entry, RemovalState state, List<Finding> twice, List<StaleRemoval> stale)
    {
        string name = SyntaxHelpers.CalleeName(call)!;
        string text = entry.Member.Length == 0 ? entry.Object : $"{entry.Object.Replace(" ", string.Empty, StringComparison.Ordinal)}->{entry.Member}";
        if (state.Removed.Must.TryGetValue(entry.Key, out var first))
        {
            twice.Add(new Finding(
                Descriptor,
                file.Locate(call),
                $"{text} removed twice: {first.Note}() at line {first.Location.Start.Line} already removed it on every path here, and removing it again corrupts the list (list_del_init may be repeated)",
                [new RelatedLocation(first.Location, $"{text} first removed here")]));
            return;
        }

        // The element's tests under the retaken lock: the tree decides whether another remover
        // leaves the field in the state they show.
        if (entry.Member.Length == 0 || !state.Stale.Must.TryGetValue(entry.Object, out var found) || found.Note.Length == 0
            || state.Removed.May.ContainsKey(entry.Key))
        {
            return;
        }

        var shown = new List<ShownTest>();
        foreach (var (test, location) in state.Shown.May)
        {
            if (test.Object == entry.Object)
            {
                shown.Add(new ShownTest(file.Name(test.Field), test.State, location, state.Shown.Must.ContainsKey(test)));
            }
        }

        shown.Sort((a, b) => a.Location.Span.Start != b.Location.Span.Start
            ? a.Location.Span.Start.CompareTo(b.Location.Span.Start)
            : string.CompareOrdinal(a.Field + a.State, b.Field + b.State));

        if (shown.Count > 0)
        {
            stale.Add(new StaleRemoval(file.Locate(call), text, file.Name(name), file.Name(entry.Member), found.Note, function, [.. shown]));
        }
    }

    /// <summary>
    /// Locks held; elements removed (by entry key); elements found under a lock (by object, note:
    /// the lock key); elements whose lock was dropped since; what tests of stale elements showed.
    /// </summary>
    private sealed record RemovalState(LockState Locks, KeyedFacts Removed, KeyedFacts Found, KeyedFacts Stale, ShownFields Shown)
    {
        public static RemovalState Join(RemovalState a, RemovalState b) =>
            new(LockState.Join(a.Locks, b.Locks), KeyedFacts.Join(a.Removed, b.Removed), KeyedFacts.Join(a.Found, b.Found), KeyedFacts.Join(a.Stale, b.Stale), ShownFields.Join(a.Shown, b.Shown));

        public bool Same(RemovalState other) =>
            Locks.Equals(other.Locks) && Removed.Equals(other.Removed) && Found.Equals(other.Found) && Stale.Equals(other.Stale) && Shown.Equals(other.Shown);

        public RemovalState Forget(string objectKey) => this with
        {
            Removed = Removed.RemoveWhere(k => ListEntry.ObjectOfKey(k) == objectKey),
            Found = Found.Remove(objectKey),
            Stale = Stale.Remove(objectKey),
            Shown = Shown.Forget(objectKey),
        };
    }

    /// <summary>A test of a stale element's field, and the state it showed the field in on the branch taken.</summary>
    private readonly record struct ShownField(string Object, string Field, string State);

    /// <summary>
    /// The tests of stale elements' fields made on every path (<see cref="Must"/>) and on some path
    /// (<see cref="May"/>) to a point, with where each was made (the earliest in the file, where two
    /// paths made the same test).
    /// </summary>
    private sealed class ShownFields : IEquatable<ShownFields>
    {
        public static readonly ShownFields None = new(ImmutableDictionary<ShownField, SourceLocation>.Empty, ImmutableDictionary<ShownField, SourceLocation>.Empty);

        private ShownFields(ImmutableDictionary<ShownField, SourceLocation> must, ImmutableDictionary<ShownField, SourceLocation> may)
        {
            Must = must;
            May = may;
        }

        public ImmutableDictionary<ShownField, SourceLocation> Must { get; }

        public ImmutableDictionary<ShownField, SourceLocation> May { get; }

        public ShownFields Add(ShownField test, SourceLocation location) => new(Must.SetItem(test, location), May.SetItem(test, location));

        public ShownFields Forget(string obj)
        {
            var must = Must.Keys.Where(t => t.Object == obj).ToList();
            var may = May.Keys.Where(t => t.Object == obj).ToList();
            return must.Count == 0 && may.Count == 0 ? this : new ShownFields(Must.RemoveRange(must), May.RemoveRange(may));
        }

        public static ShownFields Join(ShownFields left, ShownFields right)
        {
            if (ReferenceEquals(left, right))
            {
                return left;
            }

            var must = left.Must;
            foreach (var (test, location) in left.Must)
            {
                if (!right.Must.TryGetValue(test, out var other))
                {
                    must = must.Remove(test);
                }
                else if (other.Span.Start < location.Span.Start)
                {
                    must = must.SetItem(test, other);
                }
            }

            var may = left.May;
            foreach (var (test, location) in right.May)
            {
                if (!may.TryGetValue(test, out var mine) || location.Span.Start < mine.Span.Start)
                {
                    may = may.SetItem(test, location);
                }
            }

            return new ShownFields(must, may);
        }

        public bool Equals(ShownFields? other) =>
            other is not null && (ReferenceEquals(this, other) || (Same(Must, other.Must) && Same(May, other.May)));

        public override bool Equals(object? obj) => Equals(obj as ShownFields);

        public override int GetHashCode() => HashCode.Combine(Must.Count, May.Count);

        private static bool Same(ImmutableDictionary<ShownField, SourceLocation> a, ImmutableDictionary<ShownField, SourceLocation> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            foreach (var (test, location) in a)
            {
                if (!b.TryGetValue(test, out var other) || other.Span.Start != location.Span.Start)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private readonly struct Removals : IForwardAnalysis<RemovalState>
    {
        private readonly FileContext _file;
        private readonly LockModel _model;
        private readonly LockAnalysis _locks;

        public Removals(FileContext file, LockModel model)
        {
            _file = file;
            _model = model;
            _locks = new LockAnalysis(model);
        }

        public RemovalState Initial(IFlowGraph graph) => new(_model.InitialState(), KeyedFacts.Empty, KeyedFacts.Empty, KeyedFacts.Empty, ShownFields.None);

        public RemovalState Transfer(IFlowGraph graph, int node, RemovalState input) => Run(graph, node, input, null);

        /// <summary>
        /// A test of a stale element with a lock held: on the branch where it shows a field in the
        /// state another remover leaves it in, that is noted; on the other branch, and for any other
        /// test of the element (list_empty, hlist_unhashed, its owner), the element is re-checked.
        /// </summary>
        public RemovalState TransferEdge(IFlowGraph graph, int from, FlowEdge edge, RemovalState output)
        {
            var state = output with { Locks = _locks.TransferEdge(graph, from, edge, output.Locks) };
            if (edge.Kind == FlowEdgeKind.Normal || graph.GetKind(from) != FlowNodeKind.Branch || state.Locks.Must.Count == 0
                || state.Stale.May.Count == 0 || LockAnalysis.BranchCondition(graph, from) is not { } condition)
            {
                return state;
            }

            foreach (var (obj, _) in state.Stale.May)
            {
                if (!SyntaxHelpers.Identifiers(condition).Contains(obj))
                {
                    continue;
                }

                // A test that changes the field itself (its own atomic_dec_and_test()) is this
                // function's removal condition, not a sign of another remover.
                if (!ListRemovers.Modifies(condition) && ListRemovers.FieldTest(condition, obj) is var (field, whenTrue, whenFalse)
                    && (edge.Kind == FlowEdgeKind.True ? whenTrue : whenFalse) is { } shown)
                {
                    state = state with { Shown = state.Shown.Add(new ShownField(obj, field, shown), _file.Locate(condition)) };
                    continue;
                }

                state = state with { Stale = state.Stale.Remove(obj) };
            }

            return state;
        }

        public RemovalState Join(RemovalState left, RemovalState right) => RemovalState.Join(left, right);

        public bool Same(RemovalState left, RemovalState right) => left.Same(right);

        public RemovalState Run(IFlowGraph graph, int node, RemovalState input, Action<SyntaxNode, ListEntry, RemovalState>? onRemove)
        {
            var state = input;
            var tables = _file.Primitives;
            bool branch = graph.GetKind(node) == FlowNodeKind.Branch;
            foreach (var call in FlowSyntax.Calls(graph, node))
            {
                if (_model.Classify(call) is { IsAcquire: false } release)
                {
                    foreach (var (obj, found) in state.Found.Must)
                    {
                        if (found.Note == release.Key)
                        {
                            state = state with { Stale = state.Stale.Add(new Fact(obj, _file.Locate(call), release.Class is { } cls ? _file.Name(cls) : string.Empty)) };
                        }
                    }
                }

                state = state with { Locks = _model.Apply(state.Locks, call, branch) };
                if (SyntaxHelpers.CalleeName(call) is not { } name || tables.FindListOperation(name) is not { } operation
                    || operation.Kind == ListOperationKind.Get || ListEntry.Of(operation, call) is not { } entry)
                {
                    continue;
                }

                switch (operation.Kind)
                {
                    case ListOperationKind.Delete:
                        onRemove?.Invoke(call, entry, state);
                        state = state with
                        {
                            Removed = state.Removed.Add(new Fact(entry.Key, _file.Locate(call), name)),
                            Found = state.Found.Remove(entry.Object),
                            Stale = state.Stale.Remove(entry.Object),
                        };
                        break;
                    default:
                        state = state with { Removed = state.Removed.Remove(entry.Key), Stale = state.Stale.Remove(entry.Object) };
                        break;
                }
            }

            foreach (var syntax in FlowSyntax.EvaluatedNodes(graph, node))
            {
                if (Assignment(syntax) is not var (target, value))
                {
                    continue;
                }

                state = state.Forget(target);
                foreach (var (obj, _) in state.Removed.May)
                {
                    if (ListEntry.DiesWith(ListEntry.ObjectOfKey(obj), target))
                    {
                        state = state.Forget(ListEntry.ObjectOfKey(obj));
                    }
                }

                if (value is { } v && FindsOnList(tables, v) && state.Locks.Must.Count > 0)
                {
                    state = state with { Found = state.Found.Add(new Fact(target, _file.Locate(syntax), Innermost(state.Locks).Key)) };
                }
            }

            if (graph.GetKind(node) == FlowNodeKind.IteratorHead && graph.GetSyntax(node) is { Kind: SyntaxKind.IteratorStatement } loop
                && tables.FindListOperation(loop.AsIteratorStatement().Name.Text) is { Kind: ListOperationKind.Get } iterator
                && SyntaxHelpers.Argument(loop, iterator.EntryArgument) is { } position)
            {
                string target = SyntaxHelpers.Key(position);
                state = state.Forget(target);
                if (state.Locks.Must.Count > 0)
                {
                    state = state with { Found = state.Found.Add(new Fact(target, _file.Locate(position), Innermost(state.Locks).Key)) };
                }
            }

            return state;
        }

        private static (string Target, SyntaxNode? Value)? Assignment(SyntaxNode node)
        {
            if (node.Kind == SyntaxKind.AssignmentExpression)
            {
                var assignment = node.AsAssignmentExpression();
                return (SyntaxHelpers.Key(assignment.Left), assignment.Operator.Kind == SyntaxKind.EqualsToken ? assignment.Right : null);
            }

            // p++, --p: the variable moves to another element.
            if (node.Kind == SyntaxKind.PostfixUnary && node.AsPostfixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken)
            {
                return (SyntaxHelpers.Key(node.AsPostfixUnary().Operand), null);
            }

            if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken)
            {
                return (SyntaxHelpers.Key(node.AsPrefixUnary().Operand), null);
            }

            if (node.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(node.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
            {
                return (name, node.AsInitDeclarator().Initializer);
            }

            return null;
        }

        private static bool FindsOnList(PrimitiveTables tables, SyntaxNode value) =>
            SyntaxHelpers.CalleeName(SyntaxHelpers.StripParenthesesAndCasts(value)) is { } name && tables.FindListOperation(name) is { Kind: ListOperationKind.Get };

        private static HeldLock Innermost(LockState locks) => locks.Must.MaxBy(h => h.Location.Span.Start)!;
    }
}

/// <summary>A test of a stale element's field on the way to its removal: the state it shows, and whether on every path.</summary>
public sealed record ShownTest(string Field, string State, SourceLocation Location, bool OnEveryPath);

/// <summary>
/// A removal of an element found on a list under a lock of class <see cref="FoundClass"/>, made
/// after that lock was dropped, on the way of tests of its fields (<see cref="Shown"/>).
/// </summary>
public sealed record StaleRemoval(SourceLocation Location, string Text, string Name, string Member, string FoundClass, string Function, ShownTest[] Shown);

/// <summary>
/// One file's removals twice on one path (findings already), stale removals, removals under a
/// condition on a field (with the lock classes held), and lock class sites; its path.
/// </summary>
public sealed record DoubleListRemovalFacts(string Path, IReadOnlyList<Finding> Twice, IReadOnlyList<StaleRemoval> Stale, IReadOnlyList<ListRemoval> Removals, IReadOnlyList<LockClassSite> Sites);
