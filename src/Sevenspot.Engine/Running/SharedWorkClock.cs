using System.Diagnostics;

namespace Sevenspot.Engine;

/// <summary>
/// The time the calling thread has spent on the per-file work that the patches of a run share: the
/// parse of a file, its type annotation, its functions' control-flow graphs, the reading of its #define
/// bodies. Each is made on first use by whichever patch asks first; counted here, a profile can show it
/// apart instead of charging it to that patch. Nested work is counted once.
/// </summary>
public static class SharedWorkClock
{
    [ThreadStatic]
    private static long t_ticks;
    [ThreadStatic]
    private static int t_depth;
    [ThreadStatic]
    private static long t_started;

    /// <summary>The calling thread's shared work so far, in <see cref="Stopwatch"/> ticks.</summary>
    public static long Ticks => t_ticks;

    /// <summary>Counts the time until the returned scope is disposed.</summary>
    internal static Scope Measure()
    {
        if (t_depth++ == 0)
        {
            t_started = Stopwatch.GetTimestamp();
        }

        return default;
    }

    internal readonly struct Scope : IDisposable
    {
        public void Dispose()
        {
            if (--t_depth == 0)
            {
                t_ticks += Stopwatch.GetTimestamp() - t_started;
            }
        }
    }
}
