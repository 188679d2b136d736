using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// lock-order. Per file: every unconditional acquire of a lock of known class, and every call,
/// with the classes held (on every path) when it runs. Over the tree: the classes each function
/// may take, itself or through callees (to a fixed point, shortest chains first); an edge A → B
/// for each place that takes B, or calls something that takes B, while holding A; every cycle
/// of that graph is reported once with the acquisition path of each of its edges, and a lock
/// taken while another of its own class is held, without a _nested annotation, is reported where
/// it is taken. The graph itself goes to the report, for the HTML page. By default only the
/// same-class findings are reported; the cycles only by the opt-in lock-order-cycles.
/// </summary>
public sealed class LockOrderCheck : TreeCheck<LockOrderFacts>
{
    /// <summary>The class of lock_sock()'s lock: several lockdep classes, one per address family.</summary>
    public const string SocketLockClass = "struct sock.sk_lock";

    /// <summary>Acquisition paths kept per edge.</summary>
    public const int WitnessesPerEdge = 5;

    /// <summary>How many calls deep an acquisition is followed: deeper ones are mostly on paths the caller never takes.</summary>
    public const int MaxChainDepth = 3;

    /// <summary>
    /// The longest cycle reported as a finding. Longer cycles stay in the graph (and the HTML
    /// page) but are seldom real: each extra edge is another path that must be taken concurrently.
    /// </summary>
    public const int MaxReportedCycle = 4;

    private readonly bool _reportCycles;

    /// <summary>
    /// lock-order reports same-class nesting (audited true on the whole tree); with
    /// <paramref name="reportCycles"/> the check is lock-order-cycles, which reports the
    /// cycles of the graph instead (2 of 11 audited were real: opt-in, unaudited). Both build
    /// the same graph.
    /// </summary>
    public LockOrderCheck(bool reportCycles = false)
    {
        _reportCycles = reportCycles;
    }

    public override CheckDescriptor Descriptor => _reportCycles ? CheckDescriptors.LockOrderCycles : CheckDescriptors.LockOrder;

    public override bool NeedsFlowGraphs => true;

    protected override LockOrderFacts? CollectFacts(FileContext file)
    {
        var functions = new List<LockFunction>();
        var sites = new List<LockClassSite>();
        foreach (var function in file.Functions)
        {
            if (FileLockFacts.Analyze(file, function) is not var (graph, model, result))
            {
                continue;
            }

            var acquisitions = new List<LockTaken>();
            var calls = new List<LockCallSite>();
            bool dropsCallerLocks = false;

            // The lock argument of every acquire (and held-assertion) by where it is, and the
            // acquisitions made under a lock of their own class: their expressions are compared
            // once the function is read.
            var lockArguments = new Dictionary<int, LockExpression>();
            var sameClass = new List<(int Acquisition, LockExpression Argument)>();
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (!result.IsReached(node))
                {
                    continue;
                }

                LockAnalysis.Replay(model, graph, node, result.In(node), (call, state) =>
                {
                    var held = Held(file, state);
                    if (model.Classify(call) is { } op)
                    {
                        if (!op.IsAcquire)
                        {
                            // Releasing a lock this function did not surely take drops its caller's.
                            dropsCallerLocks |= !state.MustHold(h => h.Key == op.Key && !h.Text.StartsWith(LockModel.AnnotatedByCaller, StringComparison.Ordinal));
                        }
                        else
                        {
                            var argument = LockNestingReader.ExpressionOf(file, op);
                            lockArguments.TryAdd(file.LocateCompact(call).Span.Start, argument);
                            if (op.Class is { } cls && (op.Primitive.Success == SuccessTest.Always || op.Primitive.Waits || SpinsUntilTaken(model, call)) && OrdersOthers(op.Primitive.Kind))
                            {
                                string name = file.Name(cls);
                                if (held.Any(h => h.Class == name))
                                {
                                    sameClass.Add((acquisitions.Count, argument));
                                }

                                acquisitions.Add(new LockTaken(name, op.Primitive.Kind.Word(), file.LocateCompact(call), model.Held(op).Text, op.Primitive.Nested, held, []));
                            }
                        }
                    }
                    else if (SyntaxHelpers.CalleeName(call) is { } callee)
                    {
                        if (LockModel.IsHeldAssertion(callee))
                        {
                            lockArguments.TryAdd(file.LocateCompact(call).Span.Start, new LockExpression(SyntaxHelpers.Argument(call, 0), null));
                        }

                        if (ClassSiteKind(callee) is not null)
                        {
                            if (ClassSite(file, model, call) is { } site)
                            {
                                sites.Add(site);
                            }

                            return;
                        }

                        if (held.Count > 0 || !file.Primitives.IsPrimitive(callee))
                        {
                            // Primitives are never followed: with no lock held, such a call says nothing.
                            calls.Add(new LockCallSite(file.Name(callee), file.LocateCompact(call), held));
                        }
                    }
                });
            }

            if (acquisitions.Count == 0 && calls.Count == 0 && !dropsCallerLocks)
            {
                // A function that only releases its caller's lock is kept: its callers need to know.
                continue;
            }

            if (sameClass.Count > 0)
            {
                var reader = new LockNestingReader(model);
                foreach (var (i, argument) in sameClass)
                {
                    var taken = acquisitions[i];
                    var nestings = new List<LockNesting>();
                    foreach (var h in taken.Held)
                    {
                        if (h.Class == taken.Class)
                        {
                            nestings.Add(lockArguments.TryGetValue(h.Location.Span.Start, out var heldArgument)
                                ? Nesting(reader, h, heldArgument, argument, taken)
                                : new LockNesting(h.Location, NestingKind.Interchangeable, h.Text, taken.Text));
                        }
                    }

                    acquisitions[i] = taken with { Nestings = nestings.ToArray() };
                }
            }

            acquisitions.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
            calls.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
            functions.Add(new LockFunction(file.Name(FunctionCensus.NameOf(function)), file.Path, SleepInAtomicCheck.IsStatic(function), acquisitions.ToArray(), WithoutRepeatedFreeCalls(calls), dropsCallerLocks));
        }

        return functions.Count == 0 && sites.Count == 0 ? null : new LockOrderFacts(functions, sites);
    }

    /// <summary>
    /// What the two lock expressions show of a same-class nesting. Two acquires of a lock
    /// without an argument (rtnl_lock()) take one lock; a held lock whose expression is not
    /// known (a caller's, from an annotation) counts as interchangeable with the taken one.
    /// </summary>
    private static LockNesting Nesting(LockNestingReader reader, HeldClass held, LockExpression heldLock, LockExpression takenLock, LockTaken taken)
    {
        if (heldLock.Argument is null || takenLock.Argument is null)
        {
            var kind = heldLock.Argument is null && takenLock.Argument is null ? NestingKind.SameLock : NestingKind.Interchangeable;
            return new LockNesting(held.Location, kind, held.Text, taken.Text);
        }

        var (nesting, first, second) = reader.Compare(heldLock, takenLock);
        return new LockNesting(held.Location, nesting, first, second);
    }

    /// <summary>
    /// Whether a conditional acquire is the test of a loop that runs again until it succeeds
    /// (<c>while (test_and_set_bit(B, w)) usleep_range(...);</c>, <c>while (!mutex_trylock(m)) ...</c>):
    /// such a loop waits for the lock as a blocking acquire does, so it orders the locks held around it.
    /// </summary>
    private static bool SpinsUntilTaken(LockModel model, SyntaxNode call)
    {
        for (var node = call.Parent; node is { } n; node = n.Parent)
        {
            if (n.Kind is SyntaxKind.WhileStatement or SyntaxKind.DoStatement)
            {
                var condition = n.Kind == SyntaxKind.WhileStatement ? n.AsWhileStatement().Condition : n.AsDoStatement().Condition;
                return condition.Span.Contains(call.Span) && model.ConditionalAcquire(condition, out bool holdsOnTrue) is { } op && op.Call == call && !holdsOnTrue;
            }

            if (n.Kind is not (SyntaxKind.ParenthesizedExpression or SyntaxKind.PrefixUnary or SyntaxKind.SeparatedList or SyntaxKind.CallExpression))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a call initialises a lock (false) or sets its lockdep class (true); null for
    /// other calls. Each init call is a lockdep key of its own (a static key per call site).
    /// </summary>
    internal static bool? ClassSiteKind(string callee) => callee switch
    {
        "spin_lock_init" or "raw_spin_lock_init" or "rwlock_init" or "mutex_init" or "__mutex_init" or "init_rwsem"
            or "__init_rwsem" or "seqlock_init" or "seqcount_init" or "local_lock_init" => false,
        "lockdep_set_class" or "lockdep_set_class_and_name" or "lockdep_set_class_and_subclass" or "lockdep_set_subclass"
            or "lockdep_set_novalidate_class" => true,
        _ => null,
    };

    /// <summary>The class site a call makes (an init or a lockdep_set_class* of a lock of known class), or null.</summary>
    internal static LockClassSite? ClassSite(FileContext file, LockModel model, SyntaxNode call) =>
        SyntaxHelpers.CalleeName(call) is { } callee && ClassSiteKind(callee) is bool setsClass
            && SyntaxHelpers.Argument(call, 0) is { } lockArgument && model.ClassOfLockArgument(lockArgument) is { } initialised
            ? new LockClassSite(initialised, file.LocateCompact(call), setsClass)
            : null;

    private static IReadOnlyList<HeldClass> Held(FileContext file, LockState state)
    {
        List<HeldClass>? held = null;
        foreach (var h in state.Must)
        {
            if (h.Class is { } cls && (h.Kind is not { } kind || OrdersOthers(kind)))
            {
                (held ??= []).Add(new HeldClass(file.Name(cls), h.Location, h.Text, h.IsAtomic));
            }
        }

        if (held is null)
        {
            return Array.Empty<HeldClass>();
        }

        return held.ToArray();
    }

    /// <summary>
    /// The calls, in source order, without a second call of one callee made with no lock held:
    /// such a call adds no edge, and what its callee takes is already known from the first one,
    /// which is the one a chain through it names. The facts of the whole tree stay small.
    /// </summary>
    private static LockCallSite[] WithoutRepeatedFreeCalls(List<LockCallSite> calls)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<LockCallSite>();
        foreach (var call in calls)
        {
            if (call.Held.Count > 0 || seen.Add(call.Callee))
            {
                kept.Add(call);
            }
        }

        return kept.ToArray();
    }

    /// <summary>
    /// The struct-field classes that are several lockdep classes: initialised at more than one
    /// place, or given classes with lockdep_set_class*. Which one a lock belongs to is not known,
    /// so they take part in no edge and no same-class report.
    /// </summary>
    internal static (HashSet<string> Split, HashSet<string> Single) ClassSites(IEnumerable<LockClassSite> classSites)
    {
        var sites = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var split = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in classSites)
        {
            if (site.SetsClass)
            {
                split.Add(site.Class);
            }

            if (!sites.TryGetValue(site.Class, out var places))
            {
                sites[site.Class] = places = new HashSet<string>(StringComparer.Ordinal);
            }

            places.Add($"{site.Location.Path}:{site.Location.Span.Start}");
        }

        // lockdep keys a socket's sk_lock by its address family (sock_lock_init_class_and_name
        // with af_family_keys[sk->sk_family]): struct sock.sk_lock is one class per family, and
        // which family a socket has is not known here.
        split.Add(SocketLockClass);

        var single = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cls, places) in sites)
        {
            if (places.Count > 1)
            {
                split.Add(cls);
            }
            else if (!split.Contains(cls))
            {
                single.Add(cls);
            }
        }

        return (split, single);
    }

    /// <summary>
    /// Whether a lock of this kind takes part in the order: not an RCU or SRCU read-side section,
    /// which excludes no one (only synchronize_srcu waits for it, and that is not an acquisition);
    /// and not a counting semaphore (struct semaphore), which has no owner and which lockdep does
    /// not track: code downs one it already downed to wait for another context's up(), as a
    /// completion (hp_sdc_rtc downs i8042tregs, queues a transaction whose interrupt ups it, and
    /// downs it again to wait for the result).
    /// </summary>
    private static bool OrdersOthers(LockKind kind) => kind is not (LockKind.Rcu or LockKind.Srcu or LockKind.Semaphore);

    private static bool IsSleepingKind(string kind) => kind is "mutex" or "rwsem" or "semaphore";

    protected override void Analyze(IReadOnlyList<LockOrderFacts> facts, TreeContext tree, FindingSink sink)
    {
        var functions = facts.SelectMany(f => f.Functions).ToList();
        var index = new FunctionIndex<LockFunction>(functions, f => f.Name, f => f.Path, f => f.IsStatic);
        var takes = TakenClasses(functions, index, tree.Primitives);
        var (split, single) = ClassSites(facts.SelectMany(f => f.Sites));
        var drops = DropsCallerLocks(functions, index, tree.Primitives);

        var kinds = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            foreach (var taken in function.Acquisitions)
            {
                kinds.TryAdd(taken.Class, taken.Kind);
            }
        }

        var edges = new Dictionary<(string From, string To), List<Witness>>();
        var gates = new Dictionary<(string From, string To), HashSet<string>>();
        foreach (var function in functions)
        {
            foreach (var taken in function.Acquisitions)
            {
                foreach (var held in taken.Held)
                {
                    if (held.Class == taken.Class)
                    {
                        // A lock taken with a _nested annotation (inode_lock_nested(dir,
                        // I_MUTEX_PARENT)) has its own subclass: a plain acquire under it is not
                        // recursion. A struct field is one lockdep class only when the tree shows
                        // its single init site; a global lock is its own class.
                        if (!_reportCycles && !taken.Nested && !held.Text.Contains("_nested(", StringComparison.Ordinal) && IsOneClass(taken.Class, single)
                            && !(IsRecursiveRead(held.Text) && IsRecursiveRead(taken.Text)) && !CallsDropperBetween(function, held, taken, index, drops))
                        {
                            sink.Report(SameClassFinding(taken, held));
                        }

                        continue;
                    }

                    if (!taken.Nested && Orderable(held, taken.Class, kinds, split) && !(IsRecursiveRead(held.Text) && IsRecursiveRead(taken.Text)))
                    {
                        AddEdge(edges, held.Class, taken.Class, new Witness(function.Name, held.Location, taken.Location, null, null, taken.Class));
                        NarrowGates(gates, held.Class, taken.Class, taken.Held);
                    }
                }
            }

            foreach (var call in function.Calls)
            {
                if (call.Held.Count == 0 || tree.Primitives.IsPrimitive(call.Callee) || !TryTargets(index, call.Callee, function.Path, out var targets))
                {
                    continue;
                }

                foreach (var (cls, _) in CommonClasses(targets, takes))
                {
                    foreach (var held in call.Held)
                    {
                        if (held.Class != cls && Orderable(held, cls, kinds, split))
                        {
                            AddEdge(edges, held.Class, cls, new Witness(function.Name, held.Location, call.Location, call.Callee, targets[0], cls));
                            NarrowGates(gates, held.Class, cls, call.Held);
                        }
                    }
                }
            }
        }

        foreach (var function in functions)
        {
            foreach (var call in function.Calls)
            {
                foreach (var held in call.Held)
                {
                    kinds.TryAdd(held.Class, "lock");
                }
            }
        }

        foreach (var (from, to) in edges.Keys)
        {
            kinds.TryAdd(from, "lock");
            kinds.TryAdd(to, "lock");
        }

        var names = kinds.Keys.ToList();
        var nodeIndex = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var graphEdges = edges
            .Select(e => new LockOrderEdge(nodeIndex[e.Key.From], nodeIndex[e.Key.To], [.. e.Value.OrderBy(w => w.Taken.Path, StringComparer.Ordinal).ThenBy(w => w.Taken.Span.Start).ThenBy(w => w.Held.Span.Start).Take(WitnessesPerEdge).Select(w => w.ToAcquisition(takes))]))
            .OrderBy(e => e.From).ThenBy(e => e.To)
            .ToList();
        var graph = new LockOrderGraph([.. names.Select(n => new LockClassNode(n, kinds[n]))], graphEdges);
        foreach (var cycle in graph.Cycles)
        {
            if (_reportCycles && cycle.Nodes.Count <= MaxReportedCycle && !Gated(graph, cycle, gates))
            {
                sink.Report(CycleFinding(graph, cycle));
            }
        }

        sink.ReportGraph(graph);
    }

    /// <summary>Whether a lock of a class held at a call is one lockdep class: a global lock, or a struct field with one init site.</summary>
    /// <summary>
    /// The functions that may release a lock their caller holds: themselves (a release of a lock
    /// they did not take: xlog_wait_on_iclog() unlocking l_icloglock) or through a callee, to a
    /// fixed point over the tree.
    /// </summary>
    private static HashSet<LockFunction> DropsCallerLocks(List<LockFunction> functions, FunctionIndex<LockFunction> index, PrimitiveTables tables)
    {
        var drops = new HashSet<LockFunction>(ReferenceEqualityComparer.Instance);
        foreach (var function in functions)
        {
            if (function.DropsCallerLocks)
            {
                drops.Add(function);
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var function in functions)
            {
                if (drops.Contains(function))
                {
                    continue;
                }

                foreach (var call in function.Calls)
                {
                    if (!tables.IsPrimitive(call.Callee) && index.Resolve(call.Callee, function.Path).Any(drops.Contains))
                    {
                        drops.Add(function);
                        changed = true;
                        break;
                    }
                }
            }
        }

        return drops;
    }

    /// <summary>
    /// Whether, between the acquisition of the held lock and the nested one, the function calls
    /// something that may release its caller's lock (itself or through its callees): the held
    /// lock may have been dropped and retaken there (xlog_wait_on_iclog() unlocks l_icloglock),
    /// so the second acquire need not nest.
    /// </summary>
    private static bool CallsDropperBetween(LockFunction function, HeldClass held, LockTaken taken, FunctionIndex<LockFunction> index, HashSet<LockFunction> drops)
    {
        int from = held.Location.Span.Start, to = taken.Location.Span.Start;
        foreach (var call in function.Calls)
        {
            int at = call.Location.Span.Start;
            if (at > from && at < to && call.Location.Path == taken.Location.Path && index.Resolve(call.Callee, function.Path).Any(drops.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an acquisition (by its text) is a read acquisition of a reader-writer spinlock:
    /// rwlock_t readers are recursive, so two of them wait for no one (lockdep records no
    /// deadlock through read-read dependencies); a waiting writer does not block new readers.
    /// </summary>
    private static bool IsRecursiveRead(string text) =>
        text.StartsWith("read_lock", StringComparison.Ordinal) || text.StartsWith("read_trylock", StringComparison.Ordinal)
        || text.StartsWith("guard(read_lock", StringComparison.Ordinal) || text.StartsWith("scoped_guard(read_lock", StringComparison.Ordinal);

    private static bool IsOneClass(string cls, HashSet<string> single) => !cls.StartsWith("struct ", StringComparison.Ordinal) || single.Contains(cls);

    /// <summary>
    /// Whether "held, then cls" is an edge lockdep would record between the classes: neither
    /// class is split into several by init sites or lockdep_set_class, the held lock was not
    /// taken with a _nested annotation (a subclass: kmemleak's object lock under
    /// raw_spin_lock_nested), and a sleeping lock is not taken under an atomic one (that is a
    /// sleep in atomic context, not an order).
    /// </summary>
    private static bool Orderable(HeldClass held, string cls, IReadOnlyDictionary<string, string> kinds, HashSet<string> split) =>
        !split.Contains(held.Class) && !split.Contains(cls) && !held.Text.Contains("_nested(", StringComparison.Ordinal)
        && !(held.Atomic && kinds.TryGetValue(cls, out var kind) && IsSleepingKind(kind));

    /// <summary>
    /// How a function may take a class: by an acquisition of its own (<see cref="Next"/> null,
    /// <see cref="Site"/> indexes its acquisitions) or by a call (<see cref="Site"/> indexes its
    /// calls) to <see cref="Next"/>, which takes it. <see cref="Steps"/>: the length of the chain
    /// down to the acquisition; <see cref="Round"/>: the propagation round that found it. An entry
    /// never changes once made, so a chain is read back by following the links when a report or
    /// the graph needs it: on a whole kernel, lists of steps for every function and class reached
    /// took hundreds of megabytes.
    /// </summary>
    private readonly record struct TakenVia(LockFunction? Next, int Site, int Steps, int Round);

    /// <summary>An edge's place, its chain read back only for the witnesses the graph keeps.</summary>
    private sealed record Witness(string Function, SourceLocation Held, SourceLocation Taken, string? Callee, LockFunction? Via, string Class)
    {
        public LockAcquisition ToAcquisition(Dictionary<LockFunction, Dictionary<string, TakenVia>> takes)
        {
            if (Via is null)
            {
                return new LockAcquisition(Function, Held, Taken, []);
            }

            var steps = new List<CodeFlowStep> { new(Taken, $"calls {Callee}()") };
            steps.AddRange(Chain(Via, Class, takes, 1));
            return new LockAcquisition(Function, Held, Taken, steps);
        }
    }

    /// <summary>The steps from a function down to its acquisition of a class, the first at the given nesting.</summary>
    private static List<CodeFlowStep> Chain(LockFunction function, string cls, Dictionary<LockFunction, Dictionary<string, TakenVia>> takes, int nesting)
    {
        var steps = new List<CodeFlowStep>();
        while (true)
        {
            var via = takes[function][cls];
            if (via.Next is not { } next)
            {
                var taken = function.Acquisitions[via.Site];
                steps.Add(new CodeFlowStep(taken.Location, $"{taken.Text} takes {taken.Class}", nesting));
                return steps;
            }

            var call = function.Calls[via.Site];
            steps.Add(new CodeFlowStep(call.Location, $"calls {call.Callee}()", nesting));
            function = next;
            nesting++;
        }
    }

    /// <summary>
    /// For each function, the classes it may take itself or through its callees, each with the
    /// way down to the acquisition. Rounds of propagation find the shortest chains first: a round
    /// follows only what the rounds before it found.
    /// </summary>
    private static Dictionary<LockFunction, Dictionary<string, TakenVia>> TakenClasses(List<LockFunction> functions, FunctionIndex<LockFunction> index, Primitives.PrimitiveTables tables)
    {
        var takes = new Dictionary<LockFunction, Dictionary<string, TakenVia>>(ReferenceEqualityComparer.Instance);
        foreach (var function in functions)
        {
            var own = new Dictionary<string, TakenVia>(StringComparer.Ordinal);
            for (int i = 0; i < function.Acquisitions.Count; i++)
            {
                // A _nested acquire is a subclass of its own (lockdep orders it apart from the
                // class): it adds no edge from its callers' locks.
                var taken = function.Acquisitions[i];
                if (!taken.Nested)
                {
                    own.TryAdd(taken.Class, new TakenVia(null, i, 1, 0));
                }
            }

            takes[function] = own;
        }

        bool changed = true;
        for (int round = 1; changed; round++)
        {
            changed = false;
            foreach (var function in functions)
            {
                var mine = takes[function];
                for (int c = 0; c < function.Calls.Count; c++)
                {
                    var call = function.Calls[c];
                    if (tables.IsPrimitive(call.Callee) || !TryTargets(index, call.Callee, function.Path, out var targets))
                    {
                        continue;
                    }

                    foreach (var (cls, via) in CommonClasses(targets, takes, round))
                    {
                        // A chain's last step is the acquisition; the others are calls.
                        if (mine.ContainsKey(cls) || via.Steps >= MaxChainDepth + 1)
                        {
                            continue;
                        }

                        mine[cls] = new TakenVia(targets[0], c, via.Steps + 1, round);
                        changed = true;
                    }
                }
            }
        }

        return takes;
    }

    /// <summary>
    /// The definitions a call may reach. None when one of them drops its caller's lock
    /// (balance_runtime unlocking the rt_rq lock it was called with): what it takes after the
    /// release is not nested in the caller's locks.
    /// </summary>
    private static bool TryTargets(FunctionIndex<LockFunction> index, string callee, string path, out IReadOnlyList<LockFunction> targets)
    {
        targets = index.Resolve(callee, path);
        foreach (var target in targets)
        {
            if (target.DropsCallerLocks)
            {
                return false;
            }
        }

        return targets.Count > 0;
    }

    /// <summary>
    /// The classes every target takes (all definitions must agree), with how the first target
    /// takes it, in class order. With <paramref name="beforeRound"/>, only what the first target
    /// was known to take before that round.
    /// </summary>
    private static List<(string Class, TakenVia Via)> CommonClasses(
        IReadOnlyList<LockFunction> targets,
        Dictionary<LockFunction, Dictionary<string, TakenVia>> takes,
        int beforeRound = int.MaxValue)
    {
        var first = takes[targets[0]];
        var common = new List<(string Class, TakenVia Via)>();
        foreach (var (cls, via) in first)
        {
            if (via.Round >= beforeRound)
            {
                continue;
            }

            bool all = true;
            for (int i = 1; i < targets.Count && all; i++)
            {
                all = takes[targets[i]].ContainsKey(cls);
            }

            if (all)
            {
                common.Add((cls, via));
            }
        }

        common.Sort((a, b) => string.CompareOrdinal(a.Class, b.Class));
        return common;
    }

    /// <summary>
    /// Keeps, for an edge, the other classes held at every place that shows it: a lock all of
    /// them hold (a gate) serialises those places.
    /// </summary>
    private static void NarrowGates(Dictionary<(string, string), HashSet<string>> gates, string from, string to, IReadOnlyList<HeldClass> held)
    {
        var here = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in held)
        {
            // A lock held for reading (down_read, read_lock) lets other readers in: no gate.
            if (h.Class != from && h.Class != to && !h.Text.Contains("read", StringComparison.OrdinalIgnoreCase))
            {
                here.Add(h.Class);
            }
        }

        if (gates.TryGetValue((from, to), out var known))
        {
            known.IntersectWith(here);
        }
        else
        {
            gates[(from, to)] = here;
        }
    }

    /// <summary>
    /// Whether one lock is held at every place that shows every edge of the cycle: the orders
    /// are all taken under that gate, so two of them never run at once and cannot deadlock
    /// (lockdep reports such cycles too; they are not deadlocks, and not reported here).
    /// </summary>
    private static bool Gated(LockOrderGraph graph, LockCycle cycle, Dictionary<(string, string), HashSet<string>> gates)
    {
        HashSet<string>? common = null;
        var nodes = cycle.Nodes;
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!gates.TryGetValue((graph.Nodes[nodes[i]].Name, graph.Nodes[nodes[(i + 1) % nodes.Count]].Name), out var edgeGates))
            {
                return false;
            }

            if (common is null)
            {
                common = new HashSet<string>(edgeGates, StringComparer.Ordinal);
            }
            else
            {
                common.IntersectWith(edgeGates);
            }

            if (common.Count == 0)
            {
                return false;
            }
        }

        return common is { Count: > 0 };
    }

    private static void AddEdge(Dictionary<(string, string), List<Witness>> edges, string from, string to, Witness witness)
    {
        if (!edges.TryGetValue((from, to), out var list))
        {
            edges[(from, to)] = list = [];
        }

        list.Add(witness);
    }

    /// <summary>
    /// A same-class nesting, worded by what the two lock expressions show: the same lock taken
    /// again (a deadlock), two interchangeable instances (another call can take them the other
    /// way: a possible ABBA deadlock), or two instances the code tells apart, taken in a fixed
    /// order (lockdep's recursion report, a missing annotation; a warning).
    /// </summary>
    private Finding SameClassFinding(LockTaken taken, HeldClass held)
    {
        var nesting = taken.Nestings.FirstOrDefault(n => n.Held == held.Location);
        string taking = $"{taken.Class} taken while another {taken.Class} is held ({held.Text}, line {held.Location.Start.Line})";
        string nested = taking + ", without a _nested annotation";
        var (message, severity) = nesting?.Kind switch
        {
            NestingKind.SameLock => ($"{nested}: the same lock ({nesting.Second}) taken again waits for itself: deadlock", CheckSeverity.Error),
            NestingKind.FixedOrder => ($"{taking}: lockdep: possible recursive locking (missing _nested annotation); the order is fixed here ({nesting.First}, then {nesting.Second}), no deadlock by itself", CheckSeverity.Warning),
            _ => ($"{nested}: lockdep: possible recursive locking; {nesting?.First ?? held.Text} and {nesting?.Second ?? taken.Text} are interchangeable here: two calls that run at once with them swapped deadlock (ABBA), unless the callers never do that", CheckSeverity.Error),
        };
        return new Finding(Descriptor, taken.Location, message, [new RelatedLocation(held.Location, $"{held.Class} held here")], severity: severity);
    }

    private Finding CycleFinding(LockOrderGraph graph, LockCycle cycle)
    {
        var nodes = cycle.Nodes;
        var related = new List<RelatedLocation>();
        var flows = new List<CodeFlow>();
        SourceLocation? primary = null;
        for (int i = 0; i < nodes.Count; i++)
        {
            int from = nodes[i], to = nodes[(i + 1) % nodes.Count];
            var witness = graph.FindEdge(from, to)!.Witnesses[0];
            string a = graph.Nodes[from].Name, b = graph.Nodes[to].Name;
            related.Add(new RelatedLocation(witness.Held, $"{a} held here (in {witness.Function})"));
            related.Add(new RelatedLocation(witness.Taken, $"then {b} taken here"));
            var steps = new List<CodeFlowStep> { new(witness.Held, $"{a} taken") };
            if (witness.Chain.Count == 0)
            {
                steps.Add(new CodeFlowStep(witness.Taken, $"{b} taken while {a} is held"));
            }
            else
            {
                steps.AddRange(witness.Chain);
            }

            flows.Add(new CodeFlow($"{a}, then {b} ({witness.Function})", steps));
            if (primary is null || Earlier(witness.Taken, primary))
            {
                primary = witness.Taken;
            }
        }

        string names = string.Join(" -> ", nodes.Append(nodes[0]).Select(n => graph.Nodes[n].Name));
        return new Finding(Descriptor, primary!, $"lock order cycle {names}: each order is taken somewhere, so two threads can deadlock", related, flows);
    }

    private static bool Earlier(SourceLocation a, SourceLocation b)
    {
        int c = string.CompareOrdinal(a.Path, b.Path);
        return c < 0 || (c == 0 && a.Span.Start < b.Span.Start);
    }
}
