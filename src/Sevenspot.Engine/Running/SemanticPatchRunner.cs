using Sevenspot.C;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// Applies a semantic patch to one C file, or to a group of files, as spatch's driver does: rules run
/// in file order over the whole file (over every file of the group); each rule runs once per
/// environment inherited from earlier rules (each distinct binding is its own environment);
/// "depends on" is checked per environment; after a rule changes the code, the file is re-parsed so
/// later rules see the new code.
/// </summary>
public sealed partial class SemanticPatchRunner
{
    private readonly SmplFile _patch;
    private readonly RunOptions _options;
    // Per rule, the metavariables later rules use (name, id) and the ids of their names in the environments passed on ("r.x").
    private readonly Dictionary<string, (string Name, int Id, int QualifiedId)[]> _exported;
    private readonly Dictionary<string, HashSet<string>> _referencedLater;
    private readonly Dictionary<CodeRule, CompiledRule> _compiled;
    private readonly Lazy<FilePrefilter> _prefilter;
    private readonly Dictionary<string, HashSet<string>> _nestPositions;
    // Per script rule, the bindings ("r.x") it or a later rule uses: spatch's environments hold only those when the script runs.
    private readonly Dictionary<ScriptRule, HashSet<string>> _liveAtScript;
    // The names of the patch's rules: any other name a dependency reads is a virtual rule.
    private readonly HashSet<string> _ruleNames;
    // The last rule over control flow whose dependencies can hold with the virtual rules set: after it, no rule reads a graph.
    private readonly CodeRule? _lastFlowRule;
    // The rules over control flow whose dependencies can hold with the virtual rules set, in order: those that may read a graph.
    private readonly CodeRule[] _graphRules;

    public SmplFile Patch => _patch;

    public RunOptions Options => _options;

    public SemanticPatchRunner(SmplFile patch, RunOptions options)
    {
        _patch = patch;
        options = DeclaredMacroNames.AddTo(options, patch);
        _exported = QualifiedNames(ComputeUsedLater(patch));
        _referencedLater = WithKept(ComputeReferencedLater(patch), patch, options.KeepBindings);
        _nestPositions = ComputeNestPositions(patch);
        _liveAtScript = ComputeLiveAtScript(patch);
        _ruleNames = new HashSet<string>(patch.Rules.Select(r => r.Name), StringComparer.Ordinal);
        bool starMode = RuleActivity.IsStarMode(patch, options.DefinedVirtuals);
        var dependedOn = NamedInDependencies(patch);
        _compiled = patch.CodeRules.ToDictionary(r => r, r => new CompiledRule(r, new IsoIndex(r, options.Isomorphisms.For(r)),
            _referencedLater.TryGetValue(r.Name, out var u) ? u : new HashSet<string>(), starMode,
            matchingIsRead: options.MatchOnly || dependedOn.Contains(r.Name)));
        if (options is { UsePrefilter: true, ParseNeededBodiesOnly: true, ParseOptions.BodyFilter: null }
            && FunctionWordsFilter.For(patch, _compiled, options.DefinedVirtuals) is { } bodies)
        {
            options = options with { ParseOptions = options.ParseOptions with { BodyFilter = bodies } };
        }

        _options = options;
        _prefilter = new Lazy<FilePrefilter>(() => new FilePrefilter(patch, _compiled.ToDictionary(c => c.Key, c => c.Value.Isos), options));
        var kept = RuleActivity.KeptRules(patch, options.DefinedVirtuals);
        var graphRules = new List<CodeRule>();
        foreach (var code in patch.CodeRules)
        {
            if (ChecksFileGraphs(code) && kept.Contains(code.Name))
            {
                graphRules.Add(code);
            }
        }

        _graphRules = [.. graphRules];
        _lastFlowRule = _graphRules.Length > 0 ? _graphRules[^1] : null;
    }

    /// <summary>A runner with other options that shares everything computed from the patch (done once per run, not per file).</summary>
    private SemanticPatchRunner(SemanticPatchRunner from, RunOptions options)
    {
        _patch = from._patch;
        _options = options;
        _exported = from._exported;
        _referencedLater = from._referencedLater;
        _nestPositions = from._nestPositions;
        _liveAtScript = from._liveAtScript;
        _ruleNames = from._ruleNames;
        _compiled = from._compiled;
        _prefilter = from._prefilter;
        _lastFlowRule = from._lastFlowRule;
        _graphRules = from._graphRules;
    }

    /// <summary>The words each rule needs, and the test of a file against them.</summary>
    public FilePrefilter Prefilter => _prefilter.Value;

    /// <summary>
    /// A runner that stops when <paramref name="token"/> is cancelled (a file's timeout), parsing and
    /// matching alike, and shares everything else: the options and what was computed from the patch.
    /// </summary>
    public SemanticPatchRunner WithCancellation(CancellationToken token) =>
        new(this, _options with { ParseOptions = _options.ParseOptions with { CancellationToken = token }, CancellationToken = token });

    private sealed record Branch(Env Env, HashSet<string> Matched)
    {
        /// <summary>The scripts whose outputs come first in spatch's order of this environment (see EnvironmentOrder).</summary>
        public LeadingScripts? Leading { get; init; }
    }

    /// <summary>
    /// The matches to apply, in order. As in spatch, when + code (not ++) would be added for several
    /// declarators of one declaration ("char a, b;" against "- char x; + char y;"), the matches
    /// on that declaration are dropped and it stays as it is.
    /// </summary>
    private static List<MatchState> WithoutSharedDeclarationEdits(CodeRule rule, List<MatchState>? matches, SyntaxTree tree)
    {
        if (matches is not null && rule.Body.HasPlus)
        {
            matches.RemoveAll(m => AddsAfterSharedSemicolon(rule, m, tree) || AddsToSharedStorageDeclaration(rule, m, tree));
        }

        if (matches is null || matches.Count < 2 || !rule.Body.HasPlus || HasPlusPlus(rule.Body))
        {
            return matches ?? [];
        }

        // Per match, the declarations of several declarators where it adds code, and the declarator it matched there.
        var declaratorsOf = new Dictionary<int, HashSet<int>>();
        var touched = new List<List<int>>(matches.Count);
        foreach (var m in matches)
        {
            var withPlus = new List<int>();
            var declarators = new Dictionary<int, int>();
            foreach (var e in m.Trace?.Entries ?? [])
            {
                if (e.CodeLast < e.CodeFirst || e.PatternToken == DirectiveMatcher.PatternToken || DeclarationOf(tree, e.CodeFirst) is not { } found)
                {
                    continue;
                }

                if (found.Declarator >= 0)
                {
                    declarators[found.Declaration] = found.Declarator;
                }

                // Code added inside a declarator ("int - p + *p ;") is that declarator's own; only code
                // added at the type or the semicolon would be shared by the declarators.
                if (found.Declarator < 0
                    && (rule.Body.GetPlus(e.PatternToken, PlusSide.Before).Count > 0 || rule.Body.GetPlus(e.PatternToken, PlusSide.After).Count > 0)
                    && !withPlus.Contains(found.Declaration))
                {
                    withPlus.Add(found.Declaration);
                }
            }

            withPlus.RemoveAll(d => !declarators.ContainsKey(d));
            foreach (int d in withPlus)
            {
                if (!declaratorsOf.TryGetValue(d, out var set))
                {
                    declaratorsOf[d] = set = [];
                }

                set.Add(declarators[d]);
            }

            touched.Add(withPlus);
        }

        var kept = new List<MatchState>(matches.Count);
        for (int i = 0; i < matches.Count; i++)
        {
            if (!touched[i].Exists(d => declaratorsOf[d].Count > 1))
            {
                kept.Add(matches[i]);
            }
        }

        return kept;
    }

    /// <summary>
    /// The matches of a rule with ++ code in the order their additions come out. spatch takes the
    /// inherited environments in the reverse of the order it runs scripts over them
    /// (<see cref="EnvironmentOrder"/>, greatest first), and the matches of one environment by their
    /// values, least first, in that same order of values.
    /// </summary>
    private static List<MatchState>? InPlusPlusOrder(List<MatchState>? pending, List<(Env Local, int First)>? groups)
    {
        if (pending is null || groups is null)
        {
            return pending;
        }

        // Within one environment spatch takes the matches by their values, least first: for
        // "struct x { ++ float xx; ... int v; ... }" the fields a, c, z whatever their order.
        for (int g = 0; g < groups.Count; g++)
        {
            int end = g + 1 < groups.Count ? groups[g + 1].First : pending.Count;
            SortByValues(pending, groups[g].First, end);
        }

        if (groups.Count < 2)
        {
            return pending;
        }

        var order = new int[groups.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // A stable sort: environments with the same inherited values keep the order they came in.
        Array.Sort(order, (x, y) =>
        {
            int c = EnvironmentOrder.Compare(groups[y].Local, groups[x].Local);
            return c != 0 ? c : x.CompareTo(y);
        });

        var ordered = new List<MatchState>(pending.Count);
        foreach (int g in order)
        {
            int end = g + 1 < groups.Count ? groups[g + 1].First : pending.Count;
            for (int i = groups[g].First; i < end; i++)
            {
                ordered.Add(pending[i]);
            }
        }

        return ordered;
    }

    /// <summary>A stable sort of pending[start..end) by the values each match binds (positions aside).</summary>
    private static void SortByValues(List<MatchState> pending, int start, int end)
    {
        if (end - start < 2)
        {
            return;
        }

        var order = new int[end - start];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = start + i;
        }

        Array.Sort(order, (x, y) =>
        {
            int c = CompareValues(pending[x].Env, pending[y].Env);
            return c != 0 ? c : x.CompareTo(y);
        });

        var sorted = new MatchState[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            sorted[i] = pending[order[i]];
        }

        for (int i = 0; i < sorted.Length; i++)
        {
            pending[start + i] = sorted[i];
        }
    }

    /// <summary>
    /// Two matches' bindings, value by value in the order of the names, each as
    /// <see cref="EnvironmentOrder.CompareValues"/> orders them (names, then constants, then other
    /// code by form). Positions differ between any two matches and are left to the order found.
    /// </summary>
    private static int CompareValues(Env x, Env y)
    {
        var a = x.EntrySpan;
        var b = y.EntrySpan;
        for (int i = 0; i < a.Length && i < b.Length; i++)
        {
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal))
            {
                return 0; // different metavariables: not comparable, keep the order found
            }

            if (a[i].Value is PositionValue || b[i].Value is PositionValue)
            {
                continue;
            }

            int c = EnvironmentOrder.CompareValues(a[i].Value, b[i].Value);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static bool HasPlusPlus(CodeBody body)
    {
        foreach (var chunks in body.PlusCode.Values)
        {
            foreach (var chunk in chunks)
            {
                if (chunk.PlusPlus)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The declaration of several declarators that holds a matched token, and which declarator (-1 for the shared type or ';'), by first token.</summary>
    /// <summary>
    /// Whether a match adds code (+, not ++) after the semicolon of a declaration of several
    /// declarators ("- int x; + long x;" against "int a, x;"): the semicolon belongs to every
    /// declarator, and spatch then leaves the declaration as it is.
    /// </summary>
    private static bool AddsAfterSharedSemicolon(CodeRule rule, MatchState m, SyntaxTree tree)
    {
        foreach (var e in m.Trace?.Entries ?? [])
        {
            if (e.CodeFirst != e.CodeLast || e.PatternToken < 0 || e.PatternToken == DirectiveMatcher.PatternToken
                || e.CodeFirst < 0 || e.CodeFirst >= tree.TokenCount || tree.Tokens[e.CodeFirst].Kind != SyntaxKind.SemicolonToken
                || tree.GetToken(e.CodeFirst).Parent is not { Kind: SyntaxKind.Declaration } declaration
                || declaration.AsDeclaration().DeclaratorList.ChildCount < 3)
            {
                continue;
            }

            // ++ code may go after a removed declarator ("- int x; ++ char x;"), not after a kept one.
            bool kept = e.PatternToken >= rule.Body.MinusMarks.Length || rule.Body.MinusMarks[e.PatternToken] != TokenMark.Minus;
            foreach (var chunk in rule.Body.GetPlus(e.PatternToken, PlusSide.After))
            {
                if (!chunk.PlusPlus || kept)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a match adds code on a declaration of several declarators that has a storage class
    /// ("static int a, b;"): spatch cannot share the storage class among the declarators it splits,
    /// and leaves such a declaration as it is (removing declarators from it still works).
    /// </summary>
    private static bool AddsToSharedStorageDeclaration(CodeRule rule, MatchState m, SyntaxTree tree)
    {
        foreach (var e in m.Trace?.Entries ?? [])
        {
            if (e.CodeLast < e.CodeFirst || e.PatternToken < 0 || e.PatternToken == DirectiveMatcher.PatternToken
                || (rule.Body.GetPlus(e.PatternToken, PlusSide.Before).Count == 0 && rule.Body.GetPlus(e.PatternToken, PlusSide.After).Count == 0)
                || DeclarationOf(tree, e.CodeFirst) is null)
            {
                continue;
            }

            SyntaxNode? found = null;
            for (var n = tree.GetToken(e.CodeFirst).Parent; n is { } node; n = node.Parent)
            {
                if (node.Kind == SyntaxKind.Declaration)
                {
                    found = node;
                    break;
                }
            }

            if (found is not { } declaration)
            {
                continue;
            }

            int specifiersEnd = declaration.AsDeclaration().DeclaratorList.FirstTokenIndex;
            for (int t = declaration.FirstTokenIndex; t < specifiersEnd; t++)
            {
                var kind = tree.Tokens[t].Kind;
                if (SyntaxFacts.IsStorageKeyword(kind) && kind != SyntaxKind.InlineKeyword)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static (int Declaration, int Declarator)? DeclarationOf(SyntaxTree tree, int token)
    {
        if (token < 0 || token >= tree.TokenCount)
        {
            return null;
        }

        SyntaxNode? declarator = null;
        for (var n = tree.GetToken(token).Parent; n is { } node; n = node.Parent)
        {
            if (node.Kind == SyntaxKind.InitDeclarator)
            {
                declarator = node;
            }
            else if (node.Kind == SyntaxKind.Declaration)
            {
                return node.AsDeclaration().DeclaratorList.ChildCount > 2
                    ? (node.FirstTokenIndex, declarator is { } one ? one.FirstTokenIndex : -1)
                    : null;
            }
        }

        return null;
    }

    private static bool HasDefine(SyntaxTree tree)
    {
        foreach (var d in tree.Lexed.Directives)
        {
            if (d.Kind == DirectiveKind.Define)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The #define bodies a rule changed, with their new text (a body whose edits conflict keeps its text).</summary>
    private static bool NamesFunction(CompiledRule compiled)
    {
        foreach (var element in compiled.Elements)
        {
            if (element.Kind == SyntaxKind.FunctionDefinition)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(MacroBody Body, string NewBody)> MacroChanges(Dictionary<MacroBody, Transformer>? transformers)
    {
        var changes = new List<(MacroBody, string)>();
        foreach (var (body, transformer) in transformers ?? [])
        {
            if (transformer is { Conflict: null, HasEdits: true } && body.BodyOf(transformer.Render()) is { } text)
            {
                changes.Add((body, text));
            }
        }

        changes.Sort((a, b) => a.Item1.Ordinal.CompareTo(b.Item1.Ordinal));
        return changes;
    }

    /// <summary>Whether a metavariable of the rule has a script constraint (its matches depend on a script's answers).</summary>
    internal static bool HasScriptConstraint(CodeRule rule)
    {
        foreach (var meta in rule.Metavariables)
        {
            foreach (var constraint in meta.Constraints)
            {
                if (constraint is ScriptConstraint)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The token of a conflict as spatch shows it, so that the text can be searched the same way:
    /// 1-based line, 0-based byte column, the byte offset in the file, the token, and its whole line.
    /// </summary>
    private static string Describe(TransformConflict conflict)
    {
        var token = conflict.Tree.GetToken(conflict.Token);
        var p = token.Position;
        return $"C code context\nFile \"{conflict.Tree.Text.Path}\", line {p.Line}, column {p.Column}, charpos = {token.Span.Start}\n"
            + $"  around = '{token.Text}',\n  whole content = {conflict.Tree.Text.GetLineText(p.Line)}";
    }

    /// <summary>A starred directive pattern ("* #include &lt;a.h&gt;") highlights the directive's lines.</summary>
    private static void RecordStarDirective(CodeRule rule, Directive directive, SyntaxTree tree, FileOutcome outcome, HashSet<(string Rule, int First, int Last)> seen)
    {
        var start = tree.Text.GetLinePosition(directive.Start);
        var end = tree.Text.GetLinePosition(Math.Max(directive.Start, directive.End - 1));
        for (int l = start.Line; l <= end.Line; l++)
        {
            outcome.StarLines.Add(l);
        }

        // Offsets, not token indexes, name a directive's region: negative so that the two never meet.
        if (seen.Add((rule.Name, -1 - directive.Start, -1 - directive.End)))
        {
            var location = new RuleFindingLocation(tree.Text.Path, start, tree.Text.GetLinePosition(directive.End));
            outcome.Findings.Add(new RuleFinding(rule.Name, RuleFindingKind.Context, $"{RuleFinding.Describe(rule.Name)} matches here", [location]));
        }
    }

    /// <summary>
    /// The lines a * rule's match highlights (for the context diff), and each starred region once
    /// per rule as a finding: the code matched by consecutive starred pattern tokens.
    /// </summary>
    private static void RecordStarLines(CodeRule rule, MatchState m, SyntaxTree tree, FileOutcome outcome, HashSet<(string Rule, int First, int Last)> seen,
        SourceOrigin? origin = null)
    {
        List<(int First, int Last)>? regions = null;
        foreach (var e in m.Trace?.Entries ?? [])
        {
            if (e.PatternToken == DirectiveMatcher.PatternToken && rule.Body.Directive is { Mark: TokenMark.Star })
            {
                if (origin is null)
                {
                    RecordStarDirective(rule, tree.Lexed.Directives[e.CodeFirst], tree, outcome, seen);
                }

                continue;
            }

            if (e.PatternToken < rule.Body.MinusMarks.Length && rule.Body.MinusMarks[e.PatternToken] == TokenMark.Star && e.CodeLast >= e.CodeFirst)
            {
                int first = Where(tree.Tokens[e.CodeFirst].Start).Line;
                int last = Where(tree.Tokens[e.CodeLast].End).Line;
                for (int l = first; l <= last; l++)
                {
                    outcome.StarLines.Add(l);
                }

                (regions ??= []).Add((e.CodeFirst, e.CodeLast));
            }
        }

        if (regions is null)
        {
            return;
        }

        regions.Sort();
        int start = regions[0].First, end = regions[0].Last;
        for (int i = 1; i <= regions.Count; i++)
        {
            if (i < regions.Count && regions[i].First <= end + 1)
            {
                end = Math.Max(end, regions[i].Last);
                continue;
            }

            // In the body of a #define (a tree of its own), a region is named by its offsets in the
            // file, negative as a directive's are, so that it meets no region of the file's tree.
            var region = origin is null ? (rule.Name, start, end) : (rule.Name, -1 - origin.ToFile(tree.Tokens[start].Start), -1 - origin.ToFile(tree.Tokens[end].End));
            if (seen.Add(region))
            {
                var location = new RuleFindingLocation(origin?.File.Path ?? tree.Text.Path, Where(tree.Tokens[start].Start), Where(tree.Tokens[end].End));
                outcome.Findings.Add(new RuleFinding(rule.Name, RuleFindingKind.Context, $"{RuleFinding.Describe(rule.Name)} matches here", [location]));
            }

            if (i < regions.Count)
            {
                (start, end) = regions[i];
            }
        }

        // A position in the tree, given where its text is in the file.
        LinePosition Where(int offset) => origin is null ? tree.Text.GetLinePosition(offset) : origin.File.GetLinePosition(origin.ToFile(offset));
    }

    private Env InitialEnv()
    {
        var env = Env.Empty;
        foreach (var (name, value) in _options.VirtualValues)
        {
            env = env.Bind("virtual." + name, new NameValue(value));
        }

        return env;
    }

    /// <summary>The matches whose added code has a value for every inherited metavariable it names.</summary>
    private static List<MatchState> Applicable(CompiledRule compiled, List<MatchState> matches)
    {
        if (compiled.AddedOnly.Count == 0)
        {
            return matches;
        }

        var kept = new List<MatchState>(matches.Count);
        foreach (var m in matches)
        {
            bool bound = true;
            foreach (int id in compiled.AddedOnly)
            {
                bound &= m.Env.Contains(id);
            }

            if (bound)
            {
                kept.Add(m);
            }
        }

        return kept;
    }

    /// <summary>The environment a rule sees: its inherited metavariables that have a value, under their local names.</summary>
    private static Env? LocalEnv(CompiledRule compiled, Env global)
    {
        var inherited = compiled.Inherited;
        KeyValuePair<int, MetaValue>[]? entries = null;
        int count = 0;
        foreach (var (local, qualified) in inherited)
        {
            if (!global.TryGet(qualified, out var value))
            {
                continue; // unbound here: the rule still runs, and a pattern naming it cannot match
            }

            (entries ??= new KeyValuePair<int, MetaValue>[inherited.Length])[count++] = new(local, value);
        }

        return entries is null ? Env.Empty : Env.FromBindings(entries, count);
    }

    /// <summary>The global environment after a match: the rule's own bindings that later rules use, qualified by the rule's name.</summary>
    private Env? Export(CodeRule rule, MatchState match, Env global, FreshNames fresh)
    {
        if (!_exported.TryGetValue(rule.Name, out var used) || used.Length == 0)
        {
            return global;
        }

        var env = global;
        foreach (var (name, id, qualified) in used)
        {
            MetaValue? value = match.Env.TryGet(id, out var bound) ? bound : null;

            // A fresh identifier has its name once the rule matches: later rules and scripts that
            // inherit it see the name the rule's added code uses (spatch's "ff << r.ff").
            if (value is null && FreshIdentifier(rule, name) is { } meta)
            {
                value = new NameValue(fresh.OfMatch(rule, meta, match.Env, FreshNames.KeyOf(match)));
            }

            if (value is not null)
            {
                env = env.TryBind(qualified, value);
                if (env is null)
                {
                    return null;
                }
            }
        }

        return env;
    }

    private static Metavariable? FreshIdentifier(CodeRule rule, string name)
    {
        foreach (var meta in rule.Metavariables)
        {
            if (meta.Name == name && meta.Kind == MetavariableKind.FreshIdentifier)
            {
                return meta;
            }
        }

        return null;
    }

    private static List<Branch> Deduplicate(List<Branch> branches)
    {
        var result = new List<Branch>(branches.Count);
        var seen = new HashSet<Branch>(BranchComparer.Instance);
        foreach (var b in branches)
        {
            if (seen.Add(b))
            {
                result.Add(b);
            }
        }

        return result;
    }

    /// <summary>Branches are the same when their environments are and they name the same matched rules.</summary>
    private sealed class BranchComparer : IEqualityComparer<Branch>
    {
        public static readonly BranchComparer Instance = new();

        public bool Equals(Branch? x, Branch? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Env.Equals(y.Env)
                && (ReferenceEquals(x.Matched, y.Matched) || x.Matched.SetEquals(y.Matched)));

        public int GetHashCode(Branch b)
        {
            // Order-independent over the rule names: sets are compared as sets.
            int names = 0;
            foreach (string name in b.Matched)
            {
                names += StringComparer.Ordinal.GetHashCode(name);
            }

            return HashCode.Combine(b.Env.GetHashCode(), names, b.Matched.Count);
        }
    }

    /// <summary>
    /// The sets of matched rules made while running one file: a branch that matches a rule gets the
    /// set of its predecessor with that rule, and branches that come from one set share the new one
    /// (the sets are never changed once made).
    /// </summary>
    private sealed class MatchedSets
    {
        private readonly Dictionary<(HashSet<string> From, string Rule), HashSet<string>> _made = [];

        public HashSet<string> With(HashSet<string> from, string rule)
        {
            if (from.Contains(rule))
            {
                return from;
            }

            if (!_made.TryGetValue((from, rule), out var set))
            {
                set = new HashSet<string>(from, StringComparer.Ordinal) { rule };
                _made.Add((from, rule), set);
            }

            return set;
        }
    }

    private bool DependenciesHold(Rule rule, HashSet<string> matched, HashSet<string> ever, string path) =>
        rule.DependsOn is null
        || Dependencies.Evaluate(rule.DependsOn, _ruleNames, _options.DefinedVirtuals, new OnFile(matched, ever, path)) != DependencyTruth.False;

    /// <summary>On a file, each rule's matching is known: in the environment and anywhere in the file.</summary>
    private readonly struct OnFile(HashSet<string> inEnvironment, HashSet<string> inFile, string path) : Dependencies.IMatching
    {
        public DependencyTruth Matched(string rule, bool ever) => Dependencies.Of((ever ? inFile : inEnvironment).Contains(rule));

        public DependencyTruth InFile(FileDependency file) => Dependencies.Of(path.Replace('\\', '/').Contains(file.Path, StringComparison.Ordinal));
    }

    /// <summary>The metavariables each rule keeps in its matches: those later rules use, and those the run asked to see.</summary>
    private static Dictionary<string, HashSet<string>> WithKept(Dictionary<string, HashSet<string>> referencedLater, SmplFile patch, IReadOnlySet<string>? kept)
    {
        if (kept is null || kept.Count == 0)
        {
            return referencedLater;
        }

        foreach (var rule in patch.CodeRules)
        {
            foreach (var meta in rule.Metavariables)
            {
                if (kept.Contains(meta.Name))
                {
                    if (!referencedLater.TryGetValue(rule.Name, out var names))
                    {
                        referencedLater[rule.Name] = names = new HashSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(meta.Name);
                }
            }
        }

        return referencedLater;
    }

    /// <summary>For each rule, the metavariables later rules inherit from it, plus those their constraints name ("p != r.q").</summary>
    private static Dictionary<string, HashSet<string>> ComputeReferencedLater(SmplFile patch)
    {
        var result = ComputeUsedLater(patch);
        foreach (var rule in patch.CodeRules)
        {
            foreach (var meta in rule.Metavariables)
            {
                foreach (var constraint in meta.Constraints)
                {
                    foreach (var values in ValuesOf(constraint))
                    {
                        foreach (string value in values)
                        {
                            int dot = value.IndexOf('.', StringComparison.Ordinal);
                            if (dot > 0 && patch.CodeRules.Any(r => r.Name == value[..dot]))
                            {
                                if (!result.TryGetValue(value[..dot], out var names))
                                {
                                    result[value[..dot]] = names = new HashSet<string>(StringComparer.Ordinal);
                                }

                                // "r.T *" in a type's set names r.T.
                                int end = value.IndexOf(' ', dot);
                                names.Add(end < 0 ? value[(dot + 1)..] : value[(dot + 1)..end]);
                            }
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The values a constraint names, also in its alternatives: those of its sets, and the metavariable an
    /// "e &lt;= r.x" lies inside (read from r's matches whether or not the rule inherits it).
    /// </summary>
    private static List<IEnumerable<string>> ValuesOf(MetavariableConstraint constraint)
    {
        var sets = new List<IEnumerable<string>>();
        if (constraint is SetConstraint set)
        {
            sets.Add(set.Values);
        }
        else if (constraint is SubExpressionConstraint sub)
        {
            sets.Add([sub.Of]);
        }
        else if (constraint is AnyOfConstraint any)
        {
            foreach (var alternative in any.Alternatives)
            {
                foreach (var c in alternative)
                {
                    sets.AddRange(ValuesOf(c));
                }
            }
        }

        return sets;
    }

    private static Dictionary<string, (string Name, int Id, int QualifiedId)[]> QualifiedNames(Dictionary<string, HashSet<string>> usedLater)
    {
        var result = new Dictionary<string, (string, int, int)[]>(StringComparer.Ordinal);
        foreach (var (rule, names) in usedLater)
        {
            var pairs = new (string, int, int)[names.Count];
            int i = 0;
            foreach (string name in names)
            {
                pairs[i++] = (name, MetavariableIds.Of(name), MetavariableIds.Of(rule + "." + name));
            }

            result[rule] = pairs;
        }

        return result;
    }

    /// <summary>
    /// The rules whose matching is read beyond their bindings: some rule's "depends on" names them, or a
    /// script takes one of their values with a default (the script then also runs where they matched
    /// without binding it).
    /// </summary>
    private static HashSet<string> NamedInDependencies(SmplFile patch)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            foreach (string name in rule.DependsOn?.RuleNames ?? [])
            {
                names.Add(name);
            }

            if (rule is ScriptRule script)
            {
                foreach (var binding in script.Bindings)
                {
                    if (binding.Rule is { } from && (binding.DefaultValue is not null || binding.DefaultIsEmptyList))
                    {
                        names.Add(from);
                    }
                }
            }
        }

        return names;
    }

    private static Dictionary<string, HashSet<string>> ComputeUsedLater(SmplFile patch)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            IEnumerable<(string Rule, string Name)> inherited = rule switch
            {
                CodeRule c => c.Metavariables.Where(m => m.IsInherited).Select(m => (m.InheritedFrom!, m.InheritedName!)),
                ScriptRule s => s.Bindings.Where(b => b.Rule is not null).Select(b => (b.Rule!, b.RuleVariable!)),
                _ => [],
            };
            foreach (var (r, n) in inherited)
            {
                if (!result.TryGetValue(r, out var set))
                {
                    result[r] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(n);
            }
        }

        return result;
    }
}

internal static class FileOutcomeExtensions
{
    public static FileOutcome WithFrom(this FileOutcome target, FileOutcome source)
    {
        target.Diagnostics.AddRange(source.Diagnostics);
        (target.Functions, target.FunctionsWithErrors, target.FunctionsNotRead) = (source.Functions, source.FunctionsWithErrors, source.FunctionsNotRead);
        target.Failure = source.Failure;
        target.MatchedRules.UnionWith(source.MatchedRules);
        target.StarLines.UnionWith(source.StarLines);
        target.Reports.AddRange(source.Reports);
        target.Findings.AddRange(source.Findings);
        target.Changes.AddRange(source.Changes);
        target.Bindings.AddRange(source.Bindings);
        target.ScriptOutput = source.ScriptOutput;
        target.ScriptFailure = source.ScriptFailure;
        target.ExitRequested = source.ExitRequested;
        target.PendingInstances.AddRange(source.PendingInstances);
        return target;
    }
}
