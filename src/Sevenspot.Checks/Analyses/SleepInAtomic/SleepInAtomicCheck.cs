using Sevenspot.C;
using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks;

/// <summary>
/// sleep-in-atomic. Per file: the locks held at every call of every function (lock analysis on
/// the function's graph), and which calls sleep by themselves (sleeping.txt, allocators with a
/// sleeping GFP). Over the tree: a function may sleep when some call it makes outside its own
/// atomic sections sleeps, directly or through functions that may sleep — to a fixed point. A
/// call in an atomic section (an atomic lock held on every path) to something that may sleep is
/// reported, with the chain down to the sleeping call.
/// </summary>
public sealed class SleepInAtomicCheck : TreeCheck<SleepInAtomicFacts>
{
    /// <summary>
    /// The longest chain of calls a sleep is followed through. Deep chains are mostly sleeps
    /// guarded by conditions the caller never meets; the check leans quiet.
    /// </summary>
    public const int MaxChainDepth = 3;

    public override CheckDescriptor Descriptor => CheckDescriptors.SleepInAtomic;

    public override bool NeedsFlowGraphs => true;

    protected override SleepInAtomicFacts? CollectFacts(FileContext file)
    {
        var functions = new List<SleepFunction>();
        var removed = RemovedCode.Of(file);
        var exempt = ExemptContexts.Of(file);
        foreach (var function in file.Functions)
        {
            if (FileLockFacts.Analyze(file, function) is not var (graph, model, result))
            {
                continue;
            }

            // Boot, restart and oops code runs where might_sleep() is quiet (system_state not
            // SYSTEM_RUNNING, or oops_in_progress set): its sections are not reported, while
            // what it calls on every path still counts for its callers.
            bool quiet = exempt.IsExempt(function);

            var calls = new List<SleepCall>();
            bool[] onEveryPath = Dominators.OnEveryPath(graph);
            bool dropsCallerLocks = FileLockFacts.Of(file).Annotations.TryGetValue(FunctionCensus.NameOf(function), out var annotated) && annotated.Releases.Count > 0;
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (!result.IsReached(node))
                {
                    continue;
                }

                bool everyPath = onEveryPath[node];
                LockAnalysis.Replay(model, graph, node, result.In(node), (call, state) =>
                {
                    if (model.Classify(call) is { IsAcquire: false } release)
                    {
                        // Releasing a lock this function did not surely take itself (one its
                        // caller holds, by annotation or on a path round a loop) drops the caller's.
                        dropsCallerLocks |= !state.MustHold(h => h.Key == release.Key && !h.Text.StartsWith(LockModel.AnnotatedByCaller, StringComparison.Ordinal));
                        return;
                    }

                    if ((SyntaxHelpers.CalleeName(call) ?? LockModel.GuardAcquireName(file.Primitives, call, GuardDefinitions.Of(file))) is not { } callee
                        || ExemptContexts.LeavesRunningState(callee))
                    {
                        // A call that takes the system out of SYSTEM_RUNNING (power off, restart,
                        // panic) sleeps where might_sleep() is quiet and nothing else runs.
                        return;
                    }

                    if (removed.IsRemoved(call.Span.Start, out string? unlessDefined))
                    {
                        return;
                    }

                    string? cause = SleepClassifier.Cause(file.Primitives, call, GuardDefinitions.Of(file));
                    bool onEvery = everyPath && !InsideConditional(call);
                    if (state.FirstAtomic() is null && !onEvery && ParameterSleeps.Of(file.Primitives, function, call, cause, everyPath && !InsideConditional(call)) is var (test, why))
                    {
                        // A sleep that a flag parameter selects: it counts for a caller passing a literal that selects it.
                        calls.Add(new SleepCall(file.Name(callee), file.LocateCompact(call), why, null, false, unlessDefined is null ? null : file.Name(unlessDefined), Only: test));
                        return;
                    }

                    if (cause is null && file.Primitives.IsPrimitive(callee)
                        && !(state.FirstAtomic() is null && onEvery && ParameterSleeps.Of(file.Primitives, function, call, null, true) is not null))
                    {
                        // A primitive sleeps only as its table says: this call sleeps in no case.
                        return;
                    }

                    var atomic = !quiet && state.FirstAtomic() is { } held ? new AtomicSection(held.Text, held.Location) : null;
                    if (state.FirstAtomic() is null && cause is null && ParameterSleeps.Of(file.Primitives, function, call, null, onEvery) is var (gfpTest, gfpWhy))
                    {
                        // An allocation whose flags a parameter chooses.
                        calls.Add(new SleepCall(file.Name(callee), file.LocateCompact(call), gfpWhy, null, false, unlessDefined is null ? null : file.Name(unlessDefined), Only: gfpTest));
                        return;
                    }

                    if (atomic is null && !onEvery)
                    {
                        // Outside atomic sections only a call made on every path can make the
                        // function sleep for its callers; this one can neither be reported nor do that.
                        return;
                    }

                    BootOnly? boot = null;
                    if (atomic is not null)
                    {
                        bool runOnce = InRunOnceBlock(call, function);
                        string? optionOff = ConfigBranches.Of(file).OptionOffAt(call.Span.Start);
                        if (runOnce || optionOff is not null)
                        {
                            boot = new BootOnly(runOnce, optionOff is null ? null : file.Name(optionOff));
                        }
                    }

                    var (zero, nonZero) = atomic is null ? (0u, 0u) : ParameterSleeps.Literals(call);
                    calls.Add(new SleepCall(file.Name(callee), file.LocateCompact(call), cause, atomic, onEvery, unlessDefined is null ? null : file.Name(unlessDefined), boot, null, zero, nonZero));
                });
            }

            calls.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
            functions.Add(new SleepFunction(file.Name(FunctionCensus.NameOf(function)), file.Path, IsStatic(function), WithoutRepeatedCalls(calls), dropsCallerLocks));
        }

        // The inline functions of the file's own headers that sleep: static functions of this
        // file, as the preprocessor makes them, for the calls the file makes of them.
        var headerSleeps = file.Headers.Inlines.SleepsOf(file);
        if (headerSleeps.Count > 0)
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            var called = new HashSet<string>(StringComparer.Ordinal);
            foreach (var function in file.Functions)
            {
                defined.Add(FunctionCensus.NameOf(function));
                foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
                {
                    if (SyntaxHelpers.CalleeName(call) is { } name)
                    {
                        called.Add(name);
                    }
                }
            }

            foreach (var (name, sleep) in headerSleeps)
            {
                if (called.Contains(name) && !defined.Contains(name))
                {
                    functions.Add(new SleepFunction(file.Name(name), file.Path, true, [new SleepCall(file.Name(sleep.Callee), sleep.Location, sleep.Cause, null, true)], false));
                }
            }
        }

        return functions.Count == 0 ? null : new SleepInAtomicFacts(functions);
    }

    protected override void Analyze(IReadOnlyList<SleepInAtomicFacts> facts, TreeContext tree, FindingSink sink)
    {
        var functions = facts.SelectMany(f => f.Functions).ToList();
        var index = new FunctionIndex<SleepFunction>(functions, f => f.Name, f => f.Path, f => f.IsStatic);
        var definedMacros = DefinedMacros(functions);

        // witness[f]: the first call by which f may sleep, and the length of the chain from f
        // down to the sleeping call. Rounds fill the shortest chains first; a function gets a
        // witness only after the callee it names has one, so chains end.
        var witness = new Dictionary<SleepFunction, (SleepCall Call, int Depth)>(ReferenceEqualityComparer.Instance);
        bool changed = true;
        while (changed)
        {
            changed = false;
            var found = new List<(SleepFunction, SleepCall, int)>();
            foreach (var function in functions)
            {
                if (witness.ContainsKey(function))
                {
                    continue;
                }

                foreach (var call in function.Calls)
                {
                    if (!IsCompiled(call))
                    {
                        continue;
                    }

                    // A callee sleeps for its callers only when it sleeps on every path: a sleep
                    // under a test (a flag argument selecting GFP_ATOMIC, the last put of a
                    // count, oops_in_progress choosing a trylock) may never run for them.
                    if (call.Atomic is null && call.OnEveryPath && SleepDepth(call, function.Path) is int depth && depth <= MaxChainDepth)
                    {
                        found.Add((function, call, depth));
                        break;
                    }
                }
            }

            foreach (var (function, call, depth) in found)
            {
                witness[function] = (call, depth);
                changed = true;
            }
        }

        var released = new HashSet<SourceLocation>();
        var bootCandidates = new List<(SleepFunction Function, SleepCall Call, AtomicSection Section)>();
        foreach (var function in functions)
        {
            released.Clear();
            foreach (var call in function.Calls)
            {
                if (call.Atomic is not { } section || !IsCompiled(call) || released.Contains(section.Location))
                {
                    continue;
                }

                if (index.Resolve(call.Callee, function.Path) is { Count: > 0 } targets && targets.Any(t => t.DropsCallerLocks))
                {
                    // A callee that releases a lock its caller holds (wbc_attach_and_unlock_inode()
                    // unlocks the inode's i_lock) may end the section: what follows it in the
                    // function is not taken to be under it.
                    released.Add(section.Location);
                    continue;
                }

                if (SleepDepth(call, function.Path) is null && call.Boot is null && SelectedSleep(call, function.Path) is { } selected)
                {
                    sink.Report(CreateSelectedFinding(function, call, section, selected));
                }
                else if (SleepDepth(call, function.Path) is int depth && depth <= MaxChainDepth)
                {
                    if (call.Boot is not null)
                    {
                        bootCandidates.Add((function, call, section));
                    }
                    else
                    {
                        sink.Report(CreateFinding(function, call, section));
                    }
                }
            }
        }

        if (bootCandidates.Count > 0)
        {
            var boot = BootTimeSections(bootCandidates, functions, index);
            foreach (var (function, call, section) in bootCandidates)
            {
                if (!boot.Contains(call))
                {
                    sink.Report(CreateFinding(function, call, section));
                }
            }
        }

        // A call under #ifdef of a macro its file does not define is compiled only if the tree
        // defines the macro somewhere else.
        bool IsCompiled(SleepCall call) => call.UnlessDefined is not { } macro || definedMacros.Contains(macro);

        // How many calls down the call sleeps (1: it sleeps itself), or null. A primitive of the
        // tables sleeps only as its table says, whatever its definition in the tree does.
        int? SleepDepth(SleepCall call, string path)
        {
            if (call.DirectCause is not null)
            {
                return 1;
            }

            if (tree.Primitives.IsPrimitive(call.Callee))
            {
                return null;
            }

            var targets = index.Resolve(call.Callee, path);
            if (targets.Count == 0 || !targets.All(witness.ContainsKey) || targets.Any(t => t.DropsCallerLocks))
            {
                return null;
            }

            return 1 + targets.Max(t => witness[t].Depth);
        }

        // The sleep a callee makes for this call's literal arguments, when every definition of
        // the callee makes one: a call of the callee itself, under a test of a parameter the
        // call passes a literal for that selects it.
        SleepCall? SelectedSleep(SleepCall call, string path)
        {
            if ((call.LiteralZero | call.LiteralNonZero) == 0 || tree.Primitives.IsPrimitive(call.Callee))
            {
                return null;
            }

            var targets = index.Resolve(call.Callee, path);
            SleepCall? first = null;
            foreach (var target in targets)
            {
                if (target.DropsCallerLocks)
                {
                    return null;
                }

                SleepCall? found = null;
                foreach (var inner in target.Calls)
                {
                    if (inner is { Atomic: null, Only: { } test } && IsCompiled(inner) && ParameterSleeps.Passes(test, call.LiteralZero, call.LiteralNonZero))
                    {
                        found = inner;
                        break;
                    }
                }

                if (found is null)
                {
                    return null;
                }

                first ??= found;
            }

            return first;
        }

        Finding CreateSelectedFinding(SleepFunction function, SleepCall call, AtomicSection section, SleepCall selected)
        {
            var test = selected.Only!;
            string value = test.NonZero ? "non-zero" : "zero";
            var steps = new List<CodeFlowStep>
            {
                new(section.Location, $"{section.Text}: atomic from here"),
                new(call.Location, $"calls {call.Callee}() with argument {test.Index + 1} {value}"),
                new(selected.Location, $"{selected.Callee}() {selected.DirectCause}", 1),
            };
            return new Finding(
                Descriptor,
                call.Location,
                $"{call.Callee}() may sleep: {call.Callee} -> {selected.Callee}() {selected.DirectCause} when argument {test.Index + 1} is {value}, as here; called under {section.Text} (line {section.Location.Start.Line})",
                [new RelatedLocation(section.Location, "atomic section begins here")],
                [new CodeFlow(string.Join(" -> ", function.Name, call.Callee, selected.Callee), steps)]);
        }

        Finding CreateFinding(SleepFunction function, SleepCall call, AtomicSection section)
        {
            var steps = new List<CodeFlowStep> { new(section.Location, $"{section.Text}: atomic from here") };
            var names = new List<string> { call.Callee };
            string cause = call.DirectCause ?? string.Empty;
            var current = call;
            int nesting = 0;
            var seen = new HashSet<SleepFunction>(ReferenceEqualityComparer.Instance);
            while (true)
            {
                if (current.DirectCause is { } direct)
                {
                    steps.Add(new CodeFlowStep(current.Location, $"{current.Callee}() {direct}", nesting));
                    cause = direct;
                    break;
                }

                steps.Add(new CodeFlowStep(current.Location, $"calls {current.Callee}()", nesting));
                var target = index.Resolve(current.Callee, current.Location.Path)[0];
                if (!seen.Add(target) || !witness.TryGetValue(target, out var next))
                {
                    break;
                }

                current = next.Call;
                names.Add(current.Callee);
                nesting++;
            }

            string where = $"called under {section.Text} (line {section.Location.Start.Line})";
            string message = names.Count == 1
                ? $"{call.Callee}() {cause}, {where}"
                : $"{call.Callee}() may sleep: {string.Join(" -> ", names)}() {cause}; {where}";
            return new Finding(
                Descriptor,
                call.Location,
                message,
                [new RelatedLocation(section.Location, "atomic section begins here")],
                [new CodeFlow(string.Join(" -> ", names.Prepend(function.Name)), steps)]);
        }
    }

    /// <summary>
    /// The calls among the candidates that run only while the kernel boots, by the callers of
    /// their function anywhere in the tree (<see cref="BootCallers"/>), bound to it as calls are
    /// bound (<see cref="FunctionIndex{T}"/>): a section in a run-once block when boot code
    /// (<c>__init</c>) calls the function (its first call is a boot-time one; parisc's
    /// <c>init_IRQ()</c> claims the CPU interrupts once, from <c>start_kernel()</c>, and the
    /// secondary CPUs' calls find them claimed); a section compiled only without <c>CONFIG_X</c>
    /// when every caller is boot code or sits in a file built only with <c>CONFIG_X</c>
    /// (<c>obj-$(CONFIG_X) += smp.o</c>), and the name has no other use (an address taken, an
    /// export) that would leave its callers unknown.
    /// </summary>
    private static HashSet<SleepCall> BootTimeSections(List<(SleepFunction Function, SleepCall Call, AtomicSection Section)> candidates, List<SleepFunction> functions, FunctionIndex<SleepFunction> index)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (function, _, _) in candidates)
        {
            names.Add(function.Name);
        }

        string root = TreeRoot(functions);
        var uses = BootCallers.Find(root, names);
        var builtWith = new Dictionary<string, string?>(StringComparer.Ordinal);
        var boot = new HashSet<SleepCall>(ReferenceEqualityComparer.Instance);
        foreach (var (function, call, _) in candidates)
        {
            var calls = new List<BootCallers.CallSite>();
            foreach (var site in uses[function.Name].Calls)
            {
                if (index.Resolve(function.Name, site.Path).Contains(function))
                {
                    calls.Add(site);
                }
            }

            bool otherUses = false;
            foreach (string path in uses[function.Name].OtherUses)
            {
                otherUses |= index.Resolve(function.Name, path) is var targets && (targets.Count == 0 || targets.Contains(function));
            }

            if (calls.Count == 0)
            {
                continue;
            }

            bool bootCaller = false;
            bool everyCallerExcluded = !otherUses;
            foreach (var site in calls)
            {
                bootCaller |= site.IsBoot;
                if (!site.IsBoot)
                {
                    if (!builtWith.TryGetValue(site.Path, out string? option))
                    {
                        builtWith[site.Path] = option = BootCallers.BuiltOnlyWith(site.Path);
                    }

                    everyCallerExcluded &= call.Boot!.OptionOff is { } off && option == off;
                }
            }

            if ((call.Boot!.RunOnce && bootCaller) || (call.Boot.OptionOff is not null && everyCallerExcluded))
            {
                boot.Add(call);
            }
        }

        return boot;
    }

    /// <summary>
    /// Whether the call sits in the then-branch of <c>if (!done)</c> (or <c>done == 0</c>,
    /// <c>done == NULL</c>) on a variable the function does not declare, a branch that itself
    /// sets the variable (<c>done = ...;</c> as one of its statements): a block that runs in the
    /// first call only.
    /// </summary>
    private static bool InRunOnceBlock(SyntaxNode call, SyntaxNode function)
    {
        for (var node = call; node.Parent is { } parent && parent != function; node = parent)
        {
            if (parent.Kind != SyntaxKind.IfStatement || parent.AsIfStatement().Statement != node
                || GuardVariable(parent.AsIfStatement().Condition) is not { } variable || DeclaresName(function, variable))
            {
                continue;
            }

            var statements = node.Kind == SyntaxKind.CompoundStatement ? SyntaxHelpers.Statements(node) : [node];
            foreach (var statement in statements)
            {
                if (statement.Kind == SyntaxKind.ExpressionStatement
                    && SyntaxHelpers.StripParentheses(statement.AsExpressionStatement().Expression) is { Kind: SyntaxKind.AssignmentExpression } assignment
                    && SyntaxHelpers.StripParentheses(assignment.AsAssignmentExpression().Left) is { Kind: SyntaxKind.IdentifierName } left
                    && left.AsIdentifierName().Identifier.Text == variable)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The variable of <c>!v</c>, <c>v == 0</c>, <c>0 == v</c>, <c>v == NULL</c>, or null.</summary>
    private static string? GuardVariable(SyntaxNode condition)
    {
        var test = SyntaxHelpers.StripParentheses(condition);
        if (test.Kind == SyntaxKind.PrefixUnary && test.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
        {
            return SyntaxHelpers.StripParentheses(test.AsPrefixUnary().Operand) is { Kind: SyntaxKind.IdentifierName } operand ? operand.AsIdentifierName().Identifier.Text : null;
        }

        if (test.Kind == SyntaxKind.BinaryExpression && test.AsBinaryExpression() is var binary && binary.Operator.Kind == SyntaxKind.EqualsEqualsToken)
        {
            var left = SyntaxHelpers.StripParentheses(binary.Left);
            var right = SyntaxHelpers.StripParentheses(binary.Right);
            if (left.Kind == SyntaxKind.IdentifierName && IsNone(right))
            {
                return left.AsIdentifierName().Identifier.Text;
            }

            if (right.Kind == SyntaxKind.IdentifierName && IsNone(left))
            {
                return right.AsIdentifierName().Identifier.Text;
            }
        }

        return null;

        static bool IsNone(SyntaxNode value) => SyntaxHelpers.IsZeroLiteral(value) || (value.Kind == SyntaxKind.IdentifierName && value.AsIdentifierName().Identifier.Text == "NULL");
    }

    /// <summary>Whether the function declares the name (a parameter or a local).</summary>
    private static bool DeclaresName(SyntaxNode function, string name)
    {
        var body = function.AsFunctionDefinition().Body;
        foreach (var node in function.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.IdentifierDeclarator && node.AsIdentifierDeclarator().Identifier.Text == name
                && (body.Span.Contains(node.Span) || InParameter(node)))
            {
                return true;
            }
        }

        return false;

        static bool InParameter(SyntaxNode declarator)
        {
            for (var n = declarator.Parent; n is { } ancestor; n = ancestor.Parent)
            {
                if (ancestor.Kind == SyntaxKind.ParameterDeclaration)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The folder that holds every analysed file ("." for paths relative to the working folder).</summary>
    private static string TreeRoot(List<SleepFunction> functions)
    {
        string? root = null;
        foreach (var function in functions)
        {
            string directory = Path.GetDirectoryName(function.Path) ?? string.Empty;
            root = root is null ? directory : CommonDirectory(root, directory);
        }

        return string.IsNullOrEmpty(root) ? "." : root;
    }

    /// <summary>
    /// The macros that calls under #ifdef depend on and that the analysed tree defines
    /// somewhere: the tree is the folder that holds every analysed file. Read only when some
    /// call depends on one.
    /// </summary>
    private static HashSet<string> DefinedMacros(List<SleepFunction> functions)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            foreach (var call in function.Calls)
            {
                if (call.UnlessDefined is { } macro)
                {
                    names.Add(macro);
                }
            }
        }

        return names.Count == 0 ? names : MacroDefinitions.FindDefined(TreeRoot(functions), names);
    }

    private static string CommonDirectory(string a, string b)
    {
        while (a.Length > 0 && !(b == a || b.StartsWith(a + "/", StringComparison.Ordinal) || b.StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            a = Path.GetDirectoryName(a) ?? string.Empty;
        }

        return a;
    }

    /// <summary>
    /// The calls, in source order, without a second call outside atomic sections of one callee
    /// for one cause: whether the function sleeps, and the chain that shows it, come from the
    /// first. The facts of the whole tree stay small.
    /// </summary>
    private static SleepCall[] WithoutRepeatedCalls(List<SleepCall> calls)
    {
        var seen = new HashSet<(string, string?, string?)>();
        var kept = new List<SleepCall>();
        foreach (var call in calls)
        {
            if (call.Atomic is not null || seen.Add((call.Callee, call.DirectCause, call.UnlessDefined)))
            {
                kept.Add(call);
            }
        }

        return kept.ToArray();
    }

    /// <summary>Whether the call sits in one arm of ?:, or right of &amp;&amp; or ||: it runs on some paths of its node only.</summary>
    private static bool InsideConditional(SyntaxNode call)
    {
        for (var node = call; node.Parent is { } parent; node = parent)
        {
            switch (parent.Kind)
            {
                case SyntaxKind.ConditionalExpression:
                    if (parent.AsConditionalExpression().Condition != node)
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.BinaryExpression:
                    var binary = parent.AsBinaryExpression();
                    if (binary.Right == node && binary.Operator.Kind is SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken)
                    {
                        return true;
                    }

                    break;
                case SyntaxKind.ExpressionStatement or SyntaxKind.FunctionDefinition or SyntaxKind.CompoundStatement:
                    return false;
            }
        }

        return false;
    }

    internal static bool IsStatic(SyntaxNode function)
    {
        foreach (var specifier in function.AsFunctionDefinition().SpecifierList.DescendantTokens())
        {
            if (specifier.Kind == SyntaxKind.StaticKeyword)
            {
                return true;
            }
        }

        return false;
    }
}
