namespace Sevenspot.Engine;

/// <summary>Which code tokens a pattern token matched; an empty range (Last &lt; First) is a place.</summary>
public readonly record struct TraceEntry(int PatternToken, int CodeFirst, int CodeLast, Env? LocalEnv, TracePart Part = TracePart.Whole);

/// <summary>
/// Which part of a pattern token's match an entry is. A token can match two separate runs of code (a
/// type metavariable against "int x[4]" matches "int" and "[4]"): both are removed with the token,
/// code added before it goes before the head, code added after it after the tail.
/// </summary>
public enum TracePart : byte
{
    Whole,
    Head,
    Tail,

    /// <summary>
    /// A function's prototype matched as its header: the token is the body's removed brace, and of the
    /// code added there only the new header, up to its own brace, goes in (before the semicolon).
    /// </summary>
    HeaderOnly,

    /// <summary>A run between the head and the tail: removed with the token, no added code goes there.</summary>
    Middle,
}

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
        : this(env, trace, -1, muted: false)
    {
    }

    private MatchState(Env env, Trace? trace, int witness, bool muted)
    {
        Env = env;
        Trace = trace;
        Witness = witness;
        Muted = muted;
    }

    public Env Env { get; }

    public Trace? Trace { get; }

    /// <summary>
    /// For a match of one rule element found through the control-flow graph: the witness tree it
    /// belongs to (matches of one tree are one application of the rule), or -1.
    /// </summary>
    public int Witness { get; }

    /// <summary>
    /// Whether tokens matched are left out of the trace: while an isomorphism's own pattern is
    /// matched, its tokens belong to another tree than the rule's and stand for no rule token.
    /// </summary>
    public bool Muted { get; }

    public MatchState InWitness(int witness) => new(Env, Trace, witness, Muted);

    public MatchState With(Env env) => new(env, Trace, -1, Muted);

    public MatchState WithMuted(bool muted) => new(Env, Trace, Witness, muted);

    public MatchState Record(int patternToken, int codeFirst, int codeLast, Env? local = null) =>
        Muted ? this : new(Env, new Trace(new TraceEntry(patternToken, codeFirst, codeLast, local), Trace), -1, false);

    /// <summary>
    /// The state with the whole-token entries recorded since <paramref name="since"/> given the part
    /// <paramref name="partOf"/> says for their pattern token.
    /// </summary>
    public MatchState WithParts(Trace? since, Func<int, TracePart> partOf)
    {
        var added = new List<TraceEntry>();
        for (var t = Trace; t is not null && t != since; t = t.Next)
        {
            added.Add(t.Entry);
        }

        var trace = since;
        for (int i = added.Count - 1; i >= 0; i--)
        {
            var entry = added[i];
            trace = new Trace(entry.Part == TracePart.Whole ? entry with { Part = partOf(entry.PatternToken) } : entry, trace);
        }

        return new(Env, trace, Witness, Muted);
    }

    /// <summary>Records one of the two runs of code a pattern token matched (see <see cref="TracePart"/>).</summary>
    public MatchState RecordPart(int patternToken, int codeFirst, int codeLast, TracePart part) =>
        Muted ? this : new(Env, new Trace(new TraceEntry(patternToken, codeFirst, codeLast, null, part), Trace), -1, false);
}
