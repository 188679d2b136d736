using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Engine.Ctl;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Finds where a rule matches in a file. A pattern of one term (an expression, a type, a
/// declaration, a simple statement) is tried against every node of the same sort; any other
/// pattern is translated into a CTL formula and model-checked over each function's control-flow
/// graph, and each node the witnesses mark for transformation is matched again to know which
/// tokens change.
/// </summary>
internal static class RuleMatcher
{
    /// <param name="mayCheck">
    /// For a flow rule, the indices in <see cref="FileSession.Functions"/> of the functions the rule
    /// checks in this environment (<see cref="MayCheck"/>) when the caller found them already; null: all that pass the test.
    /// </param>
    public static List<MatchState> FindMatches(CompiledRule compiled, FileSession session, Env env, RunOptions options,
        IReadOnlyDictionary<string, List<Env>>? earlierMatches = null, ScriptCalls? scripts = null, List<string>? inconsistencies = null,
        int[]? mayCheck = null)
    {
        var results = new List<MatchState>();
        if (compiled.Shape == PatternShape.Empty)
        {
            return results;
        }

        var rule = compiled.Rule;
        var tree = session.Tree;
        var context = new MatchContext(rule, rule.Body.Minus, tree, session.Types) { EarlierMatches = earlierMatches, Scripts = scripts, Origin = session.Origin };
        var matcher = new Matcher(context, compiled.Isos);
        var start = new MatchState(env, null);
        switch (compiled.Shape)
        {
            case PatternShape.Identifier:
                MatchIdentifiers(matcher, compiled.Elements[0].AsBareExpression().Expression, session, start, results, options);
                return results;
            case PatternShape.SingleTerm:
                var filter = TermFilter.For(compiled.RequiredTerms, compiled.RequiredTermPositions, env, session);
                if (filter is { NothingMatches: true })
                {
                    return results;
                }

                MatchSingle(matcher, compiled.Elements[0], session, start, results, options, filter, compiled.AddsStatement, compiled.Isos.TopLevelTargetKinds(compiled.Elements[0]));
                return results;
            case PatternShape.Directive:
                DirectiveMatcher.FindMatches(rule.Body.Directive!, tree, matcher, start, results);
                return results;
        }

        var requiredInLiveCode = compiled.RequiredPositionsInLiveCode;
        bool moreInLiveCode = requiredInLiveCode.Length > compiled.RequiredPositions.Length;
        var inLiveCode = moreInLiveCode ? RequiredPositions.LinesIn(requiredInLiveCode, env, session) : default;
        var words = mayCheck is null ? FunctionWords(compiled, env, options) : null;
        var positions = mayCheck is null ? RequiredPositions.LinesIn(compiled.RequiredPositions, env, session) : default;
        var functions = session.Functions;
        int count = mayCheck?.Length ?? functions.Count;
        for (int k = 0; k < count; k++)
        {
            int f = mayCheck is null ? k : mayCheck[k];
            var function = functions[f];
            options.CancellationToken.ThrowIfCancellationRequested();
            if (mayCheck is null && !MayCheck(session, words, positions, f))
            {
                continue; // no graph, no check
            }

            var shape = session.ShapeOf(function);
            if (moreInLiveCode && shape.IsPlain && inLiveCode.RulesOut(session.LinesOf(f)))
            {
                continue;
            }

            var modified = CheckFunction(function, shape, matcher, compiled, env, options, results);
            if (modified is not null && inconsistencies is not null && !compiled.ContextMode && !options.AllowInconsistentPaths
                && InconsistentlyReached(shape, modified) is { } state)
            {
                inconsistencies.Add($"node {state}: {Describe(shape.Nodes[state])} in {FunctionNameOf(function.AsFunctionDefinition().Declarator) ?? "?"} reachable by inconsistent control-flow paths");
            }
        }

        // A file-scope declaration is a whole program of one node: of a disjunction, only the branches
        // that are one declaration can match it.
        foreach (var branch in compiled.FileScopeBranches)
        {
            MatchSingleTerm(matcher, branch, session, start, options, null, addsStatement: false, (node, m) =>
            {
                if (!InsideFunction(node))
                {
                    results.Add(m);
                }
            });
        }

        return results;
    }

    /// <summary>The words a flow rule's every match spells in an environment, when the run filters functions by them (<see cref="MayCheck"/>).</summary>
    internal static TokenFormula? FunctionWords(CompiledRule compiled, Env env, RunOptions options) =>
        options.UsePrefilter ? compiled.FunctionWordsIn(env) : null;

    /// <summary>
    /// Whether a flow rule graphs and checks the function at an index of <see cref="FileSession.Functions"/>
    /// in an environment: the function holds the <paramref name="positions"/> the environment gives to
    /// those the rule requires (<see cref="CompiledRule.RequiredPositions"/>) and spells the
    /// <paramref name="words"/> (<see cref="FunctionWords"/>). A function it does not check cannot match.
    /// </summary>
    internal static bool MayCheck(FileSession session, TokenFormula? words, RequiredPositions.Lines positions, int function) =>
        !positions.RulesOut(session.LinesOf(function))
        && (words is null || session.Spells(words, session.Functions[function])); // a function that lacks a word every match spells

    /// <summary>Patterns that are one node's worth of code and need no control flow.</summary>
    internal static bool IsSingleTerm(SyntaxNode item, CodeRule? rule = null) => item.Kind switch
    {
        // A declaration of several names stands for one declaration per name, in a row (SplitDeclaration).
        SyntaxKind.Declaration => Matcher.ItemsOf(item.AsDeclaration().DeclaratorList).Elements.Count < 2,
        SyntaxKind.BareExpression or SyntaxKind.TypeName or SyntaxKind.ExpressionStatement or SyntaxKind.ReturnStatement
            or SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement or SyntaxKind.GotoStatement or SyntaxKind.MacroDeclaration
            or SyntaxKind.StaticAssertDeclaration or SyntaxKind.EmptyStatement => true,
        SyntaxKind.MetavariableStatement => IsDeclarationMetavariable(item, rule),
        SyntaxKind.Disjunction => Matcher.Branches(item).All(b => SingleItemOf(b) is { } one && IsSingleTerm(one, rule)),
        SyntaxKind.Conjunction => IsExpressionConjunction(item)
            || Matcher.Branches(item).All(b => SingleItemOf(b) is { } one && IsSingleTerm(one, rule)),
        _ => false,
    };

    /// <summary>
    /// A "declaration d;" metavariable written as a whole item: like a declaration pattern it matches
    /// declarations at file scope as well as in functions (not a structure's fields).
    /// </summary>
    private static bool IsDeclarationMetavariable(SyntaxNode item, CodeRule? rule) =>
        rule is not null && rule.Find(item.AsMetavariableStatement().Name.Text) is { Kind: MetavariableKind.Declaration };

    private static SyntaxNode? SingleItemOf(SyntaxNode branch) =>
        branch.Kind != SyntaxKind.List ? branch
        : branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single
        : null;

    /// <summary>
    /// ( E &amp; &lt;+... e ...+&gt; ): an expression beside nests of an expression is one expression
    /// pattern, whose nests look inside the expression E matched, as spatch reads it. Read as
    /// statements, the nest would instead run along the paths from E's statement to the function's end.
    /// </summary>
    private static bool IsExpressionConjunction(SyntaxNode conjunction)
    {
        bool anyExpression = false;
        foreach (var branch in Matcher.Branches(conjunction))
        {
            switch (SingleItemOf(branch))
            {
                case { Kind: SyntaxKind.BareExpression }:
                    anyExpression = true;
                    break;
                case { Kind: SyntaxKind.Nest } nest when Matcher.ExpressionNestBody(nest) is not null:
                    break;
                default:
                    return false;
            }
        }

        return anyExpression;
    }

    /// <summary>Numbers the witness trees of all checks, so that each tree has its own.</summary>
    private static int s_witnessCount;

    /// <summary>Checks a function; gives each state a witness transforms with the states the matches that transform it start at.</summary>
    private static Dictionary<int, HashSet<int>>? CheckFunction(SyntaxNode function, FlowShape shape, Matcher matcher, CompiledRule compiled, Env env, RunOptions options, List<MatchState> results)
    {
        var usedAfter = compiled.UsedAfter;
        // Labels are shared between the environments of a rule that inherits metavariables; a rule that
        // inherits none is checked once per function, and keeping its labels would only cost memory.
        var model = new FlowModel(shape, matcher, env, compiled.Inherited.Length > 0 ? compiled.Reads : null);
        var result = ModelChecker.Check(model, compiled.Formula, new CheckOptions { CancellationToken = options.CancellationToken });
        if (!result.IsMatch)
        {
            return null;
        }

        Dictionary<int, HashSet<int>>? modified = null;

        foreach (var triple in result)
        {
            int witness = Interlocked.Increment(ref s_witnessCount);
            var info = WitnessExtraction.Extract(triple, usedAfter, model.ValueComparer);
            bool any = false;
            foreach (var leaf in info.Transformations)
            {
                modified ??= [];
                if (!modified.TryGetValue(leaf.State, out var roots))
                {
                    modified[leaf.State] = roots = [];
                }

                roots.Add(triple.State);
                var leafEnv = env;
                foreach (var binding in leaf.Environment)
                {
                    if (binding.Value is not (LabelValue or ParenValue or MarkerValue) && !binding.Name.StartsWith('_'))
                    {
                        leafEnv = leafEnv.TryBind(binding.Name, binding.Value) ?? leafEnv;
                    }
                }

                if (model.NodeOf(leaf.State) is not { } node || leaf.Predicate.Element is not { } element)
                {
                    continue;
                }

                // Every way the element matches the node with these bindings: a pattern may occur several times in it.
                foreach (var m in matcher.MatchElement(element, node, new MatchState(leafEnv, null), shape))
                {
                    results.Add(m.InWitness(witness));
                    any = true;
                }

                if (element.Kind == RuleElementKind.FunctionHeader && !element.Stripped)
                {
                    foreach (var prototype in PrototypesOf(function))
                    {
                        foreach (var m in matcher.MatchPrototype(element.Pattern, prototype, new MatchState(leafEnv, null)))
                        {
                            results.Add(m);
                            break;
                        }
                    }
                }
            }

            // The bindings that later rules inherit. A position that took several values in one match
            // (one on each branch of an if) gives later rules each of them.
            var exported = new List<Env> { env };
            var usedAfterValues = info.UsedAfter;
            for (int i = 0; i < usedAfterValues.Count; i++)
            {
                var binding = usedAfterValues[i];
                int end = i + 1;
                while (end < usedAfterValues.Count && usedAfterValues[end].Name == binding.Name)
                {
                    end++;
                }

                if (end - i > 1 && binding.Value is PositionValue)
                {
                    var next = new List<Env>();
                    foreach (var e in exported)
                    {
                        for (int k = i; k < end; k++)
                        {
                            if (e.TryBind(binding.Name, usedAfterValues[k].Value) is { } bound)
                            {
                                next.Add(bound);
                            }
                        }
                    }

                    exported = next.Count > 0 ? next : exported;
                }
                else
                {
                    for (int k = i; k < end; k++)
                    {
                        for (int e = 0; e < exported.Count; e++)
                        {
                            exported[e] = exported[e].TryBind(usedAfterValues[k].Name, usedAfterValues[k].Value) ?? exported[e];
                        }
                    }
                }

                i = end - 1;
            }

            foreach (var e in exported)
            {
                if (!any || e != env)
                {
                    // Of the same witness tree: a fresh identifier later rules inherit is the one its code uses.
                    results.Add(new MatchState(e, null).InWitness(witness));
                }
            }
        }

        return modified;
    }

    /// <summary>
    /// spatch's reachability check on a transforming rule: every path that comes to a transformed
    /// state must come through the start of a match that transforms it (or an [after] node), else
    /// some instances would change and others not. Gives the first state reached otherwise. This
    /// is backward AF(roots v [after]) read as spatch reads it in code with loops, a weak until: a
    /// backward path may also go round a loop forever as long as it could still reach a start.
    /// </summary>
    private static int? InconsistentlyReached(FlowShape shape, Dictionary<int, HashSet<int>> modified)
    {
        var predecessors = shape.Predecessors;
        var successors = shape.Successors;
        int count = predecessors.Count;
        var states = new List<int>(modified.Keys);
        states.Sort();
        var goal = new bool[count];
        var holds = new bool[count];
        var work = new Stack<int>();
        foreach (int state in states)
        {
            Array.Clear(goal);
            Array.Clear(holds);
            foreach (int root in modified[state])
            {
                goal[root] = true;
            }

            for (int s = 0; s < count; s++)
            {
                goal[s] |= shape.Nodes[s] is { Kind: ControlFlowNodeKind.After };
                if (goal[s])
                {
                    holds[s] = true;
                    work.Push(s);
                }
            }

            // The states from which a backward path reaches the goal: those after it.
            while (work.Count > 0)
            {
                foreach (int next in successors[work.Pop()])
                {
                    if (!holds[next])
                    {
                        holds[next] = true;
                        work.Push(next);
                    }
                }
            }

            // Greatest fixpoint: a state off the goal keeps holding while all its predecessors do.
            bool changed = true;
            while (changed && holds[state])
            {
                changed = false;
                for (int s = 0; s < count; s++)
                {
                    if (!holds[s] || goal[s])
                    {
                        continue;
                    }

                    bool all = predecessors[s].Length > 0;
                    foreach (int p in predecessors[s])
                    {
                        all &= holds[p];
                    }

                    if (!all)
                    {
                        holds[s] = false;
                        changed = true;
                    }
                }
            }

            if (!holds[state])
            {
                return state;
            }
        }

        return null;
    }

    private static string Describe(ControlFlowNode? node) => node?.Syntax is { } syntax ? syntax.ToString().Trim() : "?";

    /// <summary>The declarations at file level that declare the function a definition defines.</summary>
    private static IEnumerable<SyntaxNode> PrototypesOf(SyntaxNode function)
    {
        if (FunctionNameOf(function.AsFunctionDefinition().Declarator) is not { } name || function.Parent is not { } items)
        {
            yield break;
        }

        foreach (var item in items.ChildNodes())
        {
            if (item.Kind != SyntaxKind.Declaration || item.AsDeclaration().DeclaratorList.ChildCount != 1
                || item.AsDeclaration().DeclaratorList.GetNodeSlot(0) is not { Kind: SyntaxKind.InitDeclarator } init)
            {
                continue;
            }

            if (FunctionNameOf(init.AsInitDeclarator().Declarator) == name)
            {
                yield return item;
            }
        }
    }

    private static string? FunctionNameOf(SyntaxNode declarator)
    {
        while (declarator.Kind == SyntaxKind.PointerDeclarator)
        {
            declarator = declarator.AsPointerDeclarator().Declarator;
        }

        return declarator.Kind == SyntaxKind.FunctionDeclarator && declarator.AsFunctionDeclarator().Declarator is { Kind: SyntaxKind.IdentifierDeclarator } id
            ? id.AsIdentifierDeclarator().Identifier.Text
            : null;
    }

    /// <summary>
    /// An identifier rule ("@ identifier @"): the pattern is matched against every name the code
    /// writes (variables, functions, parameters, fields, tags, labels), except names of types.
    /// </summary>
    private static void MatchIdentifiers(Matcher matcher, SyntaxNode pattern, FileSession session, MatchState start, List<MatchState> results, RunOptions options)
    {
        var tree = session.Tree;
        var pe = new SyntaxElement(pattern.Tree, Matcher.ChildRefOf(pattern));
        bool skip = session.Functions.Count < session.AllFunctionCount;
        for (int i = 0; i < tree.TokenCount; i++)
        {
            if ((i & 1023) == 0)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
            }

            var token = tree.GetToken(i);
            if (token.Kind != SyntaxKind.IdentifierToken || token.Parent is not { } parent || NamesType(parent) || (skip && session.InFunctionNotRead(i)))
            {
                continue;
            }

            foreach (var m in matcher.Match(pe, new SyntaxElement(tree, token.Index), start))
            {
                results.Add(m);
            }
        }
    }

    /// <summary>A name that is a type: a typedef name in use, or the name a typedef declares.</summary>
    private static bool NamesType(SyntaxNode parent)
    {
        if (parent.Kind == SyntaxKind.TypedefName)
        {
            return true;
        }

        if (parent.Kind != SyntaxKind.IdentifierDeclarator)
        {
            return false;
        }

        var d = parent;
        while (d.Parent is { } up && up.Kind is SyntaxKind.PointerDeclarator or SyntaxKind.ArrayDeclarator or SyntaxKind.ParenthesizedDeclarator)
        {
            d = up;
        }

        return d.Parent is { Kind: SyntaxKind.InitDeclarator } init && init.Parent?.Parent is { Kind: SyntaxKind.Declaration } declaration
            && Matcher.HasTypedef(declaration.AsDeclaration().SpecifierList);
    }

    private static void MatchSingle(Matcher matcher, SyntaxNode item, FileSession session, MatchState start, List<MatchState> results, RunOptions options, TermFilter? filter,
        bool addsStatement, HashSet<SyntaxKind>? topLevelKinds = null)
    {
        var disjunction = item.Kind == SyntaxKind.Disjunction ? item
            : item.Kind == SyntaxKind.BareExpression && item.AsBareExpression().Expression is { Kind: SyntaxKind.Disjunction } e ? e
            : (SyntaxNode?)null;
        if (disjunction is { } d)
        {
            MatchSingleDisjunction(matcher, d, session, start, results, options, filter, addsStatement);
            return;
        }

        MatchSingleTerm(matcher, item, session, start, options, filter, addsStatement, (_, m) => results.Add(m), topLevelKinds);
    }

    /// <summary>
    /// Each branch matches where it can, but a match of a later branch is dropped when its term overlaps
    /// (contains or is inside) a term an earlier branch matched.
    /// </summary>
    private static void MatchSingleDisjunction(Matcher matcher, SyntaxNode disjunction, FileSession session, MatchState start, List<MatchState> results, RunOptions options, TermFilter? filter,
        bool addsStatement)
    {
        var taken = new List<(int First, int Last)>();
        foreach (var branch in Matcher.Branches(disjunction))
        {
            var pattern = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
            var mine = new List<(int First, int Last)>();
            MatchSingleTerm(matcher, pattern, session, start, options, filter, addsStatement, (term, m) =>
            {
                int first = term.FirstTokenIndex;
                int last = term.LastTokenIndex;
                if (!taken.Any(t => t.First <= last && first <= t.Last))
                {
                    mine.Add((first, last));
                    results.Add(m);
                }
            });
            taken.AddRange(mine);
        }
    }

    /// <summary>A member of a struct or union: a declaration pattern does not match it (fields match inside a struct pattern).</summary>
    private static bool IsField(SyntaxNode declaration) => declaration.Parent is { Kind: SyntaxKind.List, Parent.Kind: SyntaxKind.StructSpecifier };

    private static void MatchSingleTerm(Matcher matcher, SyntaxNode item, FileSession session, MatchState start, RunOptions options, TermFilter? filter, bool addsStatement,
        Action<SyntaxNode, MatchState> found,
        HashSet<SyntaxKind>? topLevelKinds = null)
    {
        var kind = item.Kind == SyntaxKind.Conjunction && IsExpressionConjunction(item) ? SyntaxKind.BareExpression : item.Kind;
        var pe = new SyntaxElement(item.Tree, Matcher.ChildRefOf(item));
        var tree = session.Tree;
        int visited = 0;
        var nodes = session.NodesOfSort(CandidateSort(kind), CandidateTest(kind));
        if (topLevelKinds is not null)
        {
            // A top-level isomorphism gives the whole pattern other forms ("E.fld = E1;" also
            // matches "T I = { .fld = E1, };"): their nodes are candidates too, in file order.
            nodes = [.. nodes];
            // Kinds of one sort share a list: each list is added once.
            var sorts = new HashSet<SyntaxKind> { CandidateSort(kind) };
            foreach (var other in topLevelKinds)
            {
                if (sorts.Add(CandidateSort(other)))
                {
                    nodes.AddRange(session.NodesOfSort(CandidateSort(other), CandidateTest(other)));
                }
            }

            nodes.Sort(static (a, b) => a.FirstTokenIndex != b.FirstTokenIndex ? a.FirstTokenIndex.CompareTo(b.FirstTokenIndex) : b.LastTokenIndex.CompareTo(a.LastTokenIndex));
        }

        // A declaration pattern of several declarators ("int *p, a;") matches nothing at file scope in
        // spatch: only in a function body are declarations taken apart, one per declarator.
        bool severalDeclarators = kind == SyntaxKind.Declaration && HasSeveralDeclarators(item);
        foreach (var node in nodes)
        {
            if ((++visited & 1023) == 0)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
            }

            if (filter is not null && !filter.MayMatch(node))
            {
                continue;
            }

            if ((severalDeclarators || addsStatement) && !InsideFunction(node))
            {
                continue;
            }

            // PERF: a node that fails on a token or a kind whatever the bindings is passed over without
            // the matcher's enumerators.
            if (kind != SyntaxKind.TypeName && !matcher.NodeMayMatch(item, node))
            {
                continue;
            }

            var matches = kind == SyntaxKind.TypeName ? matcher.MatchTypeOccurrence(item, node, start) : matcher.Match(pe, new SyntaxElement(tree, Matcher.ChildRefOf(node)), start);
            foreach (var m in matches)
            {
                found(node, m);
            }
        }
    }

    /// <summary>
    /// Whether some added code of the rule is or holds a statement (a declaration is not one). A macro
    /// call written as a declaration is one only when the rule declares its name as a declarer: else
    /// spatch reads "+ DEFINE_SPINLOCK(m);" as a call. Such a rule is one of statements: spatch
    /// applies it in function bodies only, as a statement cannot stand at file scope.
    /// </summary>
    internal static bool AddsStatement(CodeRule rule)
    {
        var body = rule.Body;
        foreach (var chunks in body.PlusCode.Values)
        {
            foreach (var chunk in chunks)
            {
                for (int t = chunk.First; t <= chunk.Last; t++)
                {
                    bool statement = false;
                    for (var up = body.Plus.GetToken(t).Parent; up is { } node; up = node.Parent)
                    {
                        // A statement of a function's body is no statement at file scope ("+ void *bar(int *baz)
                        // { return baz; }" adds a function).
                        if (node.Kind == SyntaxKind.FunctionDefinition)
                        {
                            statement = false;
                            break;
                        }

                        if (node.FirstTokenIndex >= chunk.First && node.LastTokenIndex <= chunk.Last
                            && (SyntaxFacts.IsStatementKind(node.Kind)
                                || (node.Kind == SyntaxKind.MacroDeclaration && !DeclaresDeclarer(rule, node.AsMacroDeclaration().Name.Text))))
                        {
                            statement = true;
                        }
                    }

                    if (statement)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool DeclaresDeclarer(CodeRule rule, string name)
    {
        if (rule.DeclarerNamesInScope.Contains(name))
        {
            return true;
        }

        foreach (var meta in rule.Metavariables)
        {
            if (meta.Name == name && meta.Kind is MetavariableKind.Declarer or MetavariableKind.DeclarerName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSeveralDeclarators(SyntaxNode declaration)
    {
        int count = 0;
        foreach (var _ in declaration.AsDeclaration().DeclaratorList.ChildNodes())
        {
            count++;
        }

        return count > 1;
    }

    private static bool InsideFunction(SyntaxNode node)
    {
        for (var up = node.Parent; up is { } parent; up = parent.Parent)
        {
            if (parent.Kind == SyntaxKind.FunctionDefinition)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The nodes a single-term pattern of this kind is tried at. An expression (also a branch of a
    /// disjunction of expressions) may match a term of another kind: its parentheses are optional in
    /// the code, isomorphisms give it other forms ("!E" for "E == NULL"), and "x = E" matches "T x = E;".
    /// </summary>
    private static Func<SyntaxNode, bool> CandidateTest(SyntaxKind kind) => CandidateSort(kind) switch
    {
        SyntaxKind.BareExpression => s_isExpressionTerm,
        SyntaxKind.TypeName => s_isTypeOccurrence,
        SyntaxKind.Declaration => s_isDeclaration,
        SyntaxKind.MetavariableStatement => s_isDeclarationOrMacro, // only a declaration metavariable is a single term
        SyntaxKind.Disjunction or SyntaxKind.Conjunction => s_isAnyTerm,
        _ => n => n.Kind == kind,
    };

    /// <summary>
    /// The key of a kind's candidates in the file's lists: every expression kind has the same candidates,
    /// so one list serves them all ("(A) && B", "sizeof(E)" and "E ? F : G" in one rule walk the file once).
    /// </summary>
    private static SyntaxKind CandidateSort(SyntaxKind kind) =>
        kind == SyntaxKind.BareExpression || SyntaxFacts.IsExpressionKind(kind) ? SyntaxKind.BareExpression : kind;

    private static readonly Func<SyntaxNode, bool> s_isExpressionTerm = n => SyntaxFacts.IsExpressionKind(n.Kind) || n.Kind is SyntaxKind.InitializerList or SyntaxKind.InitDeclarator;
    private static readonly Func<SyntaxNode, bool> s_isTypeOccurrence = Matcher.IsTypeOccurrence;
    private static readonly Func<SyntaxNode, bool> s_isDeclaration = n => n.Kind == SyntaxKind.Declaration && !IsField(n);
    private static readonly Func<SyntaxNode, bool> s_isDeclarationOrMacro = n => (n.Kind == SyntaxKind.Declaration && !IsField(n)) || n.Kind == SyntaxKind.MacroDeclaration;
    private static readonly Func<SyntaxNode, bool> s_isAnyTerm = n => SyntaxFacts.IsStatementKind(n.Kind) || (n.Kind == SyntaxKind.Declaration && !IsField(n))
        || n.Kind == SyntaxKind.MacroDeclaration || SyntaxFacts.IsExpressionKind(n.Kind);
}
