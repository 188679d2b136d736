namespace Sevenspot.Checks.Primitives;

/// <summary>What a lock is (locks.txt); <see cref="LockKindFacts.IsAtomic"/> says whether holding it forbids sleeping.</summary>
public enum LockKind
{
    Spin,
    RwLock,
    Mutex,
    Semaphore,
    RwSemaphore,
    Rcu,
    Srcu,
    Irq,
    BottomHalf,
    Preempt,
    Local,
    Bit,

    /// <summary>A bit used as a sleeping lock (test_and_set_bit_lock, wait_on_bit_lock): not atomic.</summary>
    BitLock,
}

public static class LockKindFacts
{
    /// <summary>Holding the lock makes the context atomic: nothing may sleep until it is released.</summary>
    public static bool IsAtomic(this LockKind kind) => kind switch
    {
        LockKind.Spin or LockKind.RwLock or LockKind.Rcu or LockKind.Irq or LockKind.BottomHalf
            or LockKind.Preempt or LockKind.Local or LockKind.Bit => true,
        _ => false,
    };

    /// <summary>The kind's word in tables and messages.</summary>
    public static string Word(this LockKind kind) => kind switch
    {
        LockKind.Spin => "spin",
        LockKind.RwLock => "rwlock",
        LockKind.Mutex => "mutex",
        LockKind.Semaphore => "semaphore",
        LockKind.RwSemaphore => "rwsem",
        LockKind.Rcu => "rcu",
        LockKind.Srcu => "srcu",
        LockKind.Irq => "irq",
        LockKind.BottomHalf => "bh",
        LockKind.Preempt => "preempt",
        LockKind.Local => "local",
        LockKind.Bit => "bit",
        LockKind.BitLock => "bitlock",
        _ => kind.ToString(),
    };

    public static bool TryParse(string word, out LockKind kind)
    {
        foreach (var k in Enum.GetValues<LockKind>())
        {
            if (k.Word() == word)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>When a conditional acquire or get has succeeded.</summary>
public enum SuccessTest
{
    /// <summary>It always succeeds.</summary>
    Always,

    /// <summary>It succeeded when it returned nonzero (spin_trylock, try_module_get).</summary>
    NonZero,

    /// <summary>It succeeded when it returned zero (mutex_lock_interruptible, down_trylock).</summary>
    Zero,
}

/// <summary>What a GFP flag lets an allocation do (gfp.txt); for a flag expression, Unknown when it cannot be told.</summary>
public enum GfpClass
{
    Unknown,
    Sleeping,
    Atomic,
    Modifier,
}

/// <summary>How a function in sleeping.txt sleeps; used in messages.</summary>
public enum SleepReason
{
    Sleeps,
    Faults,
    Locks,
    Waits,
    Allocates,
}

public enum ListOperationKind
{
    Add,
    Delete,
    DeleteInit,
    Move,
    Test,

    /// <summary>Finds an element on a list: returns it, or (an iterator) sets its entry argument to it.</summary>
    Get,
}

public enum BitOperationRole
{
    TestAndSet,
    Clear,
    Barrier,

    /// <summary>Neither orders memory nor writes it (READ_ONCE, likely, test_bit).</summary>
    Plain,

    /// <summary>Writes memory without ordering it (WRITE_ONCE, set_bit, memset).</summary>
    Store,
}

public enum TaskIteratorForm
{
    /// <summary>A loop head: for_each_process(p) stmt.</summary>
    Loop,

    /// <summary>Opens a loop closed by another macro: do_each_thread(g, t) { } while_each_thread(g, t);</summary>
    Begin,
}
