using System.Text.Json.Nodes;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Scripting;

/// <summary>How the script side of a run is set up.</summary>
public sealed class ScriptOptions
{
    /// <summary>The python interpreter (--python); "python3" on the PATH by default.</summary>
    public string Interpreter { get; init; } = "python3";

    /// <summary>The ocaml toplevel ("ocaml" on the PATH by default; the command takes $SEVENSPOT_OCAML).</summary>
    public string OCaml { get; init; } = "ocaml";

    /// <summary>
    /// Each C file starts from the state the initialize rules left (the worker forks per file), and
    /// finalize sees that state too, merging only the files' states. This is what spatch does with
    /// --jobs (its workers are forked after initialize; finalize runs in the parent and merges the
    /// workers' states), and it makes the output the same for any number of workers. Without it one
    /// worker's state carries from file to file, as spatch without --jobs.
    /// </summary>
    public bool StatePerFile { get; init; }

    /// <summary>Virtual rules set with -D (for the dependencies of initialize and finalize rules).</summary>
    public IReadOnlySet<string> DefinedVirtuals { get; init; } = new HashSet<string>();
}

/// <summary>
/// Runs the rules of a semantic patch written in one script language: one long-lived worker per
/// concurrent file, each loaded with every script of that language in the patch (compiled once, so
/// a syntax or type error is found before any script runs) and set up by the initialize rules.
/// </summary>
public sealed class ScriptHost : IScriptHost, IDisposable
{
    private readonly SmplFile _patch;
    private readonly ScriptOptions _options;
    private readonly ScriptLanguage _language;
    private readonly ScriptProgram _program;
    private readonly Dictionary<Rule, int> _ruleIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ScriptConstraint, int> _expressionIds = new(ReferenceEqualityComparer.Instance);
    private readonly JsonObject _load;
    private readonly Stack<ScriptWorker> _idle = new();
    private readonly List<ScriptWorker> _all = [];
    private readonly object _gate = new();

    /// <summary>Disposed: a file that opens afterwards gets this error, and no worker is started.</summary>
    private bool _disposed;
    private ScriptWorker? _first;
    private string _initializeOutput = string.Empty;

    private ScriptHost(SmplFile patch, ScriptOptions options, ScriptLanguage language)
    {
        _patch = patch;
        _options = options;
        _language = language;
        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule script && script.Language == language.Name)
            {
                _ruleIds[script] = _ruleIds.Count;
            }
        }

        var expressions = new List<(CodeRule, Metavariable, ScriptConstraint)>();
        foreach (var (rule, meta, constraint) in ScriptConstraints(patch, language.Name))
        {
            _expressionIds[constraint] = _expressionIds.Count;
            expressions.Add((rule, meta, constraint));
        }

        _program = new ScriptProgram
        {
            Patch = patch,
            RuleIds = _ruleIds,
            Expressions = expressions,
            Interpreter = language == OCamlLanguage.Instance ? options.OCaml : options.Interpreter,
        };

        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule { ScriptKind: ScriptKind.Finalize } finalize && finalize.Language == language.Name)
            {
                foreach (var binding in finalize.Bindings)
                {
                    if (binding.Rule == "merge" && binding.RuleVariable is { } merged && !_mergeNames.Contains(merged))
                    {
                        _mergeNames.Add(merged);
                    }
                }
            }
        }

        _load = language.LoadRequest(_program, options.StatePerFile);
    }

    /// <summary>The variables finalize rules collect with "x << merge.y;".</summary>
    private readonly List<string> _mergeNames = [];

    /// <summary>What each file's state held of them at its end (state per file), by file.</summary>
    private readonly List<(string File, JsonObject Kept)> _kept = [];

    private JsonArray MergeNames()
    {
        var names = new JsonArray();
        foreach (string name in _mergeNames)
        {
            names.Add((JsonNode?)name);
        }

        return names;
    }

    /// <summary>
    /// The state at the end of each run of the patch since the last finalize (the first run, then
    /// each further run scripts asked for): finalize merges one value per run, as spatch does.
    /// </summary>
    private readonly List<JsonObject> _runStates = [];

    /// <summary>Further runs the initialize rules asked for: they follow the first run over the files.</summary>
    private readonly List<PendingInstance> _initializePending = [];

    /// <summary>Further runs the finalize rules asked for (iteration#register, Iteration().register()).</summary>
    private readonly List<PendingInstance> _finalizePending = [];

    /// <summary>
    /// The virtual rules finalize's dependencies are read against: those of the last run of the patch
    /// (a further run asked for by Iteration defines its own), as spatch reads them.
    /// </summary>
    public IReadOnlySet<string>? FinalizeVirtuals { get; set; }

    /// <summary>Whether some run since the last finalize got to a file's code (its state is then merged).</summary>
    private bool _processedAnyFile;

    /// <summary>
    /// Marks the end of one run of the patch over its files: keeps what finalize will merge of the
    /// state. A run the prefilter kept from every file adds nothing (spatch's merged list is then empty).
    /// </summary>
    public void EndRun(bool processedAnyFile)
    {
        _processedAnyFile |= processedAnyFile;
        if (!processedAnyFile || _mergeNames.Count == 0 || _options.StatePerFile || _first is null)
        {
            return;
        }

        if (_first.Call(new JsonObject { ["op"] = "state", ["merge"] = MergeNames() })?["kept"] is JsonObject kept)
        {
            _runStates.Add(kept);
        }
    }

    /// <summary>Moves into <paramref name="into"/> the further runs the initialize rules asked for.</summary>
    public void TakeInitializePending(List<PendingInstance> into)
    {
        into.AddRange(_initializePending);
        _initializePending.Clear();
    }

    /// <summary>Moves into <paramref name="into"/> the further runs the finalize rules asked for.</summary>
    public void TakeFinalizePending(List<PendingInstance> into)
    {
        into.AddRange(_finalizePending);
        _finalizePending.Clear();
    }

    /// <summary>
    /// Gives each "x << merge.y" of the finalize rules the values of coccinelle.y collected from every
    /// state, in file order. With a state per file only the files' states are merged, not the one
    /// finalize runs in: spatch's finalize merges its workers' states, never its own.
    /// </summary>
    private bool SendMerged(ScriptWorker worker)
    {
        if (_mergeNames.Count == 0)
        {
            return true;
        }

        var states = new List<JsonObject>();
        if (_runStates.Count > 0)
        {
            states.AddRange(_runStates);
            _runStates.Clear();
        }
        else if (!_options.StatePerFile && _processedAnyFile && worker.Call(new JsonObject { ["op"] = "state", ["merge"] = MergeNames() })?["kept"] is JsonObject own)
        {
            states.Add(own);
        }

        _processedAnyFile = false;
        lock (_gate)
        {
            _kept.Sort(static (a, b) => string.CompareOrdinal(a.File, b.File));
            foreach (var (_, kept) in _kept)
            {
                states.Add(kept);
            }
        }

        var merged = new JsonObject();
        foreach (var rule in _patch.Rules)
        {
            if (rule is not ScriptRule { ScriptKind: ScriptKind.Finalize } finalize || finalize.Language != _language.Name)
            {
                continue;
            }

            foreach (var binding in finalize.Bindings)
            {
                if (binding.Rule != "merge")
                {
                    continue;
                }

                var values = new JsonArray();
                foreach (var state in states)
                {
                    if (state[binding.RuleVariable!] is JsonValue v)
                    {
                        values.Add(v.DeepClone());
                    }
                }

                merged[binding.Name] = values;
            }
        }

        return worker.Call(new JsonObject { ["op"] = "merged", ["merged"] = merged }) is not null;
    }

    /// <summary>Whether a semantic patch has scripts in a language.</summary>
    internal static bool IsNeededBy(SmplFile patch, string language)
    {
        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule script && script.Language == language)
            {
                return true;
            }
        }

        foreach (var _ in ScriptConstraints(patch, language))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Starts the first worker, compiles every script and runs the initialize rules. On failure
    /// (no interpreter, a syntax or type error, an initialize rule that raises) gives null and the
    /// error, located in the semantic patch where it can be.
    /// </summary>
    internal static ScriptHost? Start(SmplFile patch, ScriptOptions options, ScriptLanguage language, out string? error)
    {
        var host = new ScriptHost(patch, options, language);
        var worker = host.NewWorker(out error, out string output);
        if (worker is null)
        {
            host.Dispose();
            return null;
        }

        host._first = worker;
        host._initializeOutput = output;
        host._idle.Push(worker);
        return host;
    }

    /// <summary>What the initialize rules printed (once per run).</summary>
    public string InitializeOutput => _initializeOutput;

    /// <summary>The language of this host's scripts.</summary>
    public string Language => _language.Name;

    /// <summary>Hands the finalize rules what they merge from every file's state; null, or an error.</summary>
    public string? PrepareFinalize()
    {
        if (_first is not null && !SendMerged(_first))
        {
            return $"the {_language.Name} worker stopped before finalize:\n" + _first.TakeStderr();
        }

        return null;
    }

    /// <summary>
    /// Runs one finalize rule of this host's language; gives what it printed, or an error, and adds
    /// to <paramref name="findings"/> what it reported through coccilib (places merged from the files).
    /// </summary>
    public string RunFinalize(ScriptRule rule, List<ScriptFinding> findings, out string? error)
    {
        error = null;
        if (_first is null || !RuleActivity.StartOrEndRuleRuns(_patch, rule, FinalizeVirtuals ?? _options.DefinedVirtuals))
        {
            return string.Empty;
        }

        var answer = _first.Call(RunRequest(rule, []));
        if (answer is null || answer["error"] is not null)
        {
            error = RuleError(rule, answer, _first, _language.Name);
            return string.Empty;
        }

        if (answer["findings"] is JsonArray reported)
        {
            findings.AddRange(Session.Findings(reported));
        }

        if (answer["pending"] is JsonArray pending)
        {
            _finalizePending.AddRange(Session.Pending(pending));
        }

        return (string?)answer["out"] ?? string.Empty;
    }

    /// <summary>What the workers wrote on stderr that was not shown yet.</summary>
    public string TakeStderr()
    {
        lock (_gate)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var worker in _all)
            {
                sb.Append(worker.TakeStderr());
            }

            return sb.ToString();
        }
    }

    public IScriptFileSession OpenFile(string path)
    {
        ScriptWorker? worker;
        string? error = null;
        lock (_gate)
        {
            if (_disposed)
            {
                // A file given up on at the deadline may open after the run ended: no new interpreter.
                return new Session(this, null, path, Stopped);
            }

            _idle.TryPop(out worker);
        }

        worker ??= NewWorker(out error, out _);
        return new Session(this, worker, path, error);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var worker in _all)
            {
                worker.Dispose();
            }

            _all.Clear();
            _idle.Clear();
        }

        _language.Release(_program);
    }

    /// <summary>The error of a call on hosts that were disposed.</summary>
    internal const string Stopped = "the script workers were stopped";

    /// <summary>A new worker, loaded and initialized; what its initialize rules printed.</summary>
    private ScriptWorker? NewWorker(out string? error, out string output)
    {
        output = string.Empty;
        var info = _language.StartInfo(_program, out string cannotRun);
        var worker = ScriptWorker.Start(info, cannotRun, out error);
        if (worker is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                worker.Dispose();
                error = Stopped;
                return null;
            }

            _all.Add(worker);
        }

        var loaded = worker.Call((JsonObject)_load.DeepClone());
        if (loaded is null)
        {
            string stderr = worker.TakeStderr();
            error = _language.LoadFailure(_program, stderr)
                ?? $"the {_language.Name} worker ({_program.Interpreter}) stopped while loading the scripts:\n{stderr}".TrimEnd('\n');
            return null;
        }

        if ((string?)loaded["error"] == "syntax")
        {
            error = SyntaxError(loaded);
            return null;
        }

        _language.Loaded(_program, loaded);

        var text = new System.Text.StringBuilder();
        text.Append((string?)loaded["out"]);
        foreach (var rule in _patch.Rules)
        {
            if (!_language.InitializesAtLoad && rule is ScriptRule { ScriptKind: ScriptKind.Initialize } script && script.Language == _language.Name && RuleActivity.StartOrEndRuleRuns(_patch, script, _options.DefinedVirtuals))
            {
                var answer = worker.Call(RunRequest(script, []));
                if (answer is null || answer["error"] is not null)
                {
                    error = RuleError(script, answer, worker, _language.Name);
                    return null;
                }

                text.Append((string?)answer["out"]);
                if (_first is null && answer["pending"] is JsonArray pending)
                {
                    // Runs asked for by initialize, once: the further workers' initialize asks for them again.
                    _initializePending.AddRange(Session.Pending(pending));
                }
            }
        }

        output = text.ToString();
        return worker;
    }

    private string SyntaxError(JsonObject answer)
    {
        int id = (int?)answer["id"] ?? 0;
        int line = (int?)answer["line"] ?? 1;
        int column = (int?)answer["col"] ?? 0;
        string what = "script";
        if (answer["expr"] is null)
        {
            foreach (var (rule, ruleId) in _ruleIds)
            {
                if (ruleId == id)
                {
                    what = rule.ErrorName;
                }
            }
        }
        else if (id >= 0 && id < _program.Expressions.Count)
        {
            what = $"script constraint in {_program.Expressions[id].Rule.ErrorName}";
        }

        var source = _patch.Source;
        line = Math.Clamp(line, 1, Math.Max(1, source.LineCount));
        int offset = source.LineCount == 0 ? 0 : Math.Min(source.GetLineStart(line) + column, source.Length);
        var diagnostic = new Diagnostic(DiagnosticId.ScriptSyntaxError, source, new TextSpan(offset, 0), what, (string?)answer["message"] ?? "invalid syntax");
        return diagnostic.ToStringWithCaret();
    }

    private static string RuleError(ScriptRule rule, JsonObject? answer, ScriptWorker worker, string language)
    {
        string detail = answer is null ? $"the {language} worker stopped:\n" + worker.TakeStderr() : (string?)answer["error"] ?? string.Empty;
        return $"{rule.ErrorName} failed:\n{detail.TrimEnd('\n')}";
    }

    private JsonObject RunRequest(ScriptRule rule, IReadOnlyList<ScriptInput> inputs)
    {
        var args = _language.Arguments(inputs);
        var outputs = new JsonArray();
        foreach (var binding in rule.Bindings)
        {
            if (binding.Rule is null)
            {
                outputs.Add((JsonNode?)binding.Name);
            }
        }

        return new JsonObject { ["op"] = "run", ["id"] = _ruleIds[rule], ["args"] = args, ["outputs"] = outputs };
    }

    private static IEnumerable<(CodeRule Rule, Metavariable Meta, ScriptConstraint Constraint)> ScriptConstraints(SmplFile patch, string language)
    {
        foreach (var rule in patch.CodeRules)
        {
            foreach (var meta in rule.Metavariables)
            {
                foreach (var constraint in meta.Constraints)
                {
                    if (constraint is ScriptConstraint script && script.Language == language)
                    {
                        yield return (rule, meta, script);
                    }
                }
            }
        }
    }

    private void Release(ScriptWorker worker, bool healthy)
    {
        lock (_gate)
        {
            if (healthy)
            {
                _idle.Push(worker);
            }
            else
            {
                _all.Remove(worker);
                worker.Dispose();
            }
        }
    }

    /// <summary>One C file on one worker: "begin" on the first call, "end" when disposed.</summary>
    private sealed class Session : IScriptFileSession
    {
        private readonly ScriptHost _host;
        private readonly ScriptWorker? _worker;
        private readonly string _path;
        private readonly string? _startError;
        private bool _begun;
        private bool _healthy = true;

        public Session(ScriptHost host, ScriptWorker? worker, string path, string? startError)
        {
            _host = host;
            _worker = worker;
            _path = path;
            _startError = startError;
        }

        public ScriptCallResult RunRule(ScriptRule rule, IReadOnlyList<ScriptInput> inputs) =>
            Call(_host.RunRequest(rule, inputs));

        public ScriptCallResult Evaluate(ScriptConstraint script, IReadOnlyList<ScriptInput> inputs)
        {
            var args = _host._language.Arguments(inputs);
            return Call(new JsonObject { ["op"] = "eval", ["id"] = _host._expressionIds[script], ["args"] = args });
        }

        public void Dispose()
        {
            if (_worker is null)
            {
                return;
            }

            if (_begun && _healthy)
            {
                var answer = _worker.Call(new JsonObject { ["op"] = "end", ["merge"] = _host.MergeNames() });
                if (answer is null)
                {
                    _healthy = false;
                }
                else if (answer["kept"] is JsonObject kept && kept.Count > 0)
                {
                    lock (_host._gate)
                    {
                        _host._kept.Add((_path, (JsonObject)kept.DeepClone()));
                    }
                }
            }

            _host.Release(_worker, _healthy);
        }

        private ScriptCallResult Call(JsonObject request)
        {
            if (_worker is null)
            {
                return new ScriptCallResult { Error = _startError ?? $"no {_host._language.Name} worker" };
            }

            if (!_begun)
            {
                _begun = true;
                if (_worker.Call(new JsonObject { ["op"] = "begin", ["file"] = _path }) is null)
                {
                    _healthy = false;
                }
            }

            var answer = _healthy ? _worker.Call(request) : null;
            if (answer is null)
            {
                _healthy = false;
                return new ScriptCallResult { Error = $"the {_host._language.Name} worker stopped:\n" + _worker.TakeStderr() };
            }

            var outputs = new Dictionary<string, MetaValue>(StringComparer.Ordinal);
            if (answer["outputs"] is JsonObject values)
            {
                foreach (var (name, value) in values)
                {
                    if (value is JsonObject v)
                    {
                        outputs[name] = ScriptValues.FromJson(v);
                    }
                }
            }

            return new ScriptCallResult
            {
                Output = (string?)answer["out"] ?? string.Empty,
                Include = (bool?)answer["include"] ?? true,
                Outputs = outputs,
                Error = (string?)answer["error"],
                ExitRequested = (bool?)answer["exit"] ?? false,
                BooleanValue = (bool?)answer["bool"],
                Value = answer["value"] is JsonObject value1 ? ScriptValues.FromJson(value1) : null,
                PendingInstances = answer["pending"] is JsonArray pending ? Pending(pending) : [],
                Findings = answer["findings"] is JsonArray findings ? Findings(findings) : [],
            };
        }

        /// <summary>The reports a call made through coccilib: a message and its places, the first the main one.</summary>
        internal static List<ScriptFinding> Findings(JsonArray findings)
        {
            var result = new List<ScriptFinding>(findings.Count);
            foreach (var item in findings)
            {
                if (item is not JsonObject o || o["places"] is not JsonArray places)
                {
                    continue;
                }

                var locations = new List<RuleFindingLocation>(places.Count);
                foreach (var place in places)
                {
                    if (place is JsonObject p)
                    {
                        locations.Add(new RuleFindingLocation(
                            (string?)p["file"] ?? string.Empty,
                            new LinePosition((int?)p["l"] ?? 0, (int?)p["c"] ?? 0),
                            new LinePosition((int?)p["le"] ?? 0, (int?)p["ce"] ?? 0),
                            (string?)p["label"]));
                    }
                }

                if (locations.Count > 0)
                {
                    result.Add(new ScriptFinding((string?)o["msg"] ?? string.Empty, locations));
                }
            }

            return result;
        }

        internal static List<PendingInstance> Pending(JsonArray pending)
        {
            var result = new List<PendingInstance>();
            foreach (var item in pending)
            {
                if (item is not JsonObject o)
                {
                    continue;
                }

                List<string>? files = null;
                if (o["files"] is JsonArray fileArray)
                {
                    files = [];
                    foreach (var f in fileArray)
                    {
                        files.Add((string?)f ?? string.Empty);
                    }
                }

                var virtuals = new List<string>();
                foreach (var v in o["virtuals"] as JsonArray ?? [])
                {
                    virtuals.Add((string?)v ?? string.Empty);
                }

                var ids = new List<KeyValuePair<string, string>>();
                foreach (var pair in o["ids"] as JsonArray ?? [])
                {
                    if (pair is JsonArray { Count: 2 } kv)
                    {
                        ids.Add(new((string?)kv[0] ?? string.Empty, (string?)kv[1] ?? string.Empty));
                    }
                }

                result.Add(new PendingInstance(files, virtuals, ids, (bool?)o["extend"] ?? false));
            }

            return result;
        }
    }
}
