namespace Sevenspot.Checks;

/// <summary>
/// Runs one piece of work per input on dedicated threads with large stacks (parsing deep C code
/// recurses) and returns the results in input order, so a run's output does not depend on the
/// number of threads.
/// </summary>
internal static class ParallelMap
{
    private const int StackSize = 64 * 1024 * 1024;

    public static TResult[] Run<TInput, TResult>(IReadOnlyList<TInput> inputs, int jobs, Func<TInput, TResult> work)
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
                Name = $"sevenspot-check-{t}",
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
