using Sevenspot.C;
using Sevenspot.Engine;
using Sevenspot.Scripting;
using Sevenspot.Smpl;

namespace Sevenspot.Cli.Spatch;

internal sealed partial class SpatchDriver
{
    /// <summary>With several patches: each runner's patch, as its findings name it (the .cocci path without the extension), in runner order.</summary>
    private readonly List<string> _patchNames = [];

    /// <summary>With several patches: whether each runner's patch has initialize or finalize rules (whose start the files may wait for), in runner order.</summary>
    private readonly List<bool> _patchStartRules = [];

    /// <summary>Several patches run: a hint on a patch names its file (see LoadPatch).</summary>
    private bool _manyPatches;

    /// <summary>
    /// Several semantic patches in one run (--sp-file repeated, or a folder of .cocci files): each C
    /// file is read once, and parsed once for all the patches that share the parser's settings (a
    /// patch that declares attribute, declarer or iterator names gets a parse of its own). Each patch
    /// keeps its own rules, metavariables and virtual rules, and prints for a file what it prints
    /// when run alone, in the order the patches were given. A patch that fails on a file is reported
    /// for that file ("EXN: ... in FILE") as in directory mode; the other patches go on.
    /// </summary>
    private int RunMany(List<string> files)
    {
        if (_settings.InPlace || _settings.OutPlace || _settings.Output is not null)
        {
            return Fail("--in-place, --out-place and -o take one semantic patch: each patch would rewrite the same files");
        }

        _manyPatches = true;
        var spFiles = ExpandPatchFiles(out int status);
        if (spFiles is null)
        {
            return status;
        }

        var (defined, values) = SplitDefines();

        var macros = LoadMacros(out status);
        if (macros is null)
        {
            return status;
        }

        var runners = new List<SemanticPatchRunner>();
        var hosts = new List<(DeferredScriptHosts Host, string SpFile)>();
        var iterating = new HashSet<DeferredScriptHosts>();
        try
        {
            status = RunMany(files, spFiles, defined, values, macros, runners, hosts, iterating);

            // Each patch ends in the patches' order: its finalize rules, or, for a patch whose scripts
            // asked for further runs, the error saying they cannot run here (alone its finalize would
            // come after those runs: it does not run on a run cut short, as when spatch aborts one).
            foreach (var (host, spFile) in hosts)
            {
                host.EndRun();
                if (iterating.Contains(host))
                {
                    WriteError(IterationRefused(spFile));
                    status = 255;
                    continue;
                }

                status = FinishScripts(host, status);
                if (host.Started?.TakeFinalizePending() is { Count: > 0 })
                {
                    WriteError(IterationRefused(spFile));
                    status = 255;
                }
            }

            return status;
        }
        finally
        {
            foreach (var (host, _) in hosts)
            {
                host.Dispose();
            }
        }
    }

    private int RunMany(List<string> files, List<string> spFiles, HashSet<string> defined, Dictionary<string, string> values, MacroTable macros,
        List<SemanticPatchRunner> runners, List<(DeferredScriptHosts Host, string SpFile)> hosts, HashSet<DeferredScriptHosts> iterating)
    {
        int status = 0;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        int skipped = 0;
        var runnerFiles = new List<string>();
        long settingUp = System.Diagnostics.Stopwatch.GetTimestamp();
        var early = new Task<SmplParseResult?>[spFiles.Count];
        for (int i = 0; i < spFiles.Count; i++)
        {
            early[i] = ParseAhead(spFiles[i]);
        }

        for (int p = 0; p < spFiles.Count; p++)
        {
            string spFile = spFiles[p];
            var patch = LoadPatch(spFile, out status, early[p]);
            if (patch is null)
            {
                // Its errors are out; the other patches still run, and the exit status says so.
                Skip(spFile, ref skipped);
                continue;
            }

            foreach (string v in patch.Virtuals)
            {
                declared.Add(v);
            }

            if (!RuleActivity.AnyRuleApplies(patch, defined, values))
            {
                // Alone it would stop the run ("No rules apply"); among others it is left out, with a word.
                WriteError($"{spFile}: no rules apply with these virtual rules; skipped");
                continue;
            }

            if (MixedMarks(patch, defined) is { } mixed)
            {
                WriteError(mixed);
                Skip(spFile, ref skipped);
                continue;
            }

            var isos = LoadIsomorphisms(patch, spFile);
            if (isos is null)
            {
                Skip(spFile, ref skipped);
                continue;
            }

            if (UnsupportedScript(patch) is { } unsupported)
            {
                WriteError(unsupported);
                Skip(spFile, ref skipped);
                continue;
            }

            // Initialize rules start in the background while the next patches are read; the start is waited for below.
            var scripts = StartScripts(patch, defined);
            if (scripts is not null)
            {
                hosts.Add((scripts, spFile));
            }

            _patchNames.Add(Path.ChangeExtension(spFile, null));
            _patchStartRules.Add(DeferredScriptHosts.HasInitializeOrFinalize(patch));
            runnerFiles.Add(spFile);
            // The same macro table object for every patch; the runner adds the names a patch declares
            // (a new table then), so the patches that add none share one parse of each file. Each
            // patch's own choice of function bodies would part the patches' one parse of a file.
            var runner = new SemanticPatchRunner(patch, RunOptionsFor(defined, values, macros, isos, scripts, parseNeededBodiesOnly: false));
            runners.Add(runner);

            // Its prefilter is built on the thread pool while the next patches are set up, not by the
            // first file's worker while the other workers wait for it on the same patch.
            if (runner.Options.UsePrefilter)
            {
                _ = Task.Run(() => runner.Prefilter);
            }
        }

        _profile?.Add("patches read and set up", settingUp);
        if (runners.Count == 0)
        {
            return skipped > 0 ? 255 : Fail(NoRulesApply(string.Empty));
        }

        // PERF: the files do not wait for the script workers' start (see Run): what the start says,
        // and what the checks below say after it, is written before the first file's output.
        var dropped = new bool[runners.Count];
        bool? ready = null;
        string? undeclared = null;
        foreach (string d in _settings.Defines)
        {
            if (!d.Contains('=', StringComparison.Ordinal) && !declared.Contains(d))
            {
                undeclared ??= d;
            }
        }

        List<string>? inputs = null;
        string? directory = null;
        string listing = string.Empty;
        if (undeclared is null)
        {
            _heldErrors = new System.Text.StringBuilder();
            inputs = SelectInputs(files, out directory, out status);
            listing = _heldErrors.ToString();
            _heldErrors = null;
        }

        if (undeclared is not null || inputs is null)
        {
            return !ScriptsReady() ? 255 : undeclared is not null ? Fail($"virtual rule {undeclared} not supported") : status;
        }

        string? patchDirectory = directory is null ? null : _settings.Patch ?? directory;
        TimeSpan? deadline = HardDeadline is { } one ? one * Math.Max(1, runners.Count) : null;
        bool stopped = false;
        _filesStarted = true;
        _profile?.FilesStarting(Jobs);
        WorkerPool.RunOrdered(
            inputs,
            Jobs,
            f => Profiled(f, f => ProcessMany(runners, f, patchDirectory, dropped)),
            (_, results) =>
            {
                if (!stopped && ScriptsFailed(ScriptsReady))
                {
                    stopped = true;
                }

                if (stopped)
                {
                    return;
                }

                // A file that could not be read, or was given up on, has one result for all the patches.
                bool perPatch = results.Count == runners.Count;
                for (int i = 0; i < results.Count; i++)
                {
                    if (perPatch && dropped[i])
                    {
                        continue;
                    }

                    if (perPatch && results[i].PendingInstances.Count > 0)
                    {
                        // Kept for the patch's end (see the caller): the further runs it asks for cannot run here.
                        iterating.Add((DeferredScriptHosts)runners[i].Options.Scripts!);
                        results[i].PendingInstances = [];
                    }

                    if (perPatch && ReportScriptStartError(results[i]))
                    {
                        // Its scripts could not start on this file: alone it would stop here. Nothing more of
                        // it is printed, and the workers leave it out of the files they have not begun.
                        status = 255;
                        Volatile.Write(ref dropped[i], true);
                        continue;
                    }

                    EmitMany(results[i], ref status);
                }
            },
            deadline,
            path => [Abandoned(path)],
            WorkOrder(inputs));
        _profile?.FilesEnded();
        if (ScriptsFailed(ScriptsReady))
        {
            return 255; // no patch's script workers could start: their errors are said, nothing else
        }
        foreach (var (host, _) in hosts)
        {
            if (host.Started?.TakeInitializePending() is { Count: > 0 })
            {
                iterating.Add(host);
            }
        }

        return skipped > 0 && status == 0 ? 255 : status;

        // Waits, once, for the patches' script workers, in the patches' order: a patch whose workers
        // could not start is left out (dropped), as one that does not load; false when none is left.
        bool ScriptsReady()
        {
            if (ready is { } known)
            {
                return known;
            }

            long waiting = System.Diagnostics.Stopwatch.GetTimestamp();
            bool any = false;
            for (int i = 0; i < runners.Count; i++)
            {
                var scripts = runners[i].Options.Scripts as DeferredScriptHosts;
                if (!ScriptsStarted(runners[i].Patch, scripts))
                {
                    // Left out; its hosts are disposed with the others' once no worker can hold them
                    // (a worker may be running this patch on a file right now).
                    Skip(runnerFiles[i], ref skipped);
                    Volatile.Write(ref dropped[i], true);
                    continue;
                }

                any = true;
                WriteScriptOutput(scripts?.Started?.InitializeOutput ?? string.Empty);
            }

            _profile?.Add("initialize scripts waited for", waiting);
            if (any)
            {
                WriteErrorText(listing);
            }

            ready = any;
            return any;
        }
    }

    /// <summary>The error for a patch whose scripts asked for further runs of it (Iteration), which a run of several patches cannot do.</summary>
    private static string IterationRefused(string spFile) =>
        $"{spFile}: cocci.add_pending_instance (Iteration) is not supported when several semantic patches run together; run that patch alone";

    /// <summary>A patch of the run that cannot run: said on stderr (after its own errors), left out, counted.</summary>
    private void Skip(string spFile, ref int skipped)
    {
        WriteError($"{spFile}: this semantic patch cannot run; skipped, the others go on");
        skipped++;
    }

    /// <summary>The .cocci files named by --sp-file, a folder standing for the .cocci files under it (sorted by path).</summary>
    private List<string>? ExpandPatchFiles(out int status)
    {
        status = 0;
        var result = new List<string>();
        foreach (string spFile in _settings.SpFiles)
        {
            string full = _env.Resolve(spFile);
            if (!Directory.Exists(full))
            {
                result.Add(spFile);
                continue;
            }

            var found = new List<string>();
            foreach (string path in Directory.EnumerateFiles(full, "*.cocci", SearchOption.AllDirectories))
            {
                found.Add(Path.Join(spFile, Path.GetRelativePath(full, path)));
            }

            found.Sort(StringComparer.Ordinal);
            if (found.Count == 0)
            {
                WriteError($"sevenspot: {spFile}: no .cocci file in this folder");
                status = 2;
                return null;
            }

            result.AddRange(found);
        }

        return result;
    }

    /// <summary>
    /// Every patch on one file, the file read once and each distinct parse and session made once; a
    /// patch left out (<paramref name="dropped"/>: its script workers could not start) gives an empty result.
    /// </summary>
    private List<FileResult> ProcessMany(List<SemanticPatchRunner> runners, string path, string? patchDirectory, bool[] dropped)
    {
        long reading = System.Diagnostics.Stopwatch.GetTimestamp();
        bool ruledOut = RuledOut(runners, path, out byte[]? bytes, out var scans);
        _profile?.Add("files read and prefiltered", reading);
        if (ruledOut)
        {
            var skipped = new List<FileResult>(runners.Count);
            for (int i = 0; i < runners.Count; i++)
            {
                skipped.Add(RuledOutResult(path, patchDirectory));
            }

            return skipped;
        }

        try
        {
            bytes ??= File.ReadAllBytes(_env.Resolve(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new FileResult { Path = path, Status = FileStatus.Failed, Message = $"cannot read {path}: {e.Message}" }];
        }

        // Each distinct parse of the file, with its types, control-flow graphs and #define bodies, is made once for all the patches.
        var file = Remembering(new SharedFile(new Sevenspot.Text.SourceText(path, bytes)), scans);
        file.ReadBy(runners); // a graph one patch builds is kept for a later one that may check the function
        var results = new List<FileResult>(runners.Count);
        long sharedBefore = Sevenspot.Engine.SharedWorkClock.Ticks, sharedAtStart = sharedBefore;
        for (int i = 0; i < runners.Count; i++)
        {
            if (Left(runners[i], _patchStartRules[i], ref dropped[i]))
            {
                results.Add(new FileResult { Path = path });
                continue;
            }

            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            file.Reading = i;
            var result = Process(runners[i], path, file, patchDirectory);
            if (_profile is not null)
            {
                // The file's parse, types, graphs and #define bodies are made for the first patch that
                // reads them and serve the others: counted apart, not as that patch's.
                long shared = Sevenspot.Engine.SharedWorkClock.Ticks;
                long ticks = System.Diagnostics.Stopwatch.GetTimestamp() - started - (shared - sharedBefore);
                sharedBefore = shared;
                _profile.AddTicks(_patchNames[i], ticks);
                _profile.PatchOnFile(_patchNames[i], ticks);
            }
            QualifyRules(result, _patchNames[i]);
            results.Add(result);
        }

        // The file's parse is shared: what did not parse, or is not matched in, is said once for the file, not once per patch.
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (result.ParseWarnings.Length > 0 && !said.Add(result.ParseWarnings))
            {
                result.ParseWarnings = string.Empty;
            }
        }

        _profile?.AddTicks("files parsed, typed, graphed, #define bodies read", Sevenspot.Engine.SharedWorkClock.Ticks - sharedAtStart);
        return results;
    }

    /// <summary>
    /// Whether a worker leaves a patch out of a file: it was dropped, or its initialize or finalize
    /// rules' start is known to have failed (then the patch is dropped before any file's output, and
    /// whatever it would give is not printed; it is not waited for).
    /// </summary>
    private static bool Left(SemanticPatchRunner runner, bool hasStartRules, ref bool dropped) =>
        Volatile.Read(ref dropped) || (hasStartRules && runner.Options.Scripts is DeferredScriptHosts { StartFailed: true });

    /// <summary>With several patches, a finding's rule is named with its patch ("free/kfree:r"): rule names repeat across patches.</summary>
    private static void QualifyRules(FileResult result, string patchName)
    {
        for (int i = 0; i < result.Findings.Count; i++)
        {
            var finding = result.Findings[i];
            var rules = new List<string>(finding.Rules.Count);
            foreach (string rule in finding.Rules)
            {
                rules.Add(patchName + ":" + rule);
            }

            result.Findings[i] = finding with { Rule = patchName + ":" + finding.Rule, Rules = rules };
        }
    }

    /// <summary>One patch's result for a file (or the file's one result for all of them), as directory mode prints it.</summary>
    private void EmitMany(FileResult result, ref int status)
    {
        if (ReportFailure(result))
        {
            return;
        }

        Emit(result, ref status);
    }
}
