using Sevenspot.Engine;
using Sevenspot.Smpl;

namespace Sevenspot.Scripting;

/// <summary>
/// The script side of a run, started when a file first calls a script. Most rules print through a
/// script rule that runs only where the rule matched, and on most trees the prefilter or the
/// matcher rules out every file: then no interpreter is started at all (starting python and
/// loading the scripts costs more than such a run's files). spatch too loads a script rule when it
/// first runs: an error in a script that never runs goes unnoticed by both. A patch with initialize
/// or finalize rules is started by the caller before any file (<see cref="StartInBackground"/>, then
/// <see cref="Start"/>): those rules run whatever the files.
/// </summary>
public sealed class DeferredScriptHosts : IScriptHost, IDisposable
{
    private readonly SmplFile _patch;
    private readonly ScriptOptions _options;
    private readonly object _gate = new();

    // The files that asked for a script after the start failed: their results are replaced by the
    // error, where the run stops (the first such file in input order, for any number of workers).
    private readonly HashSet<string> _failedOn = new(StringComparer.Ordinal);
    private ScriptHosts? _hosts;
    private string? _error;
    private bool _tried;
    private bool _disposed;
    private bool _startFailed;
    private int _processed;

    public DeferredScriptHosts(SmplFile patch, ScriptOptions options)
    {
        _patch = patch;
        _options = options;
    }

    /// <summary>Whether the patch has initialize or finalize rules, which run whatever the files (start those hosts at once).</summary>
    public static bool HasInitializeOrFinalize(SmplFile patch)
    {
        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule { ScriptKind: ScriptKind.Initialize or ScriptKind.Finalize })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Begins the start on another thread and returns at once: the interpreter starts, compiles the
    /// scripts and runs the initialize rules while the caller reads the rest of its inputs (the
    /// other patches, the file list); <see cref="Start"/> then waits for it and gives its outcome.
    /// </summary>
    public void StartInBackground()
    {
        lock (_gate)
        {
            if (_tried)
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static hosts => hosts.Start(out _), this, preferLocal: false);
    }

    /// <summary>Starts the hosts, once (the first caller waits, the others share the outcome); null and the error when they cannot start.</summary>
    public ScriptHosts? Start(out string? error)
    {
        lock (_gate)
        {
            if (!_tried && !_disposed)
            {
                _tried = true;
                _hosts = ScriptHosts.Start(_patch, _options, out _error);
                Volatile.Write(ref _startFailed, _hosts is null);
            }

            error = _error;
            return _hosts;
        }
    }

    /// <summary>The hosts when they were started and run, null otherwise.</summary>
    public ScriptHosts? Started
    {
        get
        {
            lock (_gate)
            {
                return _hosts;
            }
        }
    }

    /// <summary>
    /// Whether the start was tried and failed: no script of the patch can run from then on. Read
    /// without waiting for a start in progress (false until it is over).
    /// </summary>
    public bool StartFailed => Volatile.Read(ref _startFailed);

    /// <summary>The start's error when <paramref name="path"/> asked for a script and the hosts could not start; null otherwise.</summary>
    public string? StartErrorOn(string path)
    {
        lock (_gate)
        {
            return _error is not null && _failedOn.Contains(path) ? _error : null;
        }
    }

    public void FileProcessed() => Volatile.Write(ref _processed, 1);

    /// <summary>
    /// Marks the end of one run of the patch over its files (for the hosts, when they were started);
    /// true when the run got to some file's code (see <see cref="FileProcessed"/>).
    /// </summary>
    public bool EndRun()
    {
        bool processed = Interlocked.Exchange(ref _processed, 0) != 0;
        Started?.EndRun(processed);
        return processed;
    }

    public IScriptFileSession OpenFile(string path)
    {
        Start(out _);

        // The hosts are read again under the lock, where Dispose clears them: a file opened while
        // they are disposed gets the error, never hosts on their way out.
        lock (_gate)
        {
            if (_hosts is { } hosts)
            {
                return hosts.OpenFile(path);
            }

            _failedOn.Add(path);
            return new FailedSession(_error ?? "the script workers could not start");
        }
    }

    public void Dispose()
    {
        // Waits for a start in progress; a start queued but not begun will not start anything. A
        // worker that opens a file afterwards (one given up on at the deadline) gets a failed session
        // with an error, not hosts that are gone.
        lock (_gate)
        {
            _disposed = true;
            _hosts?.Dispose();
            _hosts = null;
            _error ??= ScriptHost.Stopped;
        }
    }

    /// <summary>A file's calls when the hosts could not start: each fails with the start's error (the caller reports it once and stops).</summary>
    private sealed class FailedSession(string error) : IScriptFileSession
    {
        private readonly ScriptCallResult _failed = new() { Error = error };

        public ScriptCallResult RunRule(ScriptRule rule, IReadOnlyList<ScriptInput> inputs) => _failed;

        public ScriptCallResult Evaluate(ScriptConstraint script, IReadOnlyList<ScriptInput> inputs) => _failed;

        public void Dispose()
        {
        }
    }
}
