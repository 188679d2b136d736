using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Tests;

public sealed class PrimitiveTablesTests
{
    private static readonly PrimitiveTables s_tables = PrimitiveTables.Builtin;

    [Fact]
    public void EveryBuiltInTableLoadsAndHasEntries()
    {
        Assert.True(s_tables.SleepingCount > 100);
        Assert.True(s_tables.GfpCount > 20);
        Assert.True(s_tables.AllocatorCount > 40);
        Assert.True(s_tables.LockCount > 80);
        Assert.True(s_tables.ListOperationCount > 30);
        Assert.True(s_tables.RefcountCount > 40);
    }

    [Fact]
    public void EveryTableHasItsDataFileAndNoOther()
    {
        string data = Path.Combine(RepositoryPaths.Root, "src", "Sevenspot.Checks", "Primitives", "Data");
        var files = Directory.GetFiles(data, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(PrimitiveTables.TableNames.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void SleepingFunctionsAndGfpFlags()
    {
        Assert.Equal(SleepReason.Faults, s_tables.FindSleeping("copy_from_user")!.Reason);
        Assert.Equal(SleepReason.Locks, s_tables.FindSleeping("mutex_lock")!.Reason);
        Assert.Null(s_tables.FindSleeping("seq_printf"));
        Assert.Equal(GfpClass.Sleeping, s_tables.ClassifyGfpFlag("GFP_KERNEL"));
        Assert.Equal(GfpClass.Atomic, s_tables.ClassifyGfpFlag("GFP_ATOMIC"));
        Assert.Equal(GfpClass.Modifier, s_tables.ClassifyGfpFlag("__GFP_ZERO"));
        Assert.Equal(GfpClass.Unknown, s_tables.ClassifyGfpFlag("gfp"));
    }

    [Theory]
    [InlineData("kmalloc(n, GFP_KERNEL)", GfpClass.Sleeping)]
    [InlineData("kmalloc(n, GFP_KERNEL | __GFP_ZERO)", GfpClass.Sleeping)]
    [InlineData("kmalloc(n, GFP_ATOMIC)", GfpClass.Atomic)]
    [InlineData("kmalloc(n, GFP_NOWAIT | __GFP_NOWARN)", GfpClass.Atomic)]
    [InlineData("kmalloc(n, gfp)", GfpClass.Unknown)]
    [InlineData("kmalloc(n, gfp & ~__GFP_DIRECT_RECLAIM)", GfpClass.Unknown)]
    [InlineData("kmalloc(n, in_irq ? GFP_ATOMIC : GFP_KERNEL)", GfpClass.Unknown)]
    public void GfpExpressions(string call, GfpClass expected)
    {
        var tree = Parser.Parse($"void f(void) {{ {call}; }}");
        var node = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.CallExpression);
        Assert.Equal(expected, SleepClassifier.ClassifyGfp(s_tables, SyntaxHelpers.Arguments(node)[1]));
        Assert.Equal(expected == GfpClass.Sleeping, SleepClassifier.Cause(s_tables, node) is not null);
    }

    [Fact]
    public void AllocatorsKnowTheirFlagsSizeAndZeroingVariant()
    {
        var kmalloc = s_tables.FindAllocator("kmalloc")!;
        Assert.Equal((1, 0, -1, "kzalloc"), (kmalloc.GfpArgument, kmalloc.SizeArgument, kmalloc.SizeFactorArgument, kmalloc.ZeroingVariant));
        var array = s_tables.FindAllocator("kmalloc_array")!;
        Assert.Equal((2, 0, 1, "kcalloc"), (array.GfpArgument, array.SizeArgument, array.SizeFactorArgument, array.ZeroingVariant));
        Assert.True(s_tables.FindAllocator("vmalloc")!.AlwaysSleeps);
        Assert.True(s_tables.FindAllocator("kzalloc")!.Zeroes);
    }

    [Fact]
    public void LocksPairAcquiresWithReleases()
    {
        var irqsave = Assert.Single(s_tables.FindAcquire("spin_lock_irqsave"));
        Assert.Equal(("spin_unlock_irqrestore", LockKind.Spin, 0), (irqsave.Release, irqsave.Kind, irqsave.LockArgument));
        Assert.Contains(s_tables.FindRelease("spin_unlock"), p => p.Acquire == "spin_trylock" && p.Success == SuccessTest.NonZero);
        Assert.Equal(SuccessTest.Zero, Assert.Single(s_tables.FindAcquire("mutex_lock_interruptible")).Success);
        Assert.True(Assert.Single(s_tables.FindAcquire("spin_lock_nested")).Nested);
        Assert.Equal("task_struct.alloc_lock", Assert.Single(s_tables.FindAcquire("task_lock")).FixedClass);
        Assert.Equal(3, s_tables.FindAcquire("preempt_disable").Count);
        Assert.Equal(0, irqsave.ReleaseArgument);
        var pte = Assert.Single(s_tables.FindRelease("pte_unmap_unlock"));
        Assert.Equal(("spin_lock", 0, 1), (pte.Acquire, pte.LockArgument, pte.ReleaseArgument));
        var decAndLock = Assert.Single(s_tables.FindAcquire("refcount_dec_and_lock"));
        Assert.Equal((1, 0, SuccessTest.NonZero, true), (decAndLock.LockArgument, decAndLock.ReleaseArgument, decAndLock.Success, decAndLock.Waits));
        Assert.False(Assert.Single(s_tables.FindAcquire("spin_trylock")).Waits);
        Assert.True(LockKind.Rcu.IsAtomic());
        Assert.False(LockKind.Mutex.IsAtomic());
    }

    [Fact]
    public void ListsRefcountsIteratorsFieldsBitopsAndFrees()
    {
        Assert.Equal(ListOperationKind.DeleteInit, s_tables.FindListOperation("list_del_init")!.Kind);
        var tailq = s_tables.FindListOperation("TAILQ_REMOVE")!;
        Assert.Equal((1, 2), (tailq.EntryArgument, tailq.FieldArgument));
        Assert.Equal(5, s_tables.FindGet("refcount_inc").Count);
        Assert.Contains(s_tables.FindGet("refcount_inc"), pair => pair.Put == "refcount_dec_and_lock");
        Assert.True(Assert.Single(s_tables.FindGet("fget")).Returns);
        Assert.Equal((1, "device"), (Assert.Single(s_tables.FindGet("pci_get_device")).KeyArgument, s_tables.FindGet("pci_get_device")[0].KeyField));
        Assert.Null(Assert.Single(s_tables.FindGet("fget")).KeyField);
        Assert.Equal("while_each_thread", s_tables.FindTaskIterator("do_each_thread")!.End);
        Assert.Same(s_tables.FindTaskIterator("do_each_thread"), s_tables.FindTaskIteratorEnd("while_each_thread"));
        Assert.Equal("task_lock", Assert.Single(s_tables.FindGuardedField("files")).Lock);
        Assert.Equal("clear_bit_unlock", s_tables.FindBitOperation("clear_bit")!.Fix);
        Assert.Equal(1, s_tables.FindFree("kmem_cache_free")!.ObjectArgument);
        Assert.True(s_tables.IsPrimitive("kfree"));
        Assert.False(s_tables.IsPrimitive("my_helper"));
    }

    [Theory]
    [InlineData("locks", "my_lock my_unlock spinny arg=0", "locks.txt:2: unknown lock kind 'spinny'")]
    [InlineData("locks", "my_lock my_unlock spin arg=zero", "locks.txt:2: arg= needs an argument position")]
    [InlineData("locks", "my_lock my_unlock spin arg=0 shiny", "locks.txt:2: unknown word 'shiny'")]
    [InlineData("locks", "my_lock my_unlock spin colour=red", "locks.txt:2: unknown setting 'colour='")]
    [InlineData("sleeping", "msleep", "sleeping.txt:2: 'msleep' is listed twice")]
    [InlineData("gfp", "GFP_FOO maybe", "gfp.txt:2: class must be sleeping, atomic or modifier")]
    [InlineData("refcounts", "get_x put_x", "refcounts.txt:2: a get either takes arg=N or returns a reference")]
    [InlineData("refcounts", "get_x put_x returns key=device", "refcounts.txt:2: key= needs ARGUMENT:FIELD")]
    [InlineData("refcounts", "get_x put_x arg=0 key=1:device", "refcounts.txt:2: key= needs ARGUMENT:FIELD")]
    [InlineData("allocators", "my_alloc gfp=0 zeroing=nothing_such", "allocators: zeroing variant 'nothing_such' of 'my_alloc' is not an allocator")]
    public void BadLinesAreErrorsThatNameTheLine(string table, string line, string message)
    {
        var sources = PrimitiveTables.BuiltinSources().Append(new PrimitiveSource(table, table + ".txt", "# extra\n" + line + "\n"));
        var error = Assert.Throws<PrimitiveTableException>(() => PrimitiveTables.Load(sources));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryOfTablesExtendsTheBuiltInOnes()
    {
        string directory = Directory.CreateTempSubdirectory("sevenspot-tables-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "locks.txt"), "# our driver's lock\nfrob_lock  frob_unlock  spin  arg=0\n");
            var tables = PrimitiveTables.WithDirectory(directory);
            Assert.Equal(LockKind.Spin, Assert.Single(tables.FindAcquire("frob_lock")).Kind);
            Assert.Equal(["spin_unlock", "pte_unmap_unlock"], tables.FindAcquire("spin_lock").Select(p => p.Release));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
