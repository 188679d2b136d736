using System.Buffers;
using System.Text;
using Sevenspot.C;
using Sevenspot.Cli.Spatch.Findings;
using Sevenspot.Engine;
using Sevenspot.Scripting;
using Sevenspot.Text;

namespace Sevenspot.Cli.Spatch;

internal sealed partial class SpatchDriver
{
    /// <summary>How long a file may run past its --timeout before its worker is given up on.</summary>
    private static readonly TimeSpan s_graceAfterTimeout = TimeSpan.FromSeconds(10);

    private enum FileStatus
    {
        Done,
        Failed,
        TimedOut,
        InternalError,
    }

    /// <summary>What one file gives: output ready to print and content to write, so the outcome itself need not be kept.</summary>
    private sealed class FileResult
    {
        public required string Path { get; init; }

        public FileStatus Status { get; set; }

        /// <summary>The prefilter ruled the file out: spatch does not take it up at all.</summary>
        public bool RuledOut { get; set; }

        /// <summary>The failure message (spatch's failwith text, or the internal error).</summary>
        public string? Message { get; set; }

        public byte[] Stdout { get; set; } = [];

        /// <summary>The lines on what of the file did not parse or is not matched in (see ParseWarnings), printed before <see cref="Stderr"/>.</summary>
        public string ParseWarnings { get; set; } = string.Empty;

        public string Stderr { get; set; } = string.Empty;

        /// <summary>All the file prints on stderr.</summary>
        public string ErrorText => ParseWarnings + Stderr;

        public byte[]? Original { get; set; }

        public byte[]? Modified { get; set; }

        public int Functions { get; set; }

        public int FunctionsWithErrors { get; set; }

        public int FunctionsNotRead { get; set; }

        public int MatchedRules { get; set; }

        /// <summary>A script rule raised on this file.</summary>
        public bool ScriptFailed { get; set; }

        /// <summary>This file called a script and the script workers could not start: the error, in place of the file's output.</summary>
        public string? ScriptStartError { get; set; }

        /// <summary>A script called cocci.exit(): no file after this one is processed.</summary>
        public bool ExitRequested { get; set; }

        /// <summary>Further runs of the semantic patch that scripts asked for.</summary>
        public List<Sevenspot.Engine.PendingInstance> PendingInstances { get; set; } = [];

        /// <summary>With --format: what the rules found in this file.</summary>
        public List<FindingRecord> Findings { get; set; } = [];
    }

    private int Jobs => _settings.Jobs switch
    {
        null => 1,
        <= 0 => Environment.ProcessorCount,
        int n => n,
    };

    /// <summary>
    /// Files named on the command line: one unit; any failure prints nothing and stops. Several files
    /// are one group, as spatch runs them: each rule runs over all of them before the next (a binding
    /// found in one file is used in another), on one worker; what the scripts printed comes first,
    /// then the diffs, the last file's first, as spatch prints them. <paramref name="scriptsReady"/>
    /// as for <see cref="RunDirectory"/>.
    /// </summary>
    private int RunUnit(SemanticPatchRunner runner, List<string> files, Func<bool>? scriptsReady = null)
    {
        scriptsReady ??= static () => true;
        _filesStarted = true;
        var results = new FileResult[files.Count];
        byte[] scriptOutput = [];
        _profile?.FilesStarting(1);
        if (files.Count == 1)
        {
            WorkerPool.RunOrdered(
                files,
                Jobs,
                f => Profiled(f, f => Process(runner, f, null)),
                (i, r) =>
                {
                    if (ScriptsFailed(scriptsReady))
                    {
                        return;
                    }

                    results[i] = r;
                    FileDone(r);
                },
                HardDeadline,
                Abandoned);
        }
        else
        {
            WorkerPool.RunOrdered<List<string>, GroupResult>(
                [files],
                1,
                g => ProcessGroup(runner, g),
                (_, group) =>
                {
                    if (ScriptsFailed(scriptsReady))
                    {
                        return;
                    }

                    group.Files.CopyTo(results, 0);
                    scriptOutput = group.ScriptStdout;
                    foreach (var r in group.Files)
                    {
                        FileDone(r);
                    }
                },
                HardDeadline,
                g => new GroupResult([.. g.Select(Abandoned)], []));
        }

        if (ScriptsFailed(scriptsReady))
        {
            return 255; // the script workers could not start: their error is said, nothing else
        }

        foreach (var result in results)
        {
            if (ReportScriptStartError(result))
            {
                return 255;
            }

            switch (result.Status)
            {
                case FileStatus.TimedOut:
                    RecordFailure(result);
                    WriteError($"timeout (we abort): {result.Path}");
                    WriteError("Fatal error: exception Coccinelle_modules.Common.Timeout");
                    return 2;
                case FileStatus.Failed:
                case FileStatus.InternalError:
                    RecordFailure(result);
                    WriteErrorText(result.ErrorText);
                    return Fail(result.Message!);
            }
        }

        _profile?.FilesEnded();
        int status = 0;
        _out.Write(scriptOutput);
        for (int i = results.Length - 1; i >= 0; i--)
        {
            Emit(results[i], ref status);

            // As spatch on files named on its command line: a script that raised ends the run with 255
            // (over a folder it is one file's failure, and the status stays 0: see Convert).
            status = results[i].ScriptFailed ? 255 : status;
        }

        WriteCoverage();
        if (_settings.Output is { } output)
        {
            if (files.Count > 1)
            {
                return Fail("-o can not be applied because there are multiple modified files");
            }

            // A file no rule can match is not taken up, as by spatch: there is nothing to write.
            var only = results[0];
            if (only.RuledOut)
            {
                return Fail("-o can not be applied because there are no modified files");
            }

            if (!WriteFile(output, only.Modified ?? only.Original!))
            {
                status = 255;
            }
        }

        return status;
    }

    /// <summary>
    /// A directory: each file on its own; a failing file is reported and the others go on.
    /// <paramref name="scriptsReady"/>, when given, is asked before the first file's output (the files
    /// start while the script workers do); false stops the run: nothing more is printed, the files
    /// still running are cancelled, and the status is 255.
    /// </summary>
    private int RunDirectory(SemanticPatchRunner runner, List<string> files, string directory, Func<bool>? scriptsReady = null)
    {
        scriptsReady ??= static () => true;
        _filesStarted = true;
        string patchDirectory = _settings.Patch ?? directory;
        int status = 0;
        int modified = 0;
        _profile?.FilesStarting(Jobs);
        WorkerPool.RunOrdered(
            files,
            Jobs,
            f => Profiled(f, f => Process(runner, f, patchDirectory)),
            (_, result) =>
            {
                if (!_exitRequested && ScriptsFailed(scriptsReady))
                {
                    _exitRequested = true;
                }

                if (_exitRequested)
                {
                    return; // a script called cocci.exit(), or the scripts could not start: files after it are not reported
                }

                if (ReportScriptStartError(result))
                {
                    _exitRequested = true;
                    status = 255;
                    return;
                }

                Print(result);
                FileDone(result);
            },
            HardDeadline,
            Abandoned,
            WorkOrder(files));
        _profile?.FilesEnded();
        if (ScriptsFailed(scriptsReady))
        {
            return 255; // the script workers could not start: their error is said, nothing else
        }

        WriteCoverage();
        if (_settings.Output is not null)
        {
            return Fail(modified == 0
                ? "-o can not be applied because there are no modified files"
                : "-o can not be applied because there are multiple modified files");
        }

        return status;

        void Print(FileResult result)
        {
            if (ReportFailure(result))
            {
                return;
            }

            modified += result.Modified is null ? 0 : 1;
            Emit(result, ref status);
        }
    }

    /// <summary>
    /// Whether the script workers' start, which the files did not wait for, failed
    /// (<paramref name="scriptsReady"/> waits for it once and says the error): then the files still
    /// running are stopped and the run ends as if it had waited before its files (nothing more is
    /// printed, no findings' document with --format).
    /// </summary>
    private bool ScriptsFailed(Func<bool> scriptsReady)
    {
        if (scriptsReady())
        {
            return false;
        }

        _stopFiles.Cancel();
        _filesStarted = false;
        return true;
    }

    /// <summary>-D flags: virtual rules set (-D name) and values given to virtual identifiers (-D name=value).</summary>
    private (HashSet<string> Defined, Dictionary<string, string> Values) SplitDefines()
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string d in _settings.Defines)
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

        return (defined, values);
    }

    /// <summary>The files this run processes: the inputs listed, then this machine's share under --max/--index.</summary>
    private List<string>? SelectInputs(List<string> files, out string? directory, out int status)
    {
        directory = null;
        bool distribution = _settings.Index is not null || _settings.Max is not null || _settings.ModDistrib;
        if (distribution && (_settings.Jobs is not null || _settings.ChunkSize is not null))
        {
            WriteError("error: distribution and parallelism are not compatible");
            status = 1;
            return null;
        }

        var inputs = ListInputs(files, out directory, out status);
        return inputs is not null && distribution ? Distribute(inputs, out status) : inputs;
    }

    /// <summary>A file that failed or timed out, kept for the findings' document (its list of files that could not be read through).</summary>
    private void RecordFailure(FileResult result)
    {
        _failures.Add(new FailedFile(result.Path, result.Status == FileStatus.TimedOut ? "timeout" : result.Message!));
        _filesRun.Add(result.Path);
    }

    /// <summary>A directory run's line for a file that failed or timed out (spatch's "EXN: ... in FILE"); false for a file that finished.</summary>
    private bool ReportFailure(FileResult result)
    {
        if (result.Status != FileStatus.Done)
        {
            RecordFailure(result);
        }

        switch (result.Status)
        {
            case FileStatus.TimedOut:
                WriteError($"EXN: Coccinelle_modules.Common.Timeout in {result.Path}");
                return true;
            case FileStatus.Failed:
                WriteErrorText(result.ErrorText);
                WriteError($"EXN: Failure(\"{OCamlEscape(result.Message!)}\") in {result.Path}");
                return true;
            case FileStatus.InternalError:
                WriteErrorText(result.ErrorText);
                WriteError($"EXN: Sevenspot.InternalError(\"{OCamlEscape(result.Message!)}\") in {result.Path}");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Counts a finished file for the progress and coverage lines; the progress line is drawn after the file's output.</summary>
    private void FileDone(FileResult result)
    {
        if (_progress.Drawing)
        {
            _out.Flush();
        }

        _progress.FileDone(result.Functions, result.FunctionsWithErrors, result.FunctionsNotRead, result.MatchedRules, result.Status != FileStatus.Done);
    }

    private void WriteCoverage()
    {
        _progress.Clear();
        if (!_settings.VeryQuiet)
        {
            WriteError(_progress.CoverageLine());
        }
    }

    /// <summary>Cancelled when the files still running are no longer wanted (the script workers could not start).</summary>
    private readonly CancellationTokenSource _stopFiles = new();

    private TimeSpan? HardDeadline => _settings.Timeout is int seconds
        ? TimeSpan.FromSeconds(seconds) + TimeSpan.FromSeconds(Math.Max(s_graceAfterTimeout.TotalSeconds, seconds))
        : null;

    /// <summary>Files of at least this size are taken first when several workers share a run (see <see cref="WorkOrder"/>).</summary>
    private const long LargeFileSize = 64 * 1024;

    /// <summary>
    /// The order in which the workers take the files: the largest first (a large file taken last
    /// leaves the other workers idle at the end of the run), the others as listed. Output stays in
    /// the listed order. With one worker (where a script's state may carry from file to file) the
    /// files run as listed.
    /// </summary>
    private int[]? WorkOrder(List<string> files)
    {
        if (Jobs <= 1 || files.Count < 2)
        {
            return null;
        }

        // The sizes read with the listing ahead, when these are the files it listed (not a part of them).
        var sizes = _listingAhead is (_, { IsCompletedSuccessfully: true } listing) && ReferenceEquals(listing.Result.Files, files)
            ? listing.Result.Sizes ?? FileSizes(files)
            : FileSizes(files);
        return WorkerPool.LargestFirst(sizes, Jobs, LargeFileSize);
    }

    /// <summary>Each file's size in bytes; 0 for one that cannot be read here (it is read, and reported, in its turn).</summary>
    private long[] FileSizes(List<string> files)
    {
        var sizes = new long[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            try
            {
                var info = new FileInfo(_env.Resolve(files[i]));
                sizes[i] = info.Exists ? info.Length : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                sizes[i] = 0;
            }
        }

        return sizes;
    }

    /// <summary>A worker's <paramref name="work"/> on a file, its time counted with --profile.</summary>
    private T Profiled<T>(string path, Func<string, T> work)
    {
        if (_profile is null)
        {
            return work(path);
        }

        var taken = _profile.FileTaken();
        try
        {
            return work(path);
        }
        finally
        {
            _profile.FileDone(taken, path);
        }
    }

    private FileResult Abandoned(string path) => new() { Path = path, Status = FileStatus.TimedOut };

    /// <summary>Prints a processed file's output and writes --in-place / --out-place results.</summary>
    private void Emit(FileResult result, ref int status)
    {
        _progress.Clear();
        _exitRequested |= result.ExitRequested;
        _pendingInstances.AddRange(result.PendingInstances);
        _findings.AddRange(result.Findings);
        _filesRun.Add(result.Path);
        WriteErrorText(result.ErrorText);
        _out.Write(result.Stdout);
        if (result.Modified is null)
        {
            return;
        }

        if (_settings.InPlace)
        {
            if (_settings.Suffix is { } backup && !WriteFile(result.Path + backup, result.Original!))
            {
                status = 1;
                return;
            }

            if (!WriteFile(result.Path, result.Modified))
            {
                status = 1;
            }
        }

        if (_settings.OutPlace && !WriteFile(result.Path + (_settings.Suffix ?? ".cocci_res"), result.Modified))
        {
            status = 1;
        }
    }

    private bool WriteFile(string path, byte[] content)
    {
        if (AtomicFile.Write(_env.Resolve(path), content, out string? error))
        {
            return true;
        }

        WriteError($"sevenspot: cannot write {path}: {error}");
        return false;
    }

    private FileResult Process(SemanticPatchRunner runner, string path, string? patchDirectory)
    {
        if (RuledOut([runner], path, out byte[]? bytes, out var scans))
        {
            return RuledOutResult(path, patchDirectory);
        }

        if (bytes is not null && runner.Options.Scripts is DeferredScriptHosts deferred)
        {
            // The prefilter lets the file through: the scripts it will likely call start on the thread
            // pool while it is parsed and matched, not on this worker once it matched (the rest of a
            // short run waits on that). A start no file asks for is never reported.
            deferred.StartInBackground();
        }

        try
        {
            bytes ??= File.ReadAllBytes(_env.Resolve(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileResult { Path = path, Status = FileStatus.Failed, Message = $"cannot read {path}: {e.Message}" };
        }

        return Process(runner, path, Remembering(new SharedFile(new SourceText(path, bytes)), scans), patchDirectory);
    }

    /// <summary>The file with the prefilter's scans made before it was read, so that the patches' runs do not scan it again.</summary>
    private static SharedFile Remembering(SharedFile file, List<PrefilterResult>? scans)
    {
        if (scans is not null)
        {
            foreach (var scan in scans)
            {
                file.RememberScan(scan);
            }
        }

        return file;
    }

    /// <summary>What a group of files gives: each file's result, and what the scripts printed for the group (with text output).</summary>
    private sealed record GroupResult(FileResult[] Files, byte[] ScriptStdout);

    /// <summary>
    /// Whether the prefilter rules the file out for every patch, read into a pooled buffer: most files
    /// of a tree are ruled out, and each would otherwise get an array of its own (the whole tree's
    /// size in allocations, with the collections and page faults that go with them). When a patch may
    /// match, <paramref name="bytes"/> is the file, read once. False with null bytes when the file
    /// cannot be read here (the usual path reads it again and reports why), when a patch runs without
    /// the prefilter, or with -o (which writes the unchanged file too). <paramref name="scans"/> are
    /// the words each patch tested so far found, for its run on the file (null when none was tested).
    /// </summary>
    private bool RuledOut(List<SemanticPatchRunner> runners, string path, out byte[]? bytes, out List<PrefilterResult>? scans)
    {
        bytes = null;
        scans = null;
        if (_settings.Output is not null)
        {
            return false;
        }

        foreach (var runner in runners)
        {
            if (!runner.Options.UsePrefilter)
            {
                return false;
            }
        }

        byte[]? buffer = null;
        char[]? latin1 = null;
        try
        {
            using var handle = File.OpenHandle(_env.Resolve(path));
            long length = RandomAccess.GetLength(handle);
            if (length > Array.MaxLength)
            {
                return false;
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            int read = 0;
            while (read < length)
            {
                int n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var content = buffer.AsSpan(0, read);

            // PERF: the prefilters read names, which are ASCII: the file is widened once (Latin-1, one
            // char per byte) for every patch's search, not once per patch.
            latin1 = ArrayPool<char>.Shared.Rent(Math.Max(read, 1));
            int widened = Encoding.Latin1.GetChars(content, latin1);
            foreach (var runner in runners)
            {
                var scan = runner.Prefilter.ScanLatin1(latin1.AsSpan(0, widened));
                (scans ??= []).Add(scan);
                if (scan.AnyOutputRuleCanRun)
                {
                    bytes = content.ToArray();
                    return false;
                }
            }

            scans = null;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Unreadable here, or a bug in a prefilter: the usual path meets it again and reports it for this file.
            bytes = null;
            scans = null;
            return false;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (latin1 is not null)
            {
                ArrayPool<char>.Shared.Return(latin1);
            }
        }
    }

    /// <summary>The result of a file every patch's prefilter ruled out: what a run on it gives when nothing can match (it is not parsed).</summary>
    private FileResult RuledOutResult(string path, string? patchDirectory)
    {
        var result = new FileResult { Path = path };
        Convert(new FileOutcome { Path = path, Original = [] }, result, patchDirectory, withScripts: true);
        return result;
    }


    /// <summary>Several files named together, read and run as one group.</summary>
    private GroupResult ProcessGroup(SemanticPatchRunner runner, List<string> paths, string? patchDirectory = null)
    {
        var group = new SharedFile[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            try
            {
                group[i] = new SharedFile(new SourceText(paths[i], File.ReadAllBytes(_env.Resolve(paths[i]))));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var unread = new FileResult[paths.Count];
                for (int j = 0; j < paths.Count; j++)
                {
                    unread[j] = new FileResult { Path = paths[j] };
                }

                unread[i].Status = FileStatus.Failed;
                unread[i].Message = $"cannot read {paths[i]}: {e.Message}";
                return new GroupResult(unread, []);
            }
        }

        return ProcessGroup(runner, group, patchDirectory);
    }

    /// <summary>One patch on a file already read, whose parses and sessions <paramref name="file"/> shares with the run's other patches.</summary>
    private FileResult Process(SemanticPatchRunner runner, string path, SharedFile file, string? patchDirectory) =>
        ProcessGroup(runner, [file], patchDirectory).Files[0];

    /// <summary>
    /// One patch on a group of files (one file alone is the group of one: what its scripts printed
    /// comes first in its own output). The group shares one --timeout.
    /// </summary>
    private GroupResult ProcessGroup(SemanticPatchRunner runner, SharedFile[] group, string? patchDirectory)
    {
        var results = new FileResult[group.Length];
        for (int i = 0; i < group.Length; i++)
        {
            results[i] = new FileResult { Path = group[i].Source.Path };
        }

        var done = new GroupResult(results, []);
        using var timeout = _settings.Timeout is int seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _env.Cancellation, _stopFiles.Token);
        FileOutcome[] outcomes;
        try
        {
            outcomes = runner.WithCancellation(linked.Token).Run(group);
        }
        catch (OperationCanceledException)
        {
            foreach (var result in results)
            {
                result.Status = FileStatus.TimedOut;
            }

            return done;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's input: report it for this file and go on with the others.
            foreach (var result in results)
            {
                result.Status = FileStatus.InternalError;
                result.Message = $"internal error on {result.Path}: {e.GetType().Name}: {e.Message}";
            }

            return done;
        }

        // The group's scripts ran in one session, opened for its first file.
        if (runner.Options.Scripts is DeferredScriptHosts deferred && deferred.StartErrorOn(results[0].Path) is { } startError)
        {
            results[0].ScriptStartError = startError;
            return done;
        }

        for (int i = 0; i < group.Length; i++)
        {
            Convert(outcomes[i], results[i], patchDirectory, group.Length == 1);
        }

        return group.Length > 1 && _settings.Format == RuleRunFormat.Text
            ? done with { ScriptStdout = Encoding.UTF8.GetBytes(outcomes[0].ScriptOutput) }
            : done;
    }

    /// <summary>What a file's outcome gives to print and to write; <paramref name="withScripts"/>: its stdout starts with what the scripts printed.</summary>
    private void Convert(FileOutcome outcome, FileResult result, string? patchDirectory, bool withScripts)
    {
        result.ParseWarnings = ParseWarnings(outcome);
        (result.Functions, result.FunctionsWithErrors, result.FunctionsNotRead, result.MatchedRules) = (outcome.Functions, outcome.FunctionsWithErrors, outcome.FunctionsNotRead, outcome.MatchedRules.Count);
        if (outcome.ScriptFailure is not null)
        {
            // The file's other output is kept and the run goes on with the other files. Over a folder the
            // status stays 0, as spatch's: it says "EXN: ... in FILE" and goes on, and coccicheck, which
            // stops at the first rule that exits non-zero, goes on to the next rule as with spatch.
            result.Stderr += outcome.ScriptFailure + "\n";
            result.ScriptFailed = true;
        }

        result.ExitRequested = outcome.ExitRequested;
        result.RuledOut = outcome.RuledOut;
        result.PendingInstances = outcome.PendingInstances;
        if (outcome.Failure is not null)
        {
            result.Status = FileStatus.Failed;
            result.Message = outcome.Failure;
            return;
        }

        result.Modified = outcome.Modified;
        result.Original = outcome.Modified is null && _settings.Output is null ? null : outcome.Original;
        if (_settings.Format == RuleRunFormat.Text)
        {
            result.Stdout = Render(outcome, patchDirectory, withScripts);
            return;
        }

        // stdout holds the findings' document only: what scripts print (their reports are findings too) goes to stderr.
        result.Findings = FindingCollector.Collect(outcome, _settings.ContextLines ?? 3);
        if (!_settings.VeryQuiet)
        {
            result.Stderr += outcome.ScriptOutput;
        }
    }

    /// <summary>
    /// A file that did not parse entirely is still processed for what parsed; say so unless
    /// --very-quiet (spatch says nothing, but silently missing code is worse than a line on stderr).
    /// </summary>
    private string ParseWarnings(FileOutcome outcome)
    {
        if (_settings.VeryQuiet)
        {
            return string.Empty;
        }

        int errors = 0, notRead = 0;
        Diagnostic? first = null, firstNotRead = null;
        foreach (var d in outcome.Diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error)
            {
                first ??= d;
                errors++;
            }
            else if (d.Id == DiagnosticId.FunctionNotReadBySpatch && outcome.FunctionsNotRead > 0)
            {
                firstNotRead ??= d;
                notRead++;
            }
        }

        // One line per file for each, as a file of many such functions would flood the output.
        string notReadLine = firstNotRead is null ? string.Empty : $"{firstNotRead}{More(notRead)}\n";
        return first is null ? notReadLine : $"{first}{More(errors)}; the rest of the file is processed\n{notReadLine}";

        static string More(int count) => count > 1 ? $" ({count - 1} more in this file)" : string.Empty;
    }

    /// <summary>The report lines and the diff of one file, as spatch prints them.</summary>
    private byte[] Render(FileOutcome outcome, string? patchDirectory, bool withScripts)
    {
        var stdout = new MemoryStream();
        if (withScripts)
        {
            stdout.Write(Encoding.UTF8.GetBytes(outcome.ScriptOutput));
        }

        foreach (string report in outcome.Reports)
        {
            stdout.Write(Encoding.UTF8.GetBytes(report + "\n"));
        }

        // In context mode (* rules) every matched line is shown as removed, and nothing added.
        bool star = outcome.Modified is null && outcome.StarLines.Count > 0;
        // spatch shows no diff for a file whose rewrite comes back to its own tokens, though -o and
        // --in-place still write it out with its new layout.
        bool layoutOnly = outcome.Modified is not null && LayoutOnlyChange.SameTokens(outcome.Original, outcome.Modified);
        if (!_settings.ShowDiff || (outcome.Modified is null && !star) || layoutOnly)
        {
            return stdout.ToArray();
        }

        byte[] target = star ? RemoveLines(outcome.Original, outcome.StarLines) : outcome.Modified!;
        string oldName, newName;
        if (patchDirectory is not null)
        {
            string prefix = patchDirectory.Length == 0 ? "." : patchDirectory;
            (oldName, newName) = SpatchDiffNames.PatchModeNames(prefix, outcome.Path, _env.WorkingDirectory, star);
        }
        else
        {
            oldName = outcome.Path;
            newName = $"{_env.TempDirectory}/cocci-output-{_env.ProcessId}-{ShortHash(outcome.Path)}-{Path.GetFileName(outcome.Path)}";
        }

        stdout.Write(UnifiedDiff.Create(outcome.Original, target, oldName, newName, new UnifiedDiffOptions
        {
            ContextLines = _settings.ContextLines,
            IncludeCommandLine = patchDirectory is not null,
            SpatchLineCleanup = true,
        }));
        return stdout.ToArray();
    }

    /// <summary>Six hex digits standing where spatch puts the random part of its temporary file name; stable for a path.</summary>
    private static string ShortHash(string path)
    {
        uint h = 2166136261;
        foreach (char c in path)
        {
            h = (h ^ c) * 16777619;
        }

        return (h & 0xFFFFFF).ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>OCaml's String.escaped, as spatch's "EXN: Failure(...)" lines show messages.</summary>
    internal static string OCamlEscape(string message)
    {
        var sb = new StringBuilder(message.Length + 16);
        foreach (byte b in Encoding.UTF8.GetBytes(message))
        {
            switch (b)
            {
                case (byte)'"': sb.Append("\\\""); break;
                case (byte)'\\': sb.Append("\\\\"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\b': sb.Append("\\b"); break;
                case >= 0x20 and < 0x7F: sb.Append((char)b); break;
                default: sb.Append('\\').Append(b.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }

        return sb.ToString();
    }
}
