using System.Diagnostics;

namespace Sevenspot.C;

/// <summary>
/// Runs one piece of work per input on N dedicated threads with large stacks (parsing deep C code
/// recurses, and must not overflow a thread-pool stack) and gives the results in input order, so
/// the output is the same for any number of jobs. The one pool of every command that works file by
/// file: rule runs, <c>sevenspot check</c>, parse and the conformance runner.
/// </summary>
public static class WorkerPool
{
    private const int StackSize = 64 * 1024 * 1024;

    public static TResult[] Run<TInput, TResult>(IReadOnlyList<TInput> inputs, int jobs, Func<TInput, TResult> work)
    {
        var results = new TResult[inputs.Count];
        RunOrdered(inputs, jobs, work, (i, r) => results[i] = r);
        return results;
    }

    /// <summary>
    /// Calls <paramref name="emit"/> on the calling thread for each result in input order, as soon
    /// as it and every result before it are ready, so output streams while later inputs run and
    /// finished results need not be kept. Work should stop by itself when its time is up; an
    /// input still running <paramref name="deadline"/> after it started is given up instead:
    /// <paramref name="abandoned"/> gives its result, a fresh thread takes the stuck one's place,
    /// and whatever the stuck thread returns later is dropped. <paramref name="order"/>, when
    /// given, is the order in which the workers take the inputs (a permutation of their indexes,
    /// see <see cref="LargestFirst"/>); results are still emitted in input order.
    /// </summary>
    public static void RunOrdered<TInput, TResult>(
        IReadOnlyList<TInput> inputs,
        int jobs,
        Func<TInput, TResult> work,
        Action<int, TResult> emit,
        TimeSpan? deadline = null,
        Func<TInput, TResult>? abandoned = null,
        int[]? order = null)
    {
        int count = inputs.Count;
        if (count == 0)
        {
            return;
        }

        if (order is not null && order.Length != count)
        {
            throw new ArgumentException("The order must name each input once.", nameof(order));
        }

        var state = new Pool<TResult>(count) { Order = order };
        jobs = Math.Max(1, Math.Min(jobs, count));
        for (int t = 0; t < jobs; t++)
        {
            StartWorker(state, inputs, work, t);
        }

        int workerNames = jobs;
        int cursor = 0;
        var ready = new List<(int Index, TResult Result)>();
        while (cursor < count)
        {
            lock (state.Gate)
            {
                while (cursor < count && state.Status[cursor] == ItemStatus.Done)
                {
                    ready.Add((cursor, state.Results[cursor]!));
                    state.Results[cursor] = default;
                    cursor++;
                }

                if (ready.Count == 0)
                {
                    if (state.Failure is not null)
                    {
                        throw new AggregateException("A worker failed.", state.Failure);
                    }

                    if (deadline is { } limit && abandoned is not null)
                    {
                        long now = Stopwatch.GetTimestamp();
                        for (int i = cursor; i < count; i++)
                        {
                            if (state.Status[i] == ItemStatus.Running && Stopwatch.GetElapsedTime(state.Started[i], now) > limit)
                            {
                                state.Status[i] = ItemStatus.Done;
                                state.Results[i] = abandoned(inputs[i]);
                                StartWorker(state, inputs, work, workerNames++);
                            }
                        }
                    }

                    if (state.Status[cursor] != ItemStatus.Done)
                    {
                        Monitor.Wait(state.Gate, TimeSpan.FromMilliseconds(200));
                    }
                }
            }

            foreach (var (index, result) in ready)
            {
                emit(index, result);
            }

            ready.Clear();
        }
    }

    /// <summary>
    /// An order for <see cref="RunOrdered"/> that takes the largest inputs first, then the others in
    /// input order: with several workers, a large file taken last keeps one worker busy alone at the
    /// end of the run while the others wait. Only the inputs of at least
    /// <paramref name="largeSize"/> are moved (their results wait, in memory, for the inputs before
    /// them); null when none is, or with one worker.
    /// </summary>
    public static int[]? LargestFirst(IReadOnlyList<long> sizes, int jobs, long largeSize)
    {
        if (jobs <= 1)
        {
            return null;
        }

        var large = new List<int>();
        for (int i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] >= largeSize)
            {
                large.Add(i);
            }
        }

        if (large.Count == 0)
        {
            return null;
        }

        // Largest first; equal sizes keep input order, so the order is the same at every run.
        large.Sort((a, b) => sizes[a] != sizes[b] ? sizes[b].CompareTo(sizes[a]) : a.CompareTo(b));
        var order = new int[sizes.Count];
        int next = 0;
        foreach (int i in large)
        {
            order[next++] = i;
        }

        for (int i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] < largeSize)
            {
                order[next++] = i;
            }
        }

        return order;
    }

    private enum ItemStatus : byte
    {
        Pending,
        Running,
        Done,
    }

    private sealed class Pool<TResult>(int count)
    {
        public readonly object Gate = new();
        public readonly ItemStatus[] Status = new ItemStatus[count];
        public readonly long[] Started = new long[count];
        public readonly TResult?[] Results = new TResult?[count];
        public int Next = -1;
        public int[]? Order;
        public Exception? Failure;
    }

    private static void StartWorker<TInput, TResult>(Pool<TResult> pool, IReadOnlyList<TInput> inputs, Func<TInput, TResult> work, int number)
    {
        var thread = new Thread(
            () =>
            {
                while (true)
                {
                    int taken = Interlocked.Increment(ref pool.Next);
                    if (taken >= inputs.Count)
                    {
                        return;
                    }

                    int i = pool.Order is { } order ? order[taken] : taken;

                    lock (pool.Gate)
                    {
                        pool.Started[i] = Stopwatch.GetTimestamp();
                        pool.Status[i] = ItemStatus.Running;
                    }

                    TResult result;
                    try
                    {
                        result = work(inputs[i]);
                    }
                    catch (Exception e)
                    {
                        lock (pool.Gate)
                        {
                            pool.Failure ??= e;
                            Monitor.PulseAll(pool.Gate);
                        }

                        return;
                    }

                    lock (pool.Gate)
                    {
                        if (pool.Status[i] == ItemStatus.Done)
                        {
                            return; // given up on: another thread has taken this one's place
                        }

                        pool.Results[i] = result;
                        pool.Status[i] = ItemStatus.Done;
                        Monitor.PulseAll(pool.Gate);
                    }
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = $"sevenspot-worker-{number}",
        };
        thread.Start();
    }
}
