using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sevenspot.Cli.Spatch;

/// <summary>
/// --profile: where a run's time went, printed on stderr when it ends, as spatch's table of
/// "NAME : SECONDS sec COUNT count" lines under "profiling result". Sevenspot's entries are its own
/// phases: start-up until the first file, the files on the workers (their busy time, the time they
/// sat idle, the tail after the last file was taken; where Linux tells, how much of the busy time
/// they ran on a core and how much they waited for one), the phases of the start-up ("start-up: ..."),
/// each patch's time on the files (with several patches, without the work on a file they share: its
/// parse, types, graphs and #define bodies, an entry of its own), the collector's pauses, the JIT's compilation time (on any thread,
/// methods compiled as the count), the contended locks, and the process's CPU time (in all, and
/// spent before the first file); then, in a section of its own, the slowest files (wall time, time on
/// a core, and with several patches the one that took most), and the files at whose end the process's
/// peak resident set had grown most (where Linux tells). Thread-safe: the workers add to it.
/// </summary>
internal sealed class RunProfile
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Ticks, int Count)> _entries = new(StringComparer.Ordinal);
    private readonly long _created = Stopwatch.GetTimestamp();
    private long _filesStarted;
    private TimeSpan _cpuAtFilesStarted;
    private long _filesEnded;
    private long _lastTaken;
    private long _busyTicks;
    private long _busyRunNanoseconds;
    private long _busyWaitNanoseconds;
    private int _scheduleKnown;
    private int _files;
    private int _jobs;

    // The slowest files of the run, slowest first.
    private const int SlowestKept = 25;
    private readonly List<FileCost> _slowest = [];

    // The patch that has taken most of the file the worker is on so far (see PatchOnFile).
    [ThreadStatic]
    private static string? t_heaviestPatch;
    [ThreadStatic]
    private static long t_heaviestTicks;

    /// <summary>The workers start on the files.</summary>
    public void FilesStarting(int jobs)
    {
        _jobs = jobs;
        _filesStarted = Stopwatch.GetTimestamp();
        _cpuAtFilesStarted = Environment.CpuUsage.TotalTime;
    }

    /// <summary>Every file is done.</summary>
    public void FilesEnded() => _filesEnded = Stopwatch.GetTimestamp();

    /// <summary>A worker takes a file; the stamp to give <see cref="FileDone"/>.</summary>
    public FileStamp FileTaken()
    {
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _lastTaken = Math.Max(_lastTaken, now);
        }

        var (run, wait) = ThreadSchedule();
        return new FileStamp(now, run, wait);
    }

    /// <summary>A worker is done with the file <paramref name="path"/> it took at <paramref name="taken"/>.</summary>
    public void FileDone(FileStamp taken, string path)
    {
        long ticks = Stopwatch.GetTimestamp() - taken.Ticks;
        var (run, wait) = ThreadSchedule();
        Interlocked.Add(ref _busyTicks, ticks);
        long onCore = -1;
        if (run >= 0 && taken.RunNanoseconds >= 0)
        {
            onCore = run - taken.RunNanoseconds;
            Interlocked.Add(ref _busyRunNanoseconds, onCore);
            Interlocked.Add(ref _busyWaitNanoseconds, wait - taken.WaitNanoseconds);
            Volatile.Write(ref _scheduleKnown, 1);
        }

        Interlocked.Increment(ref _files);
        RaisedPeak(path);
        var cost = new FileCost(path, ticks, onCore, t_heaviestPatch, t_heaviestTicks);
        t_heaviestPatch = null;
        t_heaviestTicks = 0;
        lock (_gate)
        {
            // The slowest files by time on a core where Linux tells (else by wall), kept as a small sorted list.
            if (_slowest.Count < SlowestKept || Slower(cost, _slowest[^1]))
            {
                int at = _slowest.FindIndex(c => Slower(cost, c));
                _slowest.Insert(at < 0 ? _slowest.Count : at, cost);
                if (_slowest.Count > SlowestKept)
                {
                    _slowest.RemoveAt(_slowest.Count - 1);
                }
            }
        }
    }

    /// <summary>
    /// One patch of several took <paramref name="ticks"/> on the file the calling worker is on: the patch
    /// that took most is named on the file's line of the slowest files.
    /// </summary>
    public void PatchOnFile(string patch, long ticks)
    {
        if (ticks > t_heaviestTicks || t_heaviestPatch is null)
        {
            t_heaviestPatch = patch;
            t_heaviestTicks = ticks;
        }
    }

    // The files at whose end the process's peak resident set had grown, largest growth first: the
    // peak is that of the files in flight then (this one and those the other workers were on).
    private const int PeakRaisersKept = 15;
    private readonly List<(string Path, long PeakKilobytes, long GrowthKilobytes, long HeapKilobytes)> _peakRaisers = [];
    private long _peakKilobytes;

    /// <summary>Notes a file at whose end the peak resident set is higher than at any file's end before.</summary>
    private void RaisedPeak(string path)
    {
        long peak = PeakResidentKilobytes();
        if (peak <= Volatile.Read(ref _peakKilobytes))
        {
            return;
        }

        long heap = GC.GetGCMemoryInfo().HeapSizeBytes >> 10;
        lock (_gate)
        {
            long growth = peak - _peakKilobytes;
            if (growth <= 0)
            {
                return;
            }

            _peakKilobytes = peak;
            if (_peakRaisers.Count < PeakRaisersKept || growth > _peakRaisers[^1].GrowthKilobytes)
            {
                int at = _peakRaisers.FindIndex(r => growth > r.GrowthKilobytes);
                _peakRaisers.Insert(at < 0 ? _peakRaisers.Count : at, (path, peak, growth, heap));
                if (_peakRaisers.Count > PeakRaisersKept)
                {
                    _peakRaisers.RemoveAt(_peakRaisers.Count - 1);
                }
            }
        }
    }

    /// <summary>The process's peak resident set so far (VmHWM), in kilobytes; 0 where the system does not say.</summary>
    private static long PeakResidentKilobytes()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }

    private static bool Slower(FileCost a, FileCost b) =>
        a.OnCoreNanoseconds >= 0 && b.OnCoreNanoseconds >= 0 ? a.OnCoreNanoseconds > b.OnCoreNanoseconds : a.Ticks > b.Ticks;

    /// <summary>A file's wall time, its worker's time on a core (-1: not known), and the patch that took most of it (null: one patch).</summary>
    private readonly record struct FileCost(string Path, long Ticks, long OnCoreNanoseconds, string? Patch, long PatchTicks);

    /// <summary>When a worker took a file: the clock, and its thread's time on a core and waiting for one so far.</summary>
    public readonly record struct FileStamp(long Ticks, long RunNanoseconds, long WaitNanoseconds);

    /// <summary>
    /// The calling thread's time on a core and time ready but waiting for one, in nanoseconds, from
    /// Linux's /proc/thread-self/schedstat; (-1, -1) where the system does not give them. A busy
    /// worker's wall time is the sum of the two when it never blocks: the waiting is the other
    /// threads' (collector, other processes) use of the cores.
    /// </summary>
    private static (long Run, long Wait) ThreadSchedule()
    {
        try
        {
            string text = File.ReadAllText("/proc/thread-self/schedstat");
            var fields = text.Split(' ', 3);
            return fields.Length >= 2
                && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long run)
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long wait)
                ? (run, wait)
                : (-1, -1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (-1, -1);
        }
    }

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="Stopwatch"/> stamp) to the entry <paramref name="name"/>.</summary>
    public void Add(string name, long started) => AddTicks(name, Stopwatch.GetTimestamp() - started);

    /// <summary>Adds <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks) to the entry <paramref name="name"/>.</summary>
    public void AddTicks(string name, long ticks)
    {
        lock (_gate)
        {
            _entries[name] = _entries.TryGetValue(name, out var e) ? (e.Ticks + ticks, e.Count + 1) : (ticks, 1);
        }
    }

    /// <summary>Adds the time since <paramref name="started"/> to <paramref name="name"/>; the stamp the next phase starts from.</summary>
    public long Phase(string name, long started)
    {
        Add(name, started);
        return Stopwatch.GetTimestamp();
    }

    /// <summary>The table, spatch's layout: the phases first, then the other entries, longest first.</summary>
    public string Render()
    {
        long end = Stopwatch.GetTimestamp();
        var lines = new List<(string Name, double Seconds, long Count)>();
        double sinceProcessStart = ProcessSeconds();
        double sinceCreated = Seconds(end - _created);
        lines.Add(("Main total", sinceProcessStart >= 0 ? sinceProcessStart : sinceCreated, 1));
        var process = Process.GetCurrentProcess();
        lines.Add(("CPU user", process.UserProcessorTime.TotalSeconds, 1));
        lines.Add(("CPU system", process.PrivilegedProcessorTime.TotalSeconds, 1));
        lines.Add(("GC pauses", GC.GetTotalPauseDuration().TotalSeconds, GC.CollectionCount(0)));
        lines.Add(("GC gen1 collections", 0, GC.CollectionCount(1)));
        lines.Add(("GC gen2 collections", 0, GC.CollectionCount(2)));
        lines.Add(("GC allocated MB", 0, GC.GetTotalAllocatedBytes() >> 20));
        lines.Add(("JIT compilation", System.Runtime.JitInfo.GetCompilationTime().TotalSeconds, System.Runtime.JitInfo.GetCompiledMethodCount()));
        lines.Add(("lock contentions", 0, Monitor.LockContentionCount));
        if (_filesStarted != 0)
        {
            long filesEnd = _filesEnded != 0 ? _filesEnded : end;
            double before = Seconds(_filesStarted - _created) + Math.Max(0, sinceProcessStart - sinceCreated);
            double files = Seconds(filesEnd - _filesStarted);
            double busy = Seconds(Interlocked.Read(ref _busyTicks));
            lines.Add(("start-up, to the first file", before, 1));
            lines.Add(("start-up CPU, to the first file", _cpuAtFilesStarted.TotalSeconds, 1));
            lines.Add(("files, wall", files, _files));
            lines.Add(("files, workers busy", busy, _jobs));
            lines.Add(("files, workers idle", Math.Max(0, (_jobs * files) - busy), _jobs));
            if (Volatile.Read(ref _scheduleKnown) != 0)
            {
                // busy = on a core + waiting for one + blocked (collector pauses, reading files, locks).
                lines.Add(("files, workers on a core", Interlocked.Read(ref _busyRunNanoseconds) / 1e9, _jobs));
                lines.Add(("files, workers waiting for a core", Interlocked.Read(ref _busyWaitNanoseconds) / 1e9, _jobs));
            }

            lines.Add(("files, tail after the last file was taken", _lastTaken == 0 ? 0 : Seconds(filesEnd - _lastTaken), 1));
            lines.Add(("after the files", Seconds(end - filesEnd), 1));
        }

        var others = new List<(string Name, double Seconds, long Count)>();
        lock (_gate)
        {
            foreach (var (name, (ticks, count)) in _entries)
            {
                others.Add((name, Seconds(ticks), count));
            }
        }

        others.Sort((a, b) => a.Seconds != b.Seconds ? b.Seconds.CompareTo(a.Seconds) : string.CompareOrdinal(a.Name, b.Name));
        lines.AddRange(others);

        var text = new StringBuilder("---------------------\nprofiling result\n---------------------\n");
        foreach (var (name, seconds, count) in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name,-40} : {seconds,10:F3} sec {count,10} count\n");
        }

        lock (_gate)
        {
            if (_slowest.Count > 0)
            {
                // Sevenspot's own section: the slowest files, each with its wall time, its time on a core and its heaviest patch.
                text.Append(CultureInfo.InvariantCulture, $"---------------------\nslowest files ({_slowest.Count} of {_files})\n---------------------\n");
                foreach (var cost in _slowest)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{cost.Path} : {Seconds(cost.Ticks):F3} sec wall");
                    if (cost.OnCoreNanoseconds >= 0)
                    {
                        text.Append(CultureInfo.InvariantCulture, $", {cost.OnCoreNanoseconds / 1e9:F3} sec on a core");
                    }

                    if (cost.Patch is { } patch)
                    {
                        text.Append(CultureInfo.InvariantCulture, $", most in {patch} ({Seconds(cost.PatchTicks):F3} sec wall)");
                    }

                    text.Append('\n');
                }
            }

            if (_peakRaisers.Count > 0)
            {
                // Which files drive the peak resident set: those in flight when it grew most.
                text.Append(CultureInfo.InvariantCulture,
                    $"---------------------\nfiles at whose end the peak resident set had grown most ({_peakRaisers.Count}; peak {_peakKilobytes >> 10} MB)\n---------------------\n");
                foreach (var (path, peak, growth, heap) in _peakRaisers)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{path} : +{growth >> 10} MB to {peak >> 10} MB peak, managed heap {heap >> 10} MB\n");
                }
            }
        }

        return text.ToString();
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    /// <summary>Seconds since the process started (the runtime's own start included), or -1 when the system does not say.</summary>
    private static double ProcessSeconds()
    {
        try
        {
            return (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
