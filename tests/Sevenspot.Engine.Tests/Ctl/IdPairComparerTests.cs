using Sevenspot.Engine.Ctl;

namespace Sevenspot.Engine.Tests.Ctl;

/// <summary>The hash of the checker's memo tables keyed by pairs of interned ids.</summary>
public class IdPairComparerTests
{
    private static long Pair(int x, int y) => ((long)x << 32) | (uint)y;

    [Fact]
    public void Pairs_with_the_same_xor_of_their_ids_get_distinct_hashes()
    {
        // The default hash of a long is x ^ y for such a pair: (0, 5), (1, 4), (2, 7), ... (n, n ^ 5)
        // would all share one bucket, and the memos of a large check degrade into linear scans.
        var hashes = new HashSet<int>();
        for (var x = 0; x < 4096; x++)
            hashes.Add(IdPairComparer.Instance.GetHashCode(Pair(x, x ^ 5)));
        Assert.Equal(4096, hashes.Count);
    }

    [Fact]
    public void Dense_pairs_spread_over_the_buckets_of_a_table()
    {
        // Every pair of ids below 256: the buckets of a table of that size (a prime, as Dictionary uses)
        // are filled evenly, the longest chain staying within a small factor of the mean.
        const int Buckets = 65_537;
        var counts = new int[Buckets];
        for (var x = 0; x < 256; x++)
        {
            for (var y = 0; y < 256; y++)
                counts[(uint)IdPairComparer.Instance.GetHashCode(Pair(x, y)) % Buckets]++;
        }
        Assert.True(counts.Max() <= 12, $"longest chain {counts.Max()} for a mean of 1");
        Assert.True(IdPairComparer.Instance.Equals(Pair(3, 4), Pair(3, 4)));
        Assert.False(IdPairComparer.Instance.Equals(Pair(3, 4), Pair(4, 3)));
    }
}
