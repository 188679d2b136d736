using Sevenspot.C;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

public sealed partial class SemanticPatchRunner
{
    public FileOutcome Run(SourceText source) => Run(new SharedFile(source));

    /// <summary>Applies the patch to one file, whose parse and session it shares with the other patches run on <paramref name="file"/>.</summary>
    public FileOutcome Run(SharedFile file) => Run([file])[0];

    /// <summary>
    /// Applies the patch to a group of files, as spatch does with the C files named together on its
    /// command line: each rule runs over every file of the group before the next rule, so the
    /// environments are the group's (a binding found in one file is used by a later rule in
    /// another), a script runs once per distinct binding over the whole group, and "depends on"
    /// sees the rules that matched in any of its files. A single file is the group of one.
    /// What the scripts printed and reported for the group, and their failure, are in the first
    /// file's outcome; each file's outcome has its own change, * lines and diagnostics.
    /// </summary>
    public FileOutcome[] Run(IReadOnlyList<SharedFile> group)
    {
        if (group.Count == 0)
        {
            return [];
        }

        var worth = _options.UsePrefilter ? Scan(group) : null;
        var outcomes = new FileOutcome[group.Count];
        if (worth is { AnyOutputRuleCanRun: false })
        {
            for (int i = 0; i < group.Count; i++)
            {
                outcomes[i] = new FileOutcome { Path = group[i].Source.Path, Original = group[i].Original, RuledOut = true }; // nothing can match: not even parsed
            }

            return outcomes;
        }

        _options.Scripts?.FileProcessed();
        var files = new FileRun[group.Count];
        for (int i = 0; i < group.Count; i++)
        {
            files[i] = new FileRun(group[i], _options);
        }

        var first = files[0].Outcome;
        using var scripts = new ScriptCalls(_options.Scripts, files[0].Path);
        var fresh = new FreshNames(scripts);
        var branches = new List<Branch> { new(InitialEnv(), new HashSet<string>(StringComparer.Ordinal)) };
        var ever = new HashSet<string>(StringComparer.Ordinal);
        var matchedSets = new MatchedSets();
        var earlierMatches = new Dictionary<string, List<Env>>(StringComparer.Ordinal);
        bool failed = false;

        try
        {
            foreach (var rule in _patch.Rules)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                if (rule is ScriptRule script)
                {
                    // Initialize and finalize rules run once per run, outside files.
                    if (script.ScriptKind == ScriptKind.Script)
                    {
                        branches = Deduplicate(RunScript(script, branches, ever, matchedSets, files[0].Path, scripts, first));
                        if (first.ScriptFailure is not null || first.ExitRequested)
                        {
                            break;
                        }
                    }

                    continue;
                }

                if (rule is not CodeRule code)
                {
                    continue;
                }

                if (worth is not null && !worth.CanRun(code))
                {
                    continue; // a word it needs is missing: it would match nowhere
                }

                var compiled = _compiled[code];
                bool graphs = ChecksFileGraphs(code);
                var (mayCheck, lastChecks) = graphs ? ReleaseGraphsUnchecked(code, compiled, files, branches, ever) : default;
                var work = new RuleInFile?[files.Length];
                var next = new List<Branch>();
                var seen = new HashSet<Env>();
                for (int b = 0; b < branches.Count; b++)
                {
                    var branch = branches[b];
                    HashSet<string>? matched = null;
                    for (int i = 0; i < files.Length; i++)
                    {
                        var file = files[i];
                        if (!DependenciesHold(code, branch.Matched, ever, file.Path))
                        {
                            continue;
                        }

                        var local = LocalEnv(compiled, branch.Env);
                        if (local is null)
                        {
                            break; // an inherited metavariable has no value here
                        }

                        var w = work[i] ??= new RuleInFile(code, compiled, file, fresh, _options.MatchOnly);
                        scripts.Path = file.Path;
                        if (w.Shared is null || !w.Shared.TryGetValue(local, out var matches))
                        {
                            // The body of a #define pattern matches the bodies of #defines only.
                            matches = code.Body.DefineHeader is not null ? []
                                : Applicable(compiled, RuleMatcher.FindMatches(compiled, file.Session, local, _options, earlierMatches, scripts, w.Inconsistencies,
                                    mayCheck?[i][b]));
                            w.Shared?.Add(local, matches);
                        }

                        var macroMatches = w.InMacros ? MacroMatches(compiled, file, local, earlierMatches, scripts) : null;
                        if (matches.Count == 0 && macroMatches is null)
                        {
                            continue;
                        }

                        ever.Add(code.Name);
                        file.Outcome.MatchedRules.Add(code.Name);
                        matched ??= matchedSets.With(branch.Matched, code.Name);

                        // Environments that agree on what the rule inherits are one application of the
                        // rule, as in spatch: its change is made once ("++" code is not added again for
                        // an environment that differs only in what the rule does not use).
                        bool applies = w.Pending is null || w.Applied.Add(local);
                        if (applies)
                        {
                            w.PendingByInherited?.Add((local, w.Pending!.Count));
                        }

                        foreach (var m in matches)
                        {
                            if (_options.MatchOnly)
                            {
                                file.Outcome.Bindings.Add(new RuleBinding(code.Name, m.Env));
                            }

                            if (applies)
                            {
                                w.Pending?.Add(m);
                            }

                            if (code.Body.HasStar)
                            {
                                RecordStarLines(code, m, file.Tree, file.Outcome, file.StarRegions);
                            }

                            Record(m, branch, matched);
                        }

                        foreach (var (body, m) in macroMatches ?? [])
                        {
                            if (applies && code.Body.Transforms && !_options.MatchOnly)
                            {
                                w.MacroTransformers ??= [];
                                if (!w.MacroTransformers.TryGetValue(body, out var inBody))
                                {
                                    w.MacroTransformers[body] = inBody = new Transformer(body.Session.Tree, fresh) { OuterDepth = body.IsStatement ? 1 : 0 };
                                }

                                inBody.Add(new RuleMatch(code, m));
                            }

                            if (code.Body.HasStar)
                            {
                                RecordStarLines(code, m, body.Session.Tree, file.Outcome, file.StarRegions, body.Session.Origin);
                            }

                            Record(m, branch, matched);
                        }
                    }

                    if (lastChecks is not null)
                    {
                        ReleaseGraphsCheckedLastBy(b, files, lastChecks);
                    }

                    if (matched is null)
                    {
                        next.Add(branch); // matched in no file: the environment goes on as it was
                    }
                }

                if (graphs)
                {
                    foreach (var file in files)
                    {
                        file.Session.ReleaseSharedLabels();
                    }
                }

                branches = Deduplicate(next);
                if (scripts.Failure is not null)
                {
                    first.ScriptFailure = scripts.Failure;
                    break;
                }

                for (int i = 0; i < files.Length && !failed; i++)
                {
                    if (work[i] is { } w)
                    {
                        failed = !Apply(code, files[i], w, worth);
                    }
                }

                // A script that makes a fresh identifier runs when the added code is printed: one that fails
                // stops the file as a failing constraint does, rather than leaving the metavariable's name.
                if (scripts.Failure is not null)
                {
                    first.ScriptFailure = scripts.Failure;
                    break;
                }

                if (failed)
                {
                    break;
                }

                // What later rules see of a match: its bindings, and the environment it continues in.
                void Record(MatchState m, Branch branch, HashSet<string> matched)
                {
                    if (!earlierMatches.TryGetValue(code.Name, out var list))
                    {
                        earlierMatches[code.Name] = list = [];
                    }

                    list.Add(m.Env);
                    var exported = Export(code, m, branch.Env, fresh);
                    if (exported is not null && seen.Add(exported))
                    {
                        next.Add(new Branch(exported, matched));
                    }
                }
            }
        }
        finally
        {
            // The graphs no later patch that reads the file's session may check go with this patch's run, not with
            // the file; a patch cut off by the timeout lets them go too.
            foreach (var file in files)
            {
                file.First.ReleaseGraphs();
                file.Session.ReleaseGraphs();
            }
        }

        first.ScriptOutput = scripts.Printed();
        if (!failed)
        {
            first.Findings.AddRange(scripts.Findings());
        }

        for (int i = 0; i < files.Length; i++)
        {
            var file = files[i];
            if (failed)
            {
                outcomes[i] = file.Outcome; // the group is left alone
                continue;
            }

            if (file.Attribution is not null)
            {
                file.Outcome.Changes.AddRange(file.Attribution.Changes);
            }

            outcomes[i] = new FileOutcome
            {
                Path = file.Outcome.Path,
                Original = file.Outcome.Original,
                Modified = file.Changed && first.ScriptFailure is null ? file.Tree.Text.Bytes.ToArray() : null,
            }.WithFrom(file.Outcome);

            // A script that raised leaves the group's files without a diff, as spatch: nor the lines its * rules marked.
            if (first.ScriptFailure is not null)
            {
                outcomes[i].StarLines.Clear();
            }
        }

        return outcomes;
    }

    /// <summary>Whether a rule checks the control-flow graphs of the file's functions (a #define pattern checks those of the bodies only).</summary>
    private bool ChecksFileGraphs(CodeRule code) => _compiled[code].Shape == PatternShape.Flow && code.Body.DefineHeader is null;

    /// <summary>
    /// Whether a rule of the patch over control flow may check a function of a file whatever the
    /// environment: the rule's words are in the file (<paramref name="worth"/>, null when the run has no
    /// prefilter) and the function spells the names every function the rule checks spells
    /// (<see cref="CompiledRule.FunctionWordsOfAnyEnvironment"/>). False means no rule of the patch
    /// graphs the function; true may be wrong the other way (an environment or a dependency may still
    /// rule it out). What a patch run before this one on the same session keeps its graph for
    /// (<see cref="SharedFile.ReadBy"/>).
    /// </summary>
    internal bool MayCheckGraphOf(FileSession session, PrefilterResult? worth, SyntaxNode function)
    {
        foreach (var code in _graphRules)
        {
            if (worth is not null && !worth.CanRun(code))
            {
                continue;
            }

            if (!_options.UsePrefilter || _compiled[code].FunctionWordsOfAnyEnvironment is not { } words || session.Spells(words, function))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the patch has a rule over control flow that may run (see <see cref="MayCheckGraphOf"/>).</summary>
    internal bool ChecksGraphs => _graphRules.Length > 0;

    /// <summary>
    /// Before a rule over control flow runs on a group: finds per file and environment (index in
    /// <paramref name="branches"/>) the functions the rule checks there (<see cref="RuleMatcher.MayCheck"/>,
    /// in <see cref="FileSession.Functions"/>; null where the environment does not run in the file),
    /// which <see cref="RuleMatcher.FindMatches"/> then checks without testing again, and lets go the
    /// graphs of the functions that no environment checks (the rule cannot match there; a later rule
    /// that checks one builds its graph again). For the last such rule of the patch, also gives per
    /// file and function the last environment that checks the function, after which no rule needs
    /// its graph (<see cref="ReleaseGraphsCheckedLastBy"/>); null for the other rules. A file's graphs
    /// live in memory only while a rule left may read them.
    /// </summary>
    private (int[]?[][] MayCheck, int[][]? LastChecks) ReleaseGraphsUnchecked(CodeRule code, CompiledRule compiled, FileRun[] files, List<Branch> branches,
        HashSet<string> ever)
    {
        var mayCheck = new int[]?[files.Length][];
        var lastChecks = ReferenceEquals(code, _lastFlowRule) ? new int[files.Length][] : null;
        var scratch = new List<int>();
        for (int i = 0; i < files.Length; i++)
        {
            var session = files[i].Session;
            var functions = session.Functions;
            var checkedLastBy = new int[functions.Count];
            Array.Fill(checkedLastBy, -1);
            var inFile = mayCheck[i] = new int[]?[branches.Count];
            int[]? all = null;
            for (int b = 0; b < branches.Count; b++)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                if (!DependenciesHold(code, branches[b].Matched, ever, files[i].Path) || LocalEnv(compiled, branches[b].Env) is not { } local)
                {
                    continue;
                }

                var words = RuleMatcher.FunctionWords(compiled, local, _options);
                var positions = RequiredPositions.LinesIn(compiled.RequiredPositions, local, session);
                scratch.Clear();
                for (int f = 0; f < functions.Count; f++)
                {
                    if (RuleMatcher.MayCheck(session, words, positions, f))
                    {
                        checkedLastBy[f] = b;
                        scratch.Add(f);
                    }
                }

                // Environments that check every function share one list.
                inFile[b] = scratch.Count == functions.Count ? all ??= [.. scratch] : [.. scratch];
            }

            for (int f = 0; f < functions.Count; f++)
            {
                if (checkedLastBy[f] < 0)
                {
                    session.Release(functions[f]);
                }
            }

            if (lastChecks is not null)
            {
                lastChecks[i] = checkedLastBy;
            }
        }

        return (mayCheck, lastChecks);
    }

    /// <summary>In the last rule over control flow, lets go the graphs of the functions no environment after <paramref name="branch"/> checks.</summary>
    private static void ReleaseGraphsCheckedLastBy(int branch, FileRun[] files, int[][] lastChecks)
    {
        for (int i = 0; i < files.Length; i++)
        {
            var functions = files[i].Session.Functions;
            var checkedLastBy = lastChecks[i];
            for (int f = 0; f < functions.Count; f++)
            {
                if (checkedLastBy[f] == branch)
                {
                    files[i].Session.Release(functions[f]);
                }
            }
        }
    }

    /// <summary>The words of the group's files: a rule is worth running when its words are in some file of the group.</summary>
    private PrefilterResult Scan(IReadOnlyList<SharedFile> group)
    {
        var worth = group[0].ScanFor(Prefilter);
        for (int i = 1; i < group.Count; i++)
        {
            worth.Add(group[i].Source.Bytes);
        }

        return worth;
    }

    /// <summary>A rule also matches in the bodies of the file's #defines (see <see cref="RuleInFile.InMacros"/>).</summary>
    private List<(MacroBody Body, MatchState Match)>? MacroMatches(CompiledRule compiled, FileRun file, Env local,
        Dictionary<string, List<Env>> earlierMatches, ScriptCalls scripts)
    {
        List<(MacroBody Body, MatchState Match)>? macroMatches = null;
        file.MacroBodies ??= file.Session.MacroBodies(_options);

        // A term matches code of the body that spells its words (a flow rule tests the words of each function itself).
        var termWords = compiled.Shape == PatternShape.SingleTerm && compiled.Rule.Body.DefineHeader is null && _options.UsePrefilter
            ? compiled.FunctionWordsIn(local) : null;
        if (termWords is not null && !file.Session.MacroBodyWords(_options).MaySpell(termWords))
        {
            return null; // no body spells the term's words
        }

        foreach (var body in file.MacroBodies)
        {
            // A body is parsed only for a rule that may match there, as its text tells.
            if (_options.UsePrefilter && body.IsLoneConstant && !compiled.MayMatchLoneConstant)
            {
                continue;
            }

            if (termWords is not null && !body.MaySpell(termWords))
            {
                continue;
            }

            if (!body.Parses)
            {
                continue;
            }

            if (compiled.Shape == PatternShape.Flow && !body.IsFunction && (!body.IsStatement || NamesFunction(compiled)))
            {
                continue; // an initializer has no control flow, and a statement no function around it
            }

            if (termWords is not null && !body.Session.BodySpells(termWords))
            {
                continue;
            }

            if (compiled.Rule.Body.DefineHeader is { } header)
            {
                foreach (var m in DefineMatches(compiled, header, body, local, earlierMatches, scripts))
                {
                    (macroMatches ??= []).Add((body, m));
                }

                continue;
            }

            var (first, last) = body.Session.BodyTokens;
            foreach (var m in RuleMatcher.FindMatches(compiled, body.Session, local, _options, earlierMatches, scripts))
            {
                // A term matches the body's own code, not the declaration wrapped around an initializer to parse it.
                if (compiled.Shape != PatternShape.SingleTerm || Within(m, first, last))
                {
                    (macroMatches ??= []).Add((body, m));
                }
            }
        }

        return macroMatches;
    }

    /// <summary>
    /// The matches of a #define pattern in one #define of the file: its name and parameters match the
    /// header, binding what the header names, and the rule's code matches the whole body (an expression
    /// pattern does not match a part of it). A body matched over control flow is taken as a whole.
    /// </summary>
    private List<MatchState> DefineMatches(CompiledRule compiled, DirectivePattern header, MacroBody body, Env local,
        Dictionary<string, List<Env>> earlierMatches, ScriptCalls scripts)
    {
        var result = new List<MatchState>();
        var rule = compiled.Rule;
        var tree = body.Session.Tree;
        var matcher = new Matcher(new MatchContext(rule, rule.Body.Minus, tree, body.Session.Types), compiled.Isos);
        var (first, last) = body.Session.BodyTokens;

        foreach (var env in DirectiveMatcher.MatchDefineHeader(header, body.Directive, matcher, local))
        {
            foreach (var m in RuleMatcher.FindMatches(compiled, body.Session, env, _options, earlierMatches, scripts))
            {
                if (compiled.Shape != PatternShape.SingleTerm || Covers(m, first, last))
                {
                    result.Add(m);
                }
            }
        }

        return result;
    }

    /// <summary>Whether the code a match records runs from token <paramref name="first"/> to token <paramref name="last"/>.</summary>
    private static bool Covers(MatchState m, int first, int last) => CodeRange(m) == (first, last);

    /// <summary>Whether the code a match records lies between token <paramref name="first"/> and token <paramref name="last"/> (a match that records none does).</summary>
    private static bool Within(MatchState m, int first, int last) =>
        CodeRange(m) is var (low, high) && (low > high || low >= first && high <= last);

    /// <summary>The first and last token of the code a match records (first above last when it records none).</summary>
    private static (int Low, int High) CodeRange(MatchState m)
    {
        int low = int.MaxValue, high = int.MinValue;
        foreach (var e in m.Trace?.Entries ?? [])
        {
            if (e.CodeFirst <= e.CodeLast)
            {
                low = Math.Min(low, e.CodeFirst);
                high = Math.Max(high, e.CodeLast);
            }
        }

        return (low, high);
    }

    /// <summary>
    /// Makes a rule's matches in a file its change, and re-parses the file when it changed, so that
    /// later rules see the new code; false (with the file's failure set) when the matches disagree.
    /// </summary>
    private bool Apply(CodeRule code, FileRun file, RuleInFile w, PrefilterResult? worth)
    {
        foreach (var m in WithoutSharedDeclarationEdits(code, InPlusPlusOrder(w.Pending, w.PendingByInherited), file.Tree))
        {
            w.Transformer!.Add(new RuleMatch(code, m));
        }

        if (w.Inconsistencies.Count > 0)
        {
            file.Outcome.Failure = $"{code.Name}: {w.Inconsistencies[0]}";
            return false;
        }

        if (w.Transformer is { Conflict: { } conflict })
        {
            file.Outcome.Failure = $"{code.Name}: {new Diagnostic(DiagnosticId.AlreadyTaggedToken, null, default, Describe(conflict)).Message}";
            return false;
        }

        var macroChanges = MacroChanges(w.MacroTransformers);
        if (w.Transformer is not { HasEdits: true } && macroChanges.Count == 0)
        {
            return true;
        }

        var tree = file.Tree;
        var bytes = w.Transformer is { HasEdits: true } ? w.Transformer.Render() : tree.Text.Bytes.ToArray();
        if (macroChanges.Count > 0)
        {
            bytes = MacroBody.Splice(bytes, file.Path, macroChanges);
        }

        if (!bytes.AsSpan().SequenceEqual(tree.Text.Bytes))
        {
            file.Changed = true;
            file.Attribution?.Record(code.Name, tree.Text.Bytes, bytes);
            file.Tree = Parser.Parse(new SourceText(file.Path, bytes), _options.ParseOptions);
            file.Session = new FileSession(file.Tree, _options);
            file.MacroBodies = null;
            worth?.Add(bytes);
        }

        return true;
    }

    /// <summary>One file of a group while the patch runs on it: its current parse, outcome and what the rules left on it.</summary>
    private sealed class FileRun
    {
        public FileRun(SharedFile file, RunOptions options)
        {
            Outcome = new FileOutcome { Path = file.Source.Path, Original = file.Original };
            Session = First = file.SessionFor(options);
            Tree = Session.Tree;
            Outcome.Diagnostics.AddRange(Tree.Diagnostics);
            var census = Session.Census;
            (Outcome.Functions, Outcome.FunctionsWithErrors) = (census.Functions, census.FunctionsWithErrors);
            Outcome.FunctionsNotRead = options.ReadFunctionsSpatchSkips ? 0 : census.NotReadBySpatch.Count;
            Attribution = options.RecordChanges ? new ChangeAttribution(file.Source.Bytes) : null;
        }

        public string Path => Outcome.Path;

        public FileOutcome Outcome { get; }

        public FileSession Session { get; set; }

        /// <summary>The session the file began with, shared with the other patches that read the file (<see cref="Session"/> is a new one once the file changed).</summary>
        public FileSession First { get; }

        public SyntaxTree Tree { get; set; }

        public ChangeAttribution? Attribution { get; }

        public HashSet<(string Rule, int First, int Last)> StarRegions { get; } = [];

        public bool Changed { get; set; }

        public List<MacroBody>? MacroBodies { get; set; }
    }

    /// <summary>What one rule gathers in one file of the group before its change is made.</summary>
    private sealed class RuleInFile
    {
        public RuleInFile(CodeRule code, CompiledRule compiled, FileRun file, FreshNames fresh, bool matchOnly)
        {
            Transformer = code.Body.Transforms && !matchOnly ? new Transformer(file.Tree, fresh) : null;

            // A rule also matches in the bodies of the file's #defines, and changes them: a rule of one
            // term in any body, one over control flow in a body that is a statement or a function.
            InMacros = compiled.Shape is PatternShape.SingleTerm or PatternShape.Flow && HasDefine(file.Tree);
            Pending = Transformer is null ? null : [];
            PendingByInherited = Transformer is not null && HasPlusPlus(code.Body) ? [] : null;

            // Environments that agree on what the rule inherits share its matches (a rule that changes
            // the code is matched per environment, each match being applied once, and one with script
            // constraints too, each call of the script being made as before).
            Shared = code.Body.Transforms || HasScriptConstraint(code) ? null : [];
        }

        public Transformer? Transformer { get; }

        public bool InMacros { get; }

        public Dictionary<MacroBody, Transformer>? MacroTransformers { get; set; }

        public List<MatchState>? Pending { get; }

        public List<(Env Local, int First)>? PendingByInherited { get; }

        public Dictionary<Env, List<MatchState>>? Shared { get; }

        public List<string> Inconsistencies { get; } = [];

        /// <summary>The environments (as the rule sees them) whose matches are pending already.</summary>
        public HashSet<Env> Applied { get; } = [];
    }
}
