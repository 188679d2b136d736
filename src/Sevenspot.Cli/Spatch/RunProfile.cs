using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sevenspot.Cli.Spatch;

/// <summary>
/// --profile: where a run's time went, printed on stderr when it ends, as spatch's table of
/// "NAME : SECONDS sec COUNT count" lines under "profiling result". Sevenspot's entries are its own
/// phases: start-up until the first file, the files on the workers (their busy time, the time they
/// sat idle, the tail after the last file was taken), the phases of the start-up ("start-up: ..."),
/// each patch's time on the files, the collector's pauses, and the process's CPU time (in all, and
/// spent before the first file). Thread-safe: the workers add to it.
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
    private int _files;
    private int _jobs;

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
    public long FileTaken()
    {
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _lastTaken = Math.Max(_lastTaken, now);
        }

        return now;
    }

    /// <summary>A worker is done with the file it took at <paramref name="taken"/>.</summary>
    public void FileDone(long taken)
    {
        long ticks = Stopwatch.GetTimestamp() - taken;
        Interlocked.Add(ref _busyTicks, ticks);
        Interlocked.Increment(ref _files);
    }

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="Stopwatch"/> stamp) to the entry <paramref name="name"/>.</summary>
    public void Add(string name, long started)
    {
        long ticks = Stopwatch.GetTimestamp() - started;
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
