using System.Text;
using Sevenspot.C;
using Sevenspot.Cli.Spatch.Findings;
using Sevenspot.Engine;
using Sevenspot.Scripting;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Cli.Spatch;

/// <summary>
/// The spatch-compatible command: applies a semantic patch to C files, prints the diff, writes
/// -o, or rewrites in place, with spatch's exit statuses and messages. One file, or several files
/// named on the command line, form one unit: a failure in any of them prints nothing and exits
/// with 255. A directory (the last argument, with or without --dir) is processed file by file:
/// a failing file gets an "EXN: ... in FILE" line on stderr, the others are still printed, and
/// the exit status is 0.
/// </summary>
internal sealed partial class SpatchDriver
{
    private const string SpatchCompatibleVersion = "1.1.1";

    private readonly SpatchSettings _settings;
    private readonly SpatchEnvironment _env;
    private readonly Stream _out;
    private RunProgress _progress;

    /// <summary>With --format: the findings of every file, and the files that failed, written when the run ends.</summary>
    private readonly List<FindingRecord> _findings = [];
    private readonly List<FailedFile> _failures = [];
    private readonly HashSet<string> _filesRun = new(StringComparer.Ordinal);
    private bool _filesStarted;

    /// <summary>With --profile: where the run's time goes.</summary>
    private readonly RunProfile? _profile;

    /// <summary>The listing of the directory argument started ahead (see <see cref="ListAhead"/>): the directory as given, its files, their sizes.</summary>
    private (string Directory, Task<(List<string> Files, long[]? Sizes)> Listing)? _listingAhead;

    private SpatchDriver(SpatchSettings settings, SpatchEnvironment environment, Stream output)
    {
        _settings = settings;
        _env = environment;
        _out = output;
        _progress = new RunProgress(environment, settings, 0, 0);
        _profile = settings.Profile ? new RunProfile() : null;
    }

    /// <summary>Runs a spatch command line; returns the exit status.</summary>
    public static int Run(IReadOnlyList<string> commandLine, SpatchEnvironment environment, Stream output)
    {
        var settings = SpatchArgumentParser.Parse(commandLine, environment, out var error);
        if (settings is null)
        {
            environment.Error.WriteLine(error!.Message);
            if (error.ShowUsage)
            {
                SpatchUsage.WriteShort(environment.Error);
            }

            return error.ExitCode;
        }

        var driver = new SpatchDriver(settings, environment, output);
        try
        {
            int status = driver.Run();
            driver.WriteFindings();
            if (driver._profile is { } profile)
            {
                output.Flush();
                environment.Error.Write(profile.Render());
            }

            return status;
        }
        finally
        {
            output.Flush();
            environment.Error.Flush();
        }
    }

    private int Run()
    {
        switch (_settings.Action)
        {
            case "--version":
                WriteOut(VersionText());
                return 0;
            case "--shorthelp":
                SpatchUsage.WriteShort(_env.Error);
                return 0;
            case "--longhelp":
                var help = new StringWriter();
                SpatchUsage.WriteLong(help);
                WriteOut(help.ToString());
                return 0;
            case "--print-options-only":
                WriteError($"options: 'sevenspot' '{string.Join("' '", _settings.AllArguments)}'");
                return 0;
        }

        if (_settings.Unsupported.Count > 0)
        {
            var refused = _settings.Unsupported[0];
            WriteError($"sevenspot: {refused.Option} is not supported: {refused.Reason}");
            return 2;
        }

        if (!_settings.VeryQuiet)
        {
            foreach (string name in _settings.IgnoredOptions)
            {
                WriteError($"sevenspot: warning: {name} is ignored: {SpatchOptionTable.ByName[name].Reason}");
            }
        }

        var files = new List<string>(_settings.Files);
        foreach (string optional in _settings.OptionalFiles)
        {
            if (Directory.Exists(_env.Resolve(optional)))
            {
                return Fail($"{optional} is a directory but a c source file was expected");
            }

            if (File.Exists(_env.Resolve(optional)))
            {
                files.Add(optional);
            }
        }

        if (_settings.Action == "--parse-cocci")
        {
            return ParseCocciOnly();
        }

        List<List<string>>? fileGroups = null;
        if (_settings.FileGroups is { } listFile)
        {
            // spatch reads a file named besides the list as the list itself; say so rather than guess.
            if (files.Count > 0 || _settings.Dir)
            {
                return Fail("--file-groups takes its files from the list: name no other file or directory");
            }

            fileGroups = ReadFileGroups(listFile, out int listStatus);
            if (fileGroups is null)
            {
                return listStatus;
            }

            foreach (var group in fileGroups)
            {
                files.AddRange(group);
            }
        }

        if (files.Count == 0)
        {
            SpatchUsage.WriteShort(_env.Error);
            return 0;
        }

        if (_settings.SpFile is null)
        {
            return Fail("I need a cocci file,  use --sp-file <file>");
        }

        // The built-in isomorphisms and macro table are read on the thread pool while the patch is
        // parsed: a run needs both before its first file, and on two cores that is start-up time hidden.
        if (_settings.IsoFile is null)
        {
            _ = Task.Run(static () => IsoSet.Default);
        }

        _ = Task.Run(static () => MacroTable.Builtin);
        ListAhead(files);

        if (_settings.SpFiles.Count > 1 || Directory.Exists(_env.Resolve(_settings.SpFile)))
        {
            return RunMany(files);
        }

        long phase = System.Diagnostics.Stopwatch.GetTimestamp();
        var patch = LoadPatch(_settings.SpFile, out int status);
        if (patch is null)
        {
            return status;
        }

        phase = _profile?.Phase("start-up: semantic patch read", phase) ?? 0;

        if (RefusalBeforeRun(patch) is { } refusal)
        {
            return Fail(refusal);
        }

        var (defined, values) = SplitDefines();

        if (UnsupportedScript(patch) is { } unsupported)
        {
            WriteError(unsupported);
            return 255;
        }

        // Initialize rules start now, in the background, while the files are listed and the rules compiled.
        using var scripts = StartScripts(patch, defined);
        string? directory = null;
        var inputs = fileGroups is not null ? files : SelectInputs(files, out directory, out status);
        if (inputs is null)
        {
            return status;
        }

        phase = _profile?.Phase("start-up: files listed", phase) ?? 0;

        if (directory is not null && _settings.KbuildInfo is { } kbuild)
        {
            fileGroups = KbuildGroups(kbuild, inputs, out int listStatus);
            if (fileGroups is null)
            {
                return listStatus;
            }
        }

        var macros = LoadMacros(out status);
        if (macros is null)
        {
            return status;
        }

        var isos = LoadIsomorphisms(patch);
        if (isos is null)
        {
            return 255;
        }

        phase = _profile?.Phase("start-up: macros and isos waited for", phase) ?? 0;

        // Unless very quiet, the parse errors and function counts of every function are reported.
        var options = RunOptionsFor(defined, values, macros, isos, scripts, parseNeededBodiesOnly: _settings.VeryQuiet);
        var runner = new SemanticPatchRunner(patch, options);
        if (runner.Options.UsePrefilter)
        {
            // Built on the thread pool while the run sets up its workers, not by the first file's worker while the other waits.
            _ = Task.Run(() => runner.Prefilter);
        }

        phase = _profile?.Phase("start-up: rules compiled", phase) ?? 0;

        // PERF: the interpreters' start (and the initialize rules) takes a tenth of a second or more;
        // the files do not wait for it: a file's first script call waits (see
        // DeferredScriptHosts.Start), and its output, like every file's, comes after what the
        // initialize rules print (the runs ask ScriptsReady before they print a file).
        bool? scriptsReady = null;
        bool ScriptsReady() => scriptsReady ??= InitializeDone(patch, scripts);
        _progress = new RunProgress(_env, _settings, inputs.Count, patch.Rules.Count);
        status = fileGroups is not null ? RunGroups(runner, fileGroups, directory, ScriptsReady)
            : directory is null ? RunUnit(runner, inputs, ScriptsReady) : RunDirectory(runner, inputs, directory, ScriptsReady);
        if (scriptsReady is false)
        {
            return 255;
        }

        _lastRunProcessedFile = scripts?.EndRun() ?? false;
        status = RunPendingInstances(patch, options, inputs, directory, status);
        status = FinishScripts(scripts, status);
        return RunFinalizePendingInstances(patch, options, inputs, directory, scripts, status);
    }

    /// <summary>
    /// Waits for the script workers' start (see <see cref="ScriptsStarted"/>) and writes what the
    /// initialize rules printed (the further runs they asked for are kept before any file's); false,
    /// with the error said, when the workers could not start.
    /// </summary>
    private bool InitializeDone(SmplFile patch, DeferredScriptHosts? scripts)
    {
        long waiting = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!ScriptsStarted(patch, scripts))
        {
            return false;
        }

        _profile?.Add("start-up: initialize scripts waited for", waiting);
        WriteScriptOutput(scripts?.Started?.InitializeOutput ?? string.Empty);
        _pendingInstances.AddRange(scripts?.Started?.TakeInitializePending() ?? []); // asked for before any file's
        return true;
    }

    /// <summary>With --format, once the run got to its files (even none): the document of the findings on stdout.</summary>
    private void WriteFindings()
    {
        if (_settings.Format == RuleRunFormat.Text || !_filesStarted)
        {
            return;
        }

        WriteOut(RuleRunFormats.Write(_settings.Format, _findings, _failures, ToolVersion(), _filesRun.Count));
    }

    /// <summary>Sevenspot's version without the source revision.</summary>
    private static string ToolVersion()
    {
        string? informational = typeof(SpatchDriver).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion;
        if (informational is null)
        {
            return "0.0.0";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    /// <summary>
    /// A patch whose remaining rules mix * lines with - or + lines cannot run (spatch refuses it at
    /// the first line that breaks the mode): the error, located there, or null.
    /// </summary>
    private static string? MixedMarks(SmplFile patch, IReadOnlySet<string> defined)
    {
        if (RuleActivity.FirstMixedMark(patch, defined) is not var (source, line))
        {
            return null;
        }

        var span = new TextSpan(source.GetLineStart(line), 1);
        return new Diagnostic(DiagnosticId.SmplSyntaxError, source, span,
            "the rules that apply mix '*' lines (report the match) with '-' or '+' lines (change it); run them as separate patches").ToStringWithCaret();
    }

    /// <summary>
    /// Why the patch cannot run with the virtual rules set by -D, as spatch says it before any file
    /// (also for --parse-cocci): an undeclared virtual rule, no rule left that does something, or
    /// rules that mix * lines with - or + lines. Null when it can run.
    /// </summary>
    private string? RefusalBeforeRun(SmplFile patch)
    {
        if (CheckDefines(patch) is { } badDefine)
        {
            return $"virtual rule {badDefine} not supported";
        }

        var (defined, values) = SplitDefines();
        if (!RuleActivity.AnyRuleApplies(patch, defined, values))
        {
            string hint = patch.Virtuals.Count == 0 ? string.Empty : $" or check whether any virtual rules (e.g., {patch.Virtuals[^1]}) should be defined";
            return NoRulesApply(hint);
        }

        return MixedMarks(patch, defined);
    }

    /// <summary>spatch's words when no rule of the semantic patch can run, with a hint on virtual rules when there are some.</summary>
    private static string NoRulesApply(string hint) =>
        new Diagnostic(DiagnosticId.NoRulesApply, null, default).Message + $"  If the problem is not clear, try --debug-parse-cocci{hint}.";

    /// <summary>A failure as spatch reports one (OCaml's failwith): the message on stderr, status 255.</summary>
    private int Fail(string message)
    {
        WriteError(message);
        return 255;
    }

    private void WriteOut(string text) => _out.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>What initialize and finalize rules print: stdout, except with --format, where stdout holds the findings' document only.</summary>
    private void WriteScriptOutput(string text)
    {
        if (_settings.Format == RuleRunFormat.Text)
        {
            WriteOut(text);
        }
        else if (!_settings.VeryQuiet)
        {
            WriteErrorText(text);
        }
    }

    /// <summary>When not null, what is said on stderr is kept here, to be written later (see RunMany).</summary>
    private StringBuilder? _heldErrors;

    /// <summary>A line on stderr, after what stdout holds so far, so the two streams interleave in order.</summary>
    private void WriteError(string line) => WriteErrorText(line + "\n");

    private void WriteErrorText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_heldErrors is not null)
        {
            _heldErrors.Append(text);
            return;
        }

        _out.Flush();
        _progress.Clear();
        _env.Error.Write(text);
        _env.Error.Flush();
    }

    internal static string VersionText()
    {
        string own = typeof(SpatchDriver).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "unknown";

        // coccicheck reads the third word of the first line as the spatch version it is talking to.
        return $"spatch version {SpatchCompatibleVersion} compatible (sevenspot {own})\n" +
               "Python scripting support: yes\n";
    }

    /// <param name="early">The patch parsed ahead on another thread (see <see cref="ParseAhead"/>), if it was.</param>
    private SmplFile? LoadPatch(string spFile, out int status, Task<SmplParseResult?>? early = null)
    {
        status = 0;
        var parsed = Early(early);
        if (parsed is null)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(_env.Resolve(spFile));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteError($"sevenspot: {spFile}: {(e is FileNotFoundException or DirectoryNotFoundException ? "No such file or directory" : e.Message)}");
                status = 2;
                return null;
            }

            parsed = SmplParser.Parse(new SourceText(spFile, bytes), ReadInclude);
        }

        foreach (var d in parsed.Diagnostics)
        {
            WriteError(d.ToStringWithCaret());
        }

        if (!parsed.Success)
        {
            status = 255;
            return null;
        }

        // spatch's hints on names that may be undeclared metavariables, for the rules that can run with the -D given.
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (string d in _settings.Defines)
        {
            if (!d.Contains('=', StringComparison.Ordinal))
            {
                defined.Add(d);
            }
        }

        var kept = RuleActivity.KeptRules(parsed.File!, defined);
        foreach (var d in UnusedMetavariables.Check(parsed.File!, kept))
        {
            WriteError(d.ToStringWithCaret());
        }

        foreach (var d in UndeclaredNames.Check(parsed.File!, kept))
        {
            // Alone, in spatch's words and nothing more: coccicheck's output is compared with spatch's line by
            // line. Among several patches the hint names its .cocci file, with the place.
            WriteError(d.Id == DiagnosticId.SmplNameShouldBeMetavariable && !_manyPatches
                ? $"warning: line {d.Position.Line}: {d.Message}"
                : d.ToStringWithCaret());
        }

        return parsed.File!;
    }

    /// <summary>
    /// Starts parsing a patch on the thread pool, for <see cref="LoadPatch"/> to take later: with many
    /// patches, the next ones are parsed on the other cores while the run sets up the earlier ones.
    /// Nothing is written from there; a patch that cannot be read is left to LoadPatch, which says why.
    /// </summary>
    private Task<SmplParseResult?> ParseAhead(string spFile) => Task.Run(() =>
    {
        try
        {
            return (SmplParseResult?)SmplParser.Parse(new SourceText(spFile, File.ReadAllBytes(_env.Resolve(spFile))), ReadInclude);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    /// <summary>A semantic patch named by "#include" in another, taken from the working directory as spatch takes it.</summary>
    private SourceText? ReadInclude(string path)
    {
        string resolved = _env.Resolve(path);
        return File.Exists(resolved) ? new SourceText(path, File.ReadAllBytes(resolved)) : null;
    }

    /// <summary>The outcome of <see cref="ParseAhead"/>; null when there was none or it failed (LoadPatch then parses, and fails, as usual).</summary>
    private static SmplParseResult? Early(Task<SmplParseResult?>? early)
    {
        if (early is null)
        {
            return null;
        }

        try
        {
            return early.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private int ParseCocciOnly()
    {
        string? spFile = _settings.SpFile ?? _settings.Files.FirstOrDefault();
        if (spFile is null)
        {
            return Fail("I need a cocci file,  use --sp-file <file>");
        }

        var patch = LoadPatch(spFile, out int status);
        if (patch is null)
        {
            return status;
        }

        if (RefusalBeforeRun(patch) is { } refusal)
        {
            return Fail(refusal);
        }

        var text = new StringBuilder();
        text.Append(spFile).Append(": ").Append(patch.Rules.Count).Append(" rules").Append(patch.IsContextMode ? " (context mode)" : string.Empty).Append('\n');
        foreach (var rule in patch.Rules)
        {
            text.Append(rule switch
            {
                CodeRule code => $"rule {code.Name} (line {code.Line}){(code.DependsOn is null ? string.Empty : " depends on " + code.DependsOn)} {code.Quantifier}\n",
                ScriptRule script => $"script:{script.Language} {script.Name} {script.ScriptKind} ({script.Bindings.Count} bindings)\n",
                _ => $"{rule.Name}\n",
            });
        }

        // What each rule needs in a file for the prefilter to let it run (spatch prints its "Grep query").
        if (LoadIsomorphisms(patch) is { } isos)
        {
            var defined = new HashSet<string>(_settings.Defines.Where(d => !d.Contains('=', StringComparison.Ordinal)), StringComparer.Ordinal);
            var prefilter = new SemanticPatchRunner(patch, new RunOptions { DefinedVirtuals = defined, Isomorphisms = isos }).Prefilter;
            text.Append("required words:\n");
            foreach (var rule in patch.Rules)
            {
                text.Append("  ").Append(rule.Name).Append(": ").Append(prefilter.FormulaOf(rule)).Append('\n');
            }
        }

        WriteOut(text.ToString());
        return 0;
    }

    /// <summary>The first -D NAME that the semantic patch does not declare as a virtual rule.</summary>
    private string? CheckDefines(SmplFile patch)
    {
        foreach (string d in _settings.Defines)
        {
            if (!d.Contains('=', StringComparison.Ordinal) && !patch.Virtuals.Contains(d))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>
    /// When the last argument is a directory, starts listing it on the thread pool (and, when several
    /// workers will order the files by size, reading their sizes): the walk and its system calls
    /// overlap the reading of the patch and the rules' compilation. <see cref="ListInputs"/> takes the
    /// listing; nothing is written from the thread pool.
    /// </summary>
    private void ListAhead(List<string> arguments)
    {
        if (arguments.Count == 0 || _settings.FileGroups is not null)
        {
            return;
        }

        string last = arguments[^1];
        string full = _env.Resolve(last);
        if (!Directory.Exists(full))
        {
            return;
        }

        bool withSizes = Jobs > 1;
        bool includeHeaders = _settings.IncludeHeaders;
        _listingAhead = (last, Task.Run(() =>
        {
            var found = FileWalker.ListDirectory(full, last, includeHeaders);
            return (found, withSizes ? FileSizes(found) : null);
        }));
    }

    /// <summary>
    /// The files to process. When the last argument is a directory, spatch works on that
    /// directory alone (the others are ignored, with a message), file by file; otherwise every
    /// argument must be a file.
    /// </summary>
    private List<string>? ListInputs(List<string> arguments, out string? directory, out int status)
    {
        status = 0;
        directory = null;
        string last = arguments[^1];
        if (Directory.Exists(_env.Resolve(last)))
        {
            if (arguments.Count > 1)
            {
                WriteError("ignoring all but the last specified directory: " + last);
            }

            directory = last;
            var found = _listingAhead is ({ } ahead, { } listing) && ahead == last
                ? listing.GetAwaiter().GetResult().Files
                : FileWalker.ListDirectory(_env.Resolve(last), last, _settings.IncludeHeaders);
            return _settings.Ignore.Count == 0 ? found : found.Where(f => !_settings.Ignore.Any(prefix => FileWalker.MatchesPrefix(prefix, f))).ToList();
        }

        foreach (string file in arguments)
        {
            string full = _env.Resolve(file);
            if (Directory.Exists(full))
            {
                status = Fail($"{file} is a directory but a c source file was expected");
                return null;
            }

            if (!File.Exists(full))
            {
                WriteError($"ERROR: File {file} does not exist: No such file or directory");
                status = 255;
                return null;
            }
        }

        return arguments;
    }

    /// <summary>--max/--index: contiguous slices, or every max-th file with --mod-distrib (spatch's split).</summary>
    private List<string>? Distribute(List<string> files, out int status)
    {
        status = 0;
        if (_settings.Index is not int index || _settings.Max is not int max)
        {
            status = Fail("inconsistent distribution information");
            return null;
        }

        if (index >= max)
        {
            status = Fail("index starts at 0, and so must be less than max");
            return null;
        }

        if (_settings.ModDistrib)
        {
            return files.Where((_, i) => i % max == index).ToList();
        }

        int region = (files.Count + (max - 1)) / max;
        return files.Where((_, i) => index * region <= i && i < (index + 1) * region).ToList();
    }

    private MacroTable? LoadMacros(out int status)
    {
        status = 0;
        var macroFiles = new List<string>();
        if (_settings.MacroFileBuiltins is not null)
        {
            macroFiles.Add(_settings.MacroFileBuiltins);
        }

        macroFiles.AddRange(_settings.MacroFiles);
        if (macroFiles.Count == 0)
        {
            return MacroTable.Builtin;
        }

        try
        {
            return SharedInputs.Macros(macroFiles.Select(_env.Resolve).ToList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError($"sevenspot: {e.Message}");
            status = 2;
            return null;
        }
    }

    /// <summary>
    /// The settings of one patch's run, read from the command line once: every file, and every further
    /// run a script asks for, takes them as they are (a file's --timeout is added by <see cref="SemanticPatchRunner.WithCancellation"/>).
    /// </summary>
    private RunOptions RunOptionsFor(IReadOnlySet<string> defined, IReadOnlyDictionary<string, string> values, MacroTable macros, IsoSet isos,
        IScriptHost? scripts, bool parseNeededBodiesOnly) => new()
    {
        DefinedVirtuals = defined,
        VirtualValues = values,
        ParseOptions = new ParseOptions { Macros = macros },
        AllowInconsistentPaths = _settings.AllowInconsistentPaths,
        UsePrefilter = !_settings.DisableWorthTrying,
        ParseNeededBodiesOnly = parseNeededBodiesOnly,
        Isomorphisms = isos,
        Scripts = scripts,
        RecordChanges = _settings.Format != RuleRunFormat.Text,
    };

    /// <summary>
    /// --iso-file replaces the built-in isomorphisms; "using" files add to them, for the whole patch
    /// (a "using" line) or for one rule (in its header); --disable-iso removes some.
    /// </summary>
    private IsoSet? LoadIsomorphisms(SmplFile patch, string? spFile = null)
    {
        var isos = IsoSet.Default;
        var files = new List<string>();
        if (_settings.IsoFile is { } isoFile)
        {
            files.Add(isoFile);
            isos = IsoSet.Empty;
        }

        string baseDir = Path.GetDirectoryName(spFile ?? _settings.SpFile!) ?? string.Empty;
        files.AddRange(patch.UsingIsoFiles.Select(f => Path.IsPathRooted(f) ? f : Path.Join(baseDir, f)));
        if (WithIsoFiles(isos, files) is not { } withFiles)
        {
            return null;
        }

        var patchIsos = withFiles.Without(_settings.DisabledIsos);
        Dictionary<string, IsoSet>? byRule = null;
        foreach (var rule in patch.CodeRules)
        {
            if (rule.UsingIsoFiles.Count == 0)
            {
                continue;
            }

            if (WithIsoFiles(patchIsos, rule.UsingIsoFiles.Select(f => Path.IsPathRooted(f) ? f : Path.Join(baseDir, f))) is not { } ruleIsos)
            {
                return null;
            }

            (byRule ??= new Dictionary<string, IsoSet>(StringComparer.Ordinal))[rule.Name] = ruleIsos.Without(_settings.DisabledIsos);
        }

        return byRule is null ? patchIsos : patchIsos.WithRuleSets(byRule);
    }

    /// <summary>The set with the isomorphisms of the files added, or null (with the errors written) when one is missing or wrong.</summary>
    private IsoSet? WithIsoFiles(IsoSet isos, IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            string full = _env.Resolve(file);
            if (!File.Exists(full))
            {
                WriteError($"sevenspot: isomorphism file {file}: no such file");
                return null;
            }

            var (set, diagnostics) = SharedInputs.Isomorphisms(full, file);
            foreach (var d in diagnostics)
            {
                WriteError(d.ToStringWithCaret());
            }

            if (diagnostics.Count > 0)
            {
                return null;
            }

            isos = isos.With(set);
        }

        return isos;
    }
}
