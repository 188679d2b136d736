namespace Sevenspot.Cli;

/// <summary>
/// Runs one piece of work per input on N dedicated threads with large stacks (deep C code must
/// not overflow a thread-pool stack) and returns the results in input order, so the output is the
/// same for any number of jobs.
/// </summary>
internal static class WorkerPool
{
    private const int StackSize = 64 * 1024 * 1024;

    public static TResult[] Run<TInput, TResult>(IReadOnlyList<TInput> inputs, int jobs, Func<TInput, TResult> work, Action<int, TResult>? completed = null)
    {
        var results = new TResult[inputs.Count];
        int next = -1;
        jobs = Math.Max(1, Math.Min(jobs, inputs.Count));
        var threads = new Thread[jobs];
        Exception? failure = null;
        for (int t = 0; t < jobs; t++)
        {
            threads[t] = new Thread(
                () =>
                {
                    try
                    {
                        int i;
                        while ((i = Interlocked.Increment(ref next)) < inputs.Count)
                        {
                            results[i] = work(inputs[i]);
                            completed?.Invoke(i, results[i]);
                        }
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref failure, e, null);
                    }
                },
                StackSize)
            {
                IsBackground = true,
                Name = $"sevenspot-worker-{t}",
            };
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (failure is not null)
        {
            throw new AggregateException("A worker failed.", failure);
        }

        return results;
    }
}
