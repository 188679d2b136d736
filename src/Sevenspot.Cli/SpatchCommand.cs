using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Sevenspot.C;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Cli;

/// <summary>
/// The root command: spatch's command line. Applies a semantic patch to C files and prints the
/// diff, writes -o, or rewrites in place.
/// </summary>
internal sealed class SpatchCommand
{
    private readonly SpatchOptions _o;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    public SpatchCommand(SpatchOptions options, TextWriter stdout, TextWriter stderr)
    {
        _o = options;
        _stdout = stdout;
        _stderr = stderr;
    }

    public int Run(ParseResult r)
    {
        string? spFile = r.GetValue(_o.SpFile);
        var files = new List<string>(r.GetValue(_o.Files) ?? []);
        bool ignoreUnknown = r.GetValue(_o.IgnoreUnknownOptions);

        // The first positional argument is the rule when --sp-file is not given and it ends in .cocci.
        if (spFile is null && files.Count > 0 && files[0].EndsWith(".cocci", StringComparison.Ordinal))
        {
            spFile = files[0];
            files.RemoveAt(0);
        }

        foreach (string f in files.Where(f => f.StartsWith('-')).ToList())
        {
            if (!ignoreUnknown)
            {
                _stderr.WriteLine($"sevenspot: unknown option {f}");
                return 2;
            }

            files.Remove(f);
        }

        foreach (string token in r.UnmatchedTokens)
        {
            if (!ignoreUnknown)
            {
                _stderr.WriteLine($"sevenspot: unknown option {token}");
                return 2;
            }
        }

        if (r.GetValue(_o.Version))
        {
            _stdout.WriteLine("spatch version 1.1.1 compatible (sevenspot)");
            return 0;
        }

        if (spFile is null)
        {
            _stderr.WriteLine("sevenspot: no semantic patch given (use --sp-file FILE.cocci); see sevenspot --help");
            return 2;
        }

        if (!File.Exists(spFile))
        {
            _stderr.WriteLine($"sevenspot: {spFile}: no such file");
            return 2;
        }

        var parsed = SmplParser.Parse(SourceText.FromFile(spFile));
        foreach (var d in parsed.Diagnostics)
        {
            _stderr.WriteLine(d.ToStringWithCaret());
        }

        if (!parsed.Success)
        {
            return 255;
        }

        var patch = parsed.File!;
        if (r.GetValue(_o.ParseCocci))
        {
            _stdout.WriteLine($"{spFile}: {patch.Rules.Count} rules");
            return 0;
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string d in r.GetValue(_o.Define) ?? [])
        {
            int eq = d.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[d[..eq]] = d[(eq + 1)..];
            }
            else
            {
                defined.Add(d);
            }
        }

        MacroTable macros;
        try
        {
            string[] macroFiles = r.GetValue(_o.MacroFile) ?? [];
            macros = macroFiles.Length == 0 ? MacroTable.Builtin : MacroTable.WithFiles(macroFiles.Select(SourceText.FromFile));
        }
        catch (IOException e)
        {
            _stderr.WriteLine($"sevenspot: {e.Message}");
            return 2;
        }

        string? dir = r.GetValue(_o.Dir);
        var inputs = new List<string>(files);
        if (dir is not null)
        {
            inputs.Add(dir);
        }

        var missing = new List<string>();
        var paths = FileWalker.Expand(inputs, r.GetValue(_o.IncludeHeaders), missing);
        foreach (string m in missing)
        {
            _stderr.WriteLine($"sevenspot: {m}: no such file or directory");
        }

        if (r.GetValue(_o.Max) is int max && max > 0)
        {
            int index = r.GetValue(_o.Index) ?? 0;
            paths = paths.Where((_, i) => i % max == index).ToList();
        }

        var isos = LoadIsomorphisms(r, patch, spFile);
        if (isos is null)
        {
            return 255;
        }

        var options = new RunOptions
        {
            DefinedVirtuals = defined,
            VirtualValues = values,
            ParseOptions = new ParseOptions { Macros = macros },
            AllowInconsistentPaths = r.GetValue(_o.AllowInconsistentPaths),
            Isomorphisms = isos,
        };
        var runner = new SemanticPatchRunner(patch, options);
        int timeout = r.GetValue(_o.Timeout);
        int jobs = Math.Max(1, r.GetValue(_o.Jobs));
        var outcomes = WorkerPool.Run(paths, jobs, path => RunOne(runner, path, timeout));

        return Report(r, patch, outcomes, dir, paths.Count);
    }

    /// <summary>--iso-file replaces the built-in isomorphisms; "using" files add to them; --disable-iso removes some.</summary>
    private IsoSet? LoadIsomorphisms(ParseResult r, SmplFile patch, string spFile)
    {
        var isos = IsoSet.Default;
        string? isoFile = r.GetValue(_o.IsoFile);
        var files = new List<string>();
        if (isoFile is not null)
        {
            files.Add(isoFile);
            isos = IsoSet.Empty;
        }

        string baseDir = Path.GetDirectoryName(Path.GetFullPath(spFile)) ?? ".";
        files.AddRange(patch.UsingIsoFiles.Select(f => Path.IsPathRooted(f) ? f : Path.Combine(baseDir, f)));
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                _stderr.WriteLine($"sevenspot: isomorphism file {file}: no such file");
                return null;
            }

            var (set, diagnostics) = IsoSet.Load(SourceText.FromFile(file));
            foreach (var d in diagnostics)
            {
                _stderr.WriteLine(d.ToStringWithCaret());
            }

            if (diagnostics.Count > 0)
            {
                return null;
            }

            isos = isos.With(set);
        }

        return isos.Without(r.GetValue(_o.DisableIso) ?? []);
    }

    private static FileOutcome RunOne(SemanticPatchRunner runner, string path, int timeoutSeconds)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome { Path = path, Original = [], Failure = $"cannot read {path}: {e.Message}" };
        }

        using var cancel = timeoutSeconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds)) : new CancellationTokenSource();
        var options = runner.Options;
        var fileOptions = new RunOptions
        {
            DefinedVirtuals = options.DefinedVirtuals,
            VirtualValues = options.VirtualValues,
            ParseOptions = new ParseOptions { Macros = options.ParseOptions.Macros, CancellationToken = cancel.Token },
            AllowInconsistentPaths = options.AllowInconsistentPaths,
            CancellationToken = cancel.Token,
            TypeOracleFactory = options.TypeOracleFactory,
            Isomorphisms = options.Isomorphisms,
        };
        try
        {
            return runner.WithOptions(fileOptions).Run(new SourceText(path, bytes));
        }
        catch (OperationCanceledException)
        {
            return new FileOutcome { Path = path, Original = bytes, Failure = $"timeout on {path} after {timeoutSeconds} seconds" };
        }
    }

    private int Report(ParseResult r, SmplFile patch, FileOutcome[] outcomes, string? dir, int fileCount)
    {
        bool showDiff = !r.GetValue(_o.NoShowDiff);
        string? output = r.GetValue(_o.Output);
        bool inPlace = r.GetValue(_o.InPlace);
        string? patchDir = r.GetValue(_o.Patch) ?? dir;
        int? contextLines = r.GetValue(_o.ContextLines);
        int exit = 0;
        int modified = 0;
        string cwd = Directory.GetCurrentDirectory();
        foreach (var outcome in outcomes)
        {
            foreach (var d in outcome.Diagnostics)
            {
                _stderr.WriteLine(d.ToString());
            }

            foreach (string report in outcome.Reports)
            {
                _stdout.WriteLine(report);
            }

            if (outcome.Failure is not null)
            {
                if (fileCount == 1 && dir is null)
                {
                    _stderr.WriteLine(outcome.Failure);
                    return 255;
                }

                _stderr.WriteLine($"EXN: Failure(\"{outcome.Failure}\") in {outcome.Path}");
                continue;
            }

            byte[]? newText = outcome.Modified;
            bool star = patch.IsContextMode && outcome.StarLines.Count > 0;
            if (newText is null && !star)
            {
                continue;
            }

            modified++;
            if (showDiff)
            {
                byte[] diffTarget = star && newText is null ? RemoveLines(outcome.Original, outcome.StarLines) : newText!;
                string oldName, newName;
                bool patchMode = patchDir is not null;
                if (patchMode)
                {
                    (oldName, newName) = SpatchDiffNames.PatchModeNames(patchDir!, outcome.Path, cwd, star && newText is null);
                }
                else
                {
                    oldName = outcome.Path;
                    newName = $"/tmp/cocci-output-{Environment.ProcessId}-{Path.GetFileName(outcome.Path)}";
                }

                var diff = UnifiedDiff.Create(outcome.Original, diffTarget, oldName, newName, new UnifiedDiffOptions
                {
                    ContextLines = contextLines,
                    IncludeCommandLine = patchMode && !(star && newText is null),
                    SpatchLineCleanup = true,
                });
                _stdout.Write(Encoding.UTF8.GetString(diff));
            }

            if (newText is not null && inPlace)
            {
                if (!AtomicFile.Write(outcome.Path, newText, out string? error))
                {
                    _stderr.WriteLine($"sevenspot: cannot write {outcome.Path}: {error}");
                    exit = 1;
                }
            }

            if (newText is not null && output is not null)
            {
                if (!AtomicFile.Write(output, newText, out string? error))
                {
                    _stderr.WriteLine($"sevenspot: cannot write {output}: {error}");
                    exit = 1;
                }
            }
        }

        if (output is not null && modified == 0)
        {
            _stderr.WriteLine("-o can not be applied because there are no modified files");
            return 255;
        }

        if (!patch.Rules.OfType<CodeRule>().Any(c => c.Body.Transforms || c.Body.HasStar) && patch.Rules.OfType<ScriptRule>().All(s => s.ScriptKind != ScriptKind.Script))
        {
            _stderr.WriteLine(DiagnosticMessages.GetFormat(DiagnosticId.NoRulesApply));
        }

        return exit;
    }

    private static byte[] RemoveLines(byte[] text, SortedSet<int> lines)
    {
        var result = new MemoryStream(text.Length);
        int line = 1;
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = Array.IndexOf(text, (byte)'\n', pos);
            int end = nl < 0 ? text.Length : nl + 1;
            if (!lines.Contains(line))
            {
                result.Write(text, pos, end - pos);
            }

            line++;
            pos = end;
        }

        return result.ToArray();
    }
}
