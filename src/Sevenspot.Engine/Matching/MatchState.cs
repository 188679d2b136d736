namespace Sevenspot.Engine;

/// <summary>Which code tokens a pattern token matched; an empty range (Last &lt; First) is a place.</summary>
public readonly record struct TraceEntry(int PatternToken, int CodeFirst, int CodeLast, Env? LocalEnv);

/// <summary>A persistent list of trace entries (shared tails, cheap to extend while backtracking).</summary>
public sealed class Trace
{
    public Trace(TraceEntry entry, Trace? next)
    {
        Entry = entry;
        Next = next;
    }

    public TraceEntry Entry { get; }

    public Trace? Next { get; }

    public IEnumerable<TraceEntry> Entries
    {
        get
        {
            for (var t = this; t is not null; t = t.Next)
            {
                yield return t.Entry;
            }
        }
    }
}

/// <summary>The state of a match in progress: the bindings so far and what matched what.</summary>
public readonly struct MatchState
{
    public MatchState(Env env, Trace? trace)
    {
        Env = env;
        Trace = trace;
    }

    public Env Env { get; }

    public Trace? Trace { get; }

    public MatchState With(Env env) => new(env, Trace);

    public MatchState Record(int patternToken, int codeFirst, int codeLast, Env? local = null) =>
        new(Env, new Trace(new TraceEntry(patternToken, codeFirst, codeLast, local), Trace));
}
