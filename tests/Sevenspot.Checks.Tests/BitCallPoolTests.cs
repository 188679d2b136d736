namespace Sevenspot.Checks.Tests;

/// <summary>The functions of a file share the pool's arrays; each reads back its own calls, in order.</summary>
public sealed class BitCallPoolTests
{
    [Fact]
    public void EachFunctionReadsItsOwnCallsAfterTheSeal()
    {
        var pool = new BitCallPool();
        var first = pool.Add([("rtnl_lock", BitSerialisers.None), ("do_reset", BitSerialisers.Rtnl)]);
        var none = pool.Add([]);
        var second = pool.Add([("do_reset", BitSerialisers.DeviceLock | BitSerialisers.Rtnl)]);
        pool.Seal();

        Assert.Equal([("rtnl_lock", BitSerialisers.None), ("do_reset", BitSerialisers.Rtnl)], first);
        Assert.Equal(2, first.Count);
        Assert.Equal(("do_reset", BitSerialisers.Rtnl), first[1]);
        Assert.Empty(none);
        Assert.Equal([("do_reset", BitSerialisers.DeviceLock | BitSerialisers.Rtnl)], second);
        Assert.Throws<ArgumentOutOfRangeException>(() => second[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => second[-1]);
    }
}
