using Sevenspot.Cli.Spatch.Findings;
using Sevenspot.Engine;
using Sevenspot.Scripting;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Cli.Spatch;

internal sealed partial class SpatchDriver
{
    /// <summary>Whether a finalize rule failed (the status is then 255, as spatch's).</summary>
    private bool _scriptFailed;

    /// <summary>A script called cocci.exit(): the run ends after that file (finalize still runs).</summary>
    private bool _exitRequested;

    /// <summary>How many further runs scripts may ask for (an Iteration that registers itself forever must end).</summary>
    private const int MaxPendingInstances = 10000;

    /// <summary>Whether the last run got to some file's code (a further run then needs --in-place or --no-show-diff).</summary>
    private bool _lastRunProcessedFile;

    /// <summary>Further runs were refused because a change could not be carried into them: finalize does not run again.</summary>
    private bool _iterationStopped;

    /// <summary>Further runs of the semantic patch asked for by scripts (Iteration), in the order they run.</summary>
    private readonly PendingRuns _pendingInstances = new();

    /// <summary>
    /// The further runs asked for so far, kept as spatch 1.1.1 keeps them: the runs naming files go
    /// first, each one after the runs at the front that name the same files, else at the front; then
    /// the runs naming none, the last asked first. Asked for as [k a.c, f a.c, g b.c, g a.c, f b.c,
    /// k b.c], spatch runs f b.c, k b.c, g a.c, g b.c, k a.c, f a.c; as [v1, v2 a.c, v3], v2 a.c, v3, v1.
    /// </summary>
    internal sealed class PendingRuns
    {
        private readonly List<PendingInstance> _naming = [];
        private readonly List<PendingInstance> _unnamed = [];

        public int Count => _naming.Count + _unnamed.Count;

        public void Add(PendingInstance instance)
        {
            if (instance.Files is null)
            {
                _unnamed.Insert(0, instance);
                return;
            }

            int at = 0;
            while (at < _naming.Count && SameFiles(_naming[at].Files!, instance.Files))
            {
                at++;
            }

            _naming.Insert(at, instance);
        }

        public void AddRange(IEnumerable<PendingInstance> instances)
        {
            foreach (var instance in instances)
            {
                Add(instance);
            }
        }

        /// <summary>The next run to do; call only when <see cref="Count"/> is not 0.</summary>
        public PendingInstance Take()
        {
            var from = _naming.Count > 0 ? _naming : _unnamed;
            var next = from[0];
            from.RemoveAt(0);
            return next;
        }

        public void Clear()
        {
            _naming.Clear();
            _unnamed.Clear();
        }
    }

    /// <summary>
    /// Runs the semantic patch again for each instance scripts registered, with its virtual rules and
    /// identifiers, on its files (the same files when it names none); instances those runs register
    /// join the ones still waiting, in the order of <see cref="PendingRuns"/>. The python state
    /// carries over; initialize is not run again.
    /// </summary>
    private int RunPendingInstances(SmplFile patch, RunOptions options, List<string> inputs, string? directory, int status)
    {
        int done = 0;
        while (_pendingInstances.Count > 0 && done < MaxPendingInstances && !_exitRequested)
        {
            if (_lastRunProcessedFile && _settings.ShowDiff && !_settings.InPlace)
            {
                // A further run reads the files as they are on disk: a change shown as a diff would
                // be lost, so, as spatch 1.1.1 does (status 0), the runs stop here once a run got to
                // some file's code, whether or not it changed it.
                if (!_settings.VeryQuiet)
                {
                    WriteError("sevenspot: the further runs a script asked for (Iteration) read the files on disk, and this run's output is only shown: stopping; use --in-place or --no-show-diff");
                }

                _pendingInstances.Clear();
                _iterationStopped = true;
                break;
            }

            var instance = _pendingInstances.Take();
            done++;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (instance.ExtendIdentifiers)
            {
                foreach (var (name, value) in options.VirtualValues)
                {
                    values[name] = value;
                }
            }

            foreach (var (name, value) in instance.Identifiers)
            {
                values[name] = value;
            }

            var instanceOptions = options with
            {
                DefinedVirtuals = new HashSet<string>(instance.Virtuals, StringComparer.Ordinal),
                VirtualValues = values,
            };
            var files = instance.Files is null ? inputs : new List<string>(instance.Files);
            var runner = new SemanticPatchRunner(patch, instanceOptions);
            int instanceStatus = directory is null ? RunUnit(runner, files) : RunDirectory(runner, files, directory);
            _lastRunProcessedFile = (options.Scripts as DeferredScriptHosts)?.EndRun() ?? false;
            (options.Scripts as DeferredScriptHosts)?.Started?.SetFinalizeVirtuals(instanceOptions.DefinedVirtuals);
            status = status == 0 ? instanceStatus : status;
        }

        if (_pendingInstances.Count > 0 && !_exitRequested)
        {
            WriteError($"sevenspot: warning: stopped after {MaxPendingInstances} further runs asked for by scripts; {_pendingInstances.Count} more were not run");
            _pendingInstances.Clear();
        }

        return status;
    }

    /// <summary>
    /// Runs asked for by finalize rules: as spatch, they run (with the runs they ask for in turn) on
    /// the original files when they name none, then finalize runs again, merging only their states.
    /// </summary>
    private int RunFinalizePendingInstances(SmplFile patch, RunOptions options, List<string> inputs, string? directory, DeferredScriptHosts? scripts, int status)
    {
        int rounds = 0;
        while (!_exitRequested && scripts?.Started is { } started)
        {
            var pending = started.TakeFinalizePending();
            if (pending.Count == 0)
            {
                break;
            }

            if (rounds == MaxPendingInstances)
            {
                WriteError($"sevenspot: warning: finalize asked for further runs {MaxPendingInstances} times; the last {pending.Count} were not run");
                break;
            }

            rounds++;
            _pendingInstances.AddRange(pending);
            status = RunPendingInstances(patch, options, inputs, directory, status);
            status = FinishScripts(scripts, status);
        }

        return status;
    }

    private static bool SameFiles(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A script rule in a language other than python and ocaml: an error at the rule's header, with a caret.</summary>
    private static string? UnsupportedScript(SmplFile patch)
    {
        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule script && script.Language is not ("python" or "ocaml"))
            {
                var source = patch.SourceOf(rule);
                int offset = source.LineCount >= rule.Line ? source.GetLineStart(rule.Line) : 0;
                return new Diagnostic(DiagnosticId.ScriptLanguageUnsupported, source, new TextSpan(offset, 1), script.Language).ToStringWithCaret();
            }

            if (rule is CodeRule code)
            {
                foreach (var meta in code.Metavariables)
                {
                    foreach (var constraint in meta.Constraints)
                    {
                        if (constraint is ScriptConstraint { Language: not ("python" or "ocaml") } other)
                        {
                            var source = patch.SourceOf(rule);
                            return new Diagnostic(DiagnosticId.ScriptLanguageUnsupported, source, ConstraintSpan(source, rule.Line, meta.Name), other.Language).ToStringWithCaret();
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Where a metavariable with a script constraint is declared: the first line after the rule header that names it and says "script:".</summary>
    private static TextSpan ConstraintSpan(SourceText source, int ruleLine, string name)
    {
        for (int line = ruleLine + 1; line <= source.LineCount; line++)
        {
            string text = source.GetLineText(line);
            int at = text.IndexOf("script:", StringComparison.Ordinal);
            if (at >= 0 && text.Contains(name, StringComparison.Ordinal))
            {
                return new TextSpan(source.GetLineStart(line) + at, "script".Length);
            }

            if (text.StartsWith("@@", StringComparison.Ordinal))
            {
                break;
            }
        }

        return new TextSpan(source.LineCount >= ruleLine ? source.GetLineStart(ruleLine) : 0, 1);
    }

    /// <summary>
    /// The script workers for a patch that has scripts (null when it has none), started when a file
    /// first calls a script, or, when the patch has initialize or finalize rules, begun at once on
    /// another thread while the caller reads its other inputs (<see cref="ScriptsStarted"/> waits for it
    /// before the files).
    /// </summary>
    private DeferredScriptHosts? StartScripts(SmplFile patch, HashSet<string> defined)
    {
        if (!ScriptHosts.IsNeededBy(patch))
        {
            return null;
        }

        var scripts = new DeferredScriptHosts(patch, new ScriptOptions
        {
            Interpreter = _settings.Python ?? "python3",
            OCaml = _env.GetVariable("SEVENSPOT_OCAML") is { Length: > 0 } ocaml ? ocaml : "ocaml",
            StatePerFile = _settings.Jobs is not null,
            DefinedVirtuals = defined,
        });
        if (DeferredScriptHosts.HasInitializeOrFinalize(patch))
        {
            scripts.StartInBackground();
        }

        return scripts;
    }

    /// <summary>
    /// Waits for the start <see cref="StartScripts"/> began (a patch with initialize or finalize
    /// rules); false, with the error said, when the workers could not start.
    /// </summary>
    private bool ScriptsStarted(SmplFile patch, DeferredScriptHosts? scripts)
    {
        if (scripts is null || !DeferredScriptHosts.HasInitializeOrFinalize(patch) || scripts.Start(out string? error) is not null)
        {
            return true;
        }

        WriteError(error!);
        return false;
    }

    /// <summary>
    /// A file whose scripts could not start (a deferred start failed when it first called one): the
    /// error, said once per patch, and no output of that patch from then on. Alone the run stops there.
    /// </summary>
    private bool ReportScriptStartError(FileResult result)
    {
        if (result.ScriptStartError is not { } error)
        {
            return false;
        }

        if (_scriptStartErrors.Add(error))
        {
            WriteError(error);
        }

        return true;
    }

    /// <summary>Script start errors said so far (each once).</summary>
    private readonly HashSet<string> _scriptStartErrors = new(StringComparer.Ordinal);

    /// <summary>A file named by a finding made after the files ran, read to place its columns; null when it cannot be read.</summary>
    private byte[]? ReadForPlaces(string path)
    {
        try
        {
            return File.ReadAllBytes(_env.Resolve(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Runs the finalize rules after the files; one that fails makes the status 255, as spatch's.</summary>
    private int FinishScripts(DeferredScriptHosts? deferred, int status)
    {
        // Scripts that never ran were never started: no finalize rule (it would have started them), nothing to collect.
        if (deferred?.Started is not { } scripts || _iterationStopped)
        {
            return status;
        }

        var reported = new List<RuleFinding>();
        string output = scripts.RunFinalize(reported, out string? error);
        WriteScriptOutput(output);
        if (_settings.Format != RuleRunFormat.Text && reported.Count > 0)
        {
            _findings.AddRange(FindingCollector.Collect(reported, ReadForPlaces));
        }

        WriteErrorText(scripts.TakeStderr());
        if (error is not null)
        {
            WriteError(error);
            _scriptFailed = true;
        }

        return _scriptFailed && status == 0 ? 255 : status;
    }
}
