namespace Sevenspot.C.Tests.Parsing;

public sealed class WorkerPoolTests
{
    [Fact]
    public void Results_come_in_input_order_for_any_number_of_workers()
    {
        var inputs = Enumerable.Range(0, 200).ToList();
        foreach (int jobs in new[] { 1, 2, 7 })
        {
            var seen = new List<int>();
            WorkerPool.RunOrdered(inputs, jobs, i => { Thread.Sleep((i * 7) % 3); return i * i; }, (index, r) => seen.Add(r));
            Assert.Equal(inputs.Select(i => i * i), seen);
        }
    }

    [Fact]
    public void Large_inputs_are_taken_first_and_results_still_come_in_input_order()
    {
        long[] sizes = [10, 500, 20, 900, 500, 30];
        var order = WorkerPool.LargestFirst(sizes, jobs: 2, largeSize: 100);
        Assert.Equal([3, 1, 4, 0, 2, 5], order!);
        Assert.Null(WorkerPool.LargestFirst(sizes, jobs: 1, largeSize: 100));
        Assert.Null(WorkerPool.LargestFirst(sizes, jobs: 2, largeSize: 1000));

        var taken = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var seen = new List<int>();
        var inputs = Enumerable.Range(0, sizes.Length).ToList();
        WorkerPool.RunOrdered(inputs, 1, i => { taken.Enqueue(i); return i; }, (index, r) => seen.Add(r), order: order);
        Assert.Equal(order!, taken);
        Assert.Equal(inputs, seen);

        seen.Clear();
        WorkerPool.RunOrdered(inputs, 3, i => { Thread.Sleep(i % 2); return i; }, (index, r) => seen.Add(r), order: order);
        Assert.Equal(inputs, seen);
    }

    [Fact]
    public void Work_stuck_past_its_deadline_is_given_up_on_and_the_rest_goes_on()
    {
        using var release = new ManualResetEventSlim();
        var inputs = Enumerable.Range(0, 6).ToList();
        var seen = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        WorkerPool.RunOrdered(
            inputs,
            2,
            i =>
            {
                if (i == 1)
                {
                    release.Wait(); // ignores any cancellation
                }

                return $"done {i}";
            },
            (_, r) => seen.Add(r),
            TimeSpan.FromMilliseconds(300),
            i => $"abandoned {i}");
        release.Set();
        Assert.Equal(["done 0", "abandoned 1", "done 2", "done 3", "done 4", "done 5"], seen);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_failing_worker_is_reported()
    {
        var e = Assert.Throws<AggregateException>(() => WorkerPool.Run(Enumerable.Range(0, 10).ToList(), 3, i => i == 4 ? throw new InvalidOperationException("boom") : i));
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }
}
