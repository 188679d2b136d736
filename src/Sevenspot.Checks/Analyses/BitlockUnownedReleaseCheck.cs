using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// bitlock-unowned-release: a bit lock (a bit spinlock, a bit taken with test_and_set_bit_lock,
/// or a bit the file takes with a tested test_and_set_bit and releases with clear_bit) released
/// on a path that leaves the test where taking it failed, with no acquisition of the same bit
/// between: the bit belongs to the thread that holds it, and clearing it lets a third thread in
/// beside the owner. The usual shape is an error path shared by the "busy" case:
/// <c>if (test_and_set_bit(BUSY, s)) { err = -EBUSY; goto out; } ... out: clear_bit(BUSY, s);</c>.
/// </summary>
public sealed class BitlockUnownedReleaseCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.BitlockUnownedRelease;

    public override bool NeedsFlowGraphs => true;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        HashSet<string>? spunOn = null;
        foreach (var function in file.Functions)
        {
            if (FileLockFacts.Analyze(file, function) is not var (graph, model, result))
            {
                continue;
            }

            var reported = new HashSet<int>();
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (!result.IsReached(node) || graph.GetKind(node) != FlowNodeKind.Branch || LockAnalysis.BranchCondition(graph, node) is not { } condition
                    || model.ConditionalAcquire(condition, out bool holdsOnTrue) is not { } taken || taken.Primitive.Kind is not (LockKind.Bit or LockKind.BitLock)
                    || !IsFixedBit(taken))
                {
                    continue;
                }

                // A bit tried once (no loop of the file spins on it) is reported only when the
                // failed test turns the caller away with an error and joins the holder's own release.
                bool triedOnce = taken.Primitive.Kind == LockKind.BitLock && !(spunOn ??= SpunOn(file)).Contains(BitLockEvidence.KeyOf(taken.Call) ?? string.Empty);
                if (triedOnce && !(BitlockReleaseCheck.TestedAsLock(taken.Call, out var failed) && failed is { } region && BitlockReleaseCheck.NamesErrorCode(region)))
                {
                    continue;
                }

                foreach (var edge in graph.GetSuccessors(node))
                {
                    if (edge.Kind != FlowEdgeKind.Normal && (edge.Kind == FlowEdgeKind.True) != holdsOnTrue
                        && ReleaseWithoutTaking(file, graph, model, edge.Node, taken.Key) is { } release
                        && (!triedOnce || (HolderReleasesAt(file, graph, model, node, holdsOnTrue, taken.Key, release) && !WaitsBeforeRelease(file, graph, model, edge.Node, taken.Key)))
                        && reported.Add(release.Span.Start))
                    {
                        Report(file, sink, taken, release);
                    }
                }
            }

            ReportReleasedTwice(file, sink, graph, model, result, reported, ref spunOn);
        }
    }

    /// <summary>
    /// Whether the release reached from the failed test is also the first release of the branch
    /// where the test took the bit: the "busy" path shares the holder's exit (<c>if
    /// (test_and_set_bit_lock(B, w)) { err = -EBUSY; goto out; } ... out: clear_bit_unlock(B, w);</c>).
    /// A clear made only on the failed path (a re-entry guard or an in-flight marker cleared on
    /// purpose by the thread that found it set) is not such a release. Asked only for bits tried
    /// once whose failed branch names an error code (the caller is turned away as busy): a
    /// re-entry guard that just skips its work (<c>if (test_and_set_bit(IN_IRQ, f)) goto out;</c>)
    /// is not reported.
    /// </summary>
    private static bool HolderReleasesAt(FileContext file, IFlowGraph graph, LockModel model, int test, bool holdsOnTrue, string key, SyntaxNode release)
    {
        foreach (var edge in graph.GetSuccessors(test))
        {
            if (edge.Kind != FlowEdgeKind.Normal && (edge.Kind == FlowEdgeKind.True) == holdsOnTrue
                && ReleaseWithoutTaking(file, graph, model, edge.Node, key) is { } held && held == release)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some path from the failed test waits for another thread (a flush, a completion:
    /// the <c>waits</c> of sleeping.txt) before it meets the bit again: the thread that found the
    /// bit taken waits for the holder to finish, and then clears what is left on purpose
    /// (<c>else flush_work(&amp;c-&gt;cleanup); clear_bit(CLEANUP, &amp;c-&gt;flags);</c>).
    /// </summary>
    private static bool WaitsBeforeRelease(FileContext file, IFlowGraph graph, LockModel model, int start, string key)
    {
        var seen = new bool[graph.NodeCount];
        var work = new Stack<int>();
        work.Push(start);
        seen[start] = true;
        while (work.Count > 0)
        {
            int node = work.Pop();
            bool stop = false;
            foreach (var call in LockModel.LockCalls(graph, node))
            {
                if (model.Classify(call) is { } op && op.Key == key)
                {
                    stop = true;
                    break;
                }

                if (SyntaxHelpers.CalleeName(call) is { } name && file.Primitives.FindSleeping(name) is { Reason: SleepReason.Waits })
                {
                    return true;
                }
            }

            if (stop)
            {
                continue;
            }

            foreach (var edge in graph.GetSuccessors(node))
            {
                if (!seen[edge.Node])
                {
                    seen[edge.Node] = true;
                    work.Push(edge.Node);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the bit is a fixed one (a constant: <c>ICE_CFG_BUSY</c>, <c>0</c>) of a word reached
    /// without an index: bits picked by a variable (<c>slot_idx</c>, <c>I915_RESET_ENGINE + engine-&gt;id</c>,
    /// <c>svc_bufs[i].lock</c>) are slots of an allocation bitmap or one lock per index, and the path
    /// from a failed test to a release mostly belongs to another index.
    /// </summary>
    private static bool IsFixedBit(LockOperation taken)
    {
        if (SyntaxHelpers.Argument(taken.Call, taken.Primitive.BitArgument) is not { } bit || SyntaxHelpers.Argument(taken.Call, taken.Primitive.LockArgument) is not { } word)
        {
            return false;
        }

        foreach (var token in bit.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.IdentifierToken && token.Text.Any(char.IsAsciiLetterLower))
            {
                return false;
            }
        }

        foreach (var node in word.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ElementAccess)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The bits (by <see cref="BitLockEvidence.KeyOf"/>) that some loop of the file spins on until it
    /// takes them (<c>while (test_and_set_bit(B, w)) usleep_range(...)</c>): the file treats them as
    /// locks to wait for. A bit only ever tried once (a re-entry guard, a "cleanup already running"
    /// flag, an inflight marker handed over to the next call) is not reported: its owner often
    /// clears it on purpose on the path where the test failed.
    /// </summary>
    private static HashSet<string> SpunOn(FileContext file)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in SyntaxHelpers.Calls(file.Tree.Root))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name && file.Primitives.FindBitOperation(name) is { Role: BitOperationRole.TestAndSet }
                && BitlockReleaseCheck.TestedAsLock(call, out var failed) && failed is { } region && region.Parent is { Kind: SyntaxKind.WhileStatement or SyntaxKind.DoStatement }
                && BitLockEvidence.KeyOf(call) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>
    /// Releases of a bit lock reached from an earlier release of the same bit, on a path that does
    /// not take it again: after the first release the bit is free or another thread's, and the
    /// second clears it under that thread's feet (netxen's tx timeout clears __NX_RESETTING, calls
    /// a reset that takes the bit itself and may fail because another thread holds it, then clears
    /// it again on the failure path). The bits are those the unowned-release test reports on: fixed
    /// bits, and for test_and_set_bit(_lock) bits some loop of the file spins on.
    /// </summary>
    private void ReportReleasedTwice(FileContext file, FindingSink sink, IFlowGraph graph, LockModel model, DataflowResult<LockState> result, HashSet<int> reported, ref HashSet<string>? spunOn)
    {
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (!result.IsReached(node))
            {
                continue;
            }

            var calls = LockModel.LockCalls(graph, node);
            for (int i = 0; i < calls.Count; i++)
            {
                if (model.Classify(calls[i]) is not { IsAcquire: false } first || first.Primitive.Kind is not (LockKind.Bit or LockKind.BitLock) || !IsFixedBit(first)
                    || (first.Primitive.Kind == LockKind.BitLock && !(spunOn ??= SpunOn(file)).Contains(BitLockEvidence.KeyOf(first.Call) ?? string.Empty)))
                {
                    continue;
                }

                // The rest of the node first, then the paths that leave it.
                SyntaxNode? second = null;
                bool stopped = false;
                for (int j = i + 1; j < calls.Count && !stopped; j++)
                {
                    if (model.Classify(calls[j]) is { } op && op.Key == first.Key)
                    {
                        second = op.IsAcquire ? null : calls[j];
                        stopped = true;
                    }
                    else if (MayLeaveTaken(file, calls[j], first))
                    {
                        stopped = true;
                    }
                }

                if (!stopped)
                {
                    foreach (var edge in graph.GetSuccessors(node))
                    {
                        if (ReleaseWithoutTaking(file, graph, model, edge.Node, first.Key, first) is { } found && (second is not { } s || found.Span.Start < s.Span.Start))
                        {
                            second = found;
                        }
                    }
                }

                if (second is { } release && release != first.Call && reported.Add(release.Span.Start))
                {
                    ReportSecond(file, sink, first, release);
                }
            }
        }
    }

    /// <summary>
    /// Whether a call may return with the bit taken: a function of the file whose body takes the
    /// bit (same bit and word field) and never releases it, a helper that locks for its caller.
    /// A function that takes and releases the bit itself (a reset that serialises on it) leaves it
    /// as it found it.
    /// </summary>
    private static bool MayLeaveTaken(FileContext file, SyntaxNode call, LockOperation bit)
    {
        if (SyntaxHelpers.CalleeName(call) is not { } callee || file.Primitives.IsPrimitive(callee) || BitLockEvidence.KeyOf(bit.Call) is not { } key)
        {
            return false;
        }

        var cache = file.GetShared(static _ => new LeavesTakenCache());
        string cacheKey = callee + "\0" + key;
        if (!cache.TryGetValue(cacheKey, out bool leaves))
        {
            cache[cacheKey] = leaves = LeavesTaken(file, callee, key);
        }

        return leaves;
    }

    private static bool LeavesTaken(FileContext file, string callee, string key)
    {
        foreach (var function in file.Functions)
        {
            if (FunctionCensus.NameOf(function) != callee)
            {
                continue;
            }

            bool takes = false;
            bool releases = false;
            foreach (var inner in SyntaxHelpers.Calls(function))
            {
                if (SyntaxHelpers.CalleeName(inner) is { } name && file.Primitives.FindBitOperation(name) is { } operation && BitLockEvidence.KeyOf(inner) == key)
                {
                    takes |= operation.Role == BitOperationRole.TestAndSet;
                    releases |= operation.Role == BitOperationRole.Clear;
                }
                else if (SyntaxHelpers.CalleeName(inner) is { } lockName && file.Primitives.FindAcquire(lockName) is [{ Kind: LockKind.Bit or LockKind.BitLock }, ..] && BitLockEvidence.KeyOf(inner) == key)
                {
                    takes = true;
                }
            }

            return takes && !releases;
        }

        return false;
    }

    private void ReportSecond(FileContext file, FindingSink sink, LockOperation first, SyntaxNode release)
    {
        string what = BitName(first);
        Report(file, sink, first, release,
            $"{what} is released here again on a path where {SyntaxHelpers.CalleeName(first.Call)} at line {file.Locate(first.Call).Start.Line} already released it, without taking it in between: the bit may be another thread's by then",
            $"{what} released first here");
    }

    /// <summary>
    /// The first release of the key reached from a node along paths that do not take it again, or
    /// null. With <paramref name="released"/> (a release already made), paths also stop at a call of
    /// a function of the file that may return with the bit taken.
    /// </summary>
    private static SyntaxNode? ReleaseWithoutTaking(FileContext file, IFlowGraph graph, LockModel model, int start, string key, LockOperation? released = null)
    {
        var seen = new bool[graph.NodeCount];
        var work = new Stack<int>();
        work.Push(start);
        seen[start] = true;
        SyntaxNode? first = null;
        while (work.Count > 0)
        {
            int node = work.Pop();
            bool stop = false;
            foreach (var call in LockModel.LockCalls(graph, node))
            {
                if (model.Classify(call) is { } op && op.Key == key)
                {
                    if (!op.IsAcquire && (first is not { } f || call.Span.Start < f.Span.Start))
                    {
                        first = call;
                    }

                    stop = true;
                    break;
                }

                if (released is { } bit && MayLeaveTaken(file, call, bit))
                {
                    stop = true;
                    break;
                }
            }

            if (stop)
            {
                continue;
            }

            foreach (var edge in graph.GetSuccessors(node))
            {
                if (!seen[edge.Node])
                {
                    seen[edge.Node] = true;
                    work.Push(edge.Node);
                }
            }
        }

        return first;
    }

    private void Report(FileContext file, FindingSink sink, LockOperation taken, SyntaxNode release)
    {
        string what = BitName(taken);
        Report(file, sink, taken, release,
            $"{what} is released here on a path where {SyntaxHelpers.CalleeName(taken.Call)} at line {file.Locate(taken.Call).Start.Line} failed to take it: the bit belongs to the thread that holds it",
            $"{what} not taken when this test fails");
    }

    /// <summary>A finding at the release's callee name, pointing back at the earlier operation on the bit.</summary>
    private void Report(FileContext file, FindingSink sink, LockOperation earlier, SyntaxNode release, string message, string related)
    {
        var name = SyntaxHelpers.CalleeToken(release) is { } token ? file.Locate(token) : file.Locate(release);
        sink.Report(new Finding(Descriptor, name, message, [new RelatedLocation(file.Locate(earlier.Call), related)]));
    }

    /// <summary>"bit B of W" as the call spells them, W alone for a word lock, else the lock key.</summary>
    private static string BitName(LockOperation op) =>
        SyntaxHelpers.Argument(op.Call, op.Primitive.LockArgument) is { } word
            ? SyntaxHelpers.Argument(op.Call, op.Primitive.BitArgument) is { } bit ? $"bit {SyntaxHelpers.Text(bit)} of {SyntaxHelpers.Text(word)}" : SyntaxHelpers.Text(word)
            : op.Key;

    /// <summary>Per file: whether a function leaves a bit taken, by callee and bit key.</summary>
    private sealed class LeavesTakenCache : Dictionary<string, bool>
    {
        public LeavesTakenCache()
            : base(StringComparer.Ordinal)
        {
        }
    }
}
