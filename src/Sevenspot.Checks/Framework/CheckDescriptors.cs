namespace Sevenspot.Checks;

/// <summary>
/// The one table of bundled checks: ids (stable; a retired id is never reused), titles,
/// descriptions, severities, and the way each leans when it cannot tell.
/// </summary>
public static class CheckDescriptors
{
    public static readonly CheckDescriptor SleepInAtomic = new(
        "sleep-in-atomic",
        "Sleeping call in atomic context",
        "A function that may sleep (msleep, mutex_lock, copy_from_user, an allocation with GFP_KERNEL, ...) is called, directly or through callees, inside an RCU read-side section, under a spinlock or rwlock, with interrupts, bottom halves or preemption disabled, or under a bit spinlock. Sleeping there can deadlock the CPU or corrupt RCU.",
        CheckSeverity.Error,
        "Quiet: reports only where every path to the call holds the atomic section, and only callees whose every definition may sleep.");

    public static readonly CheckDescriptor TasklistUnlocked = new(
        "tasklist-unlocked",
        "Task list walked without RCU or tasklist_lock",
        "for_each_process, for_each_thread, do_each_thread and for_each_process_thread walk the task list, which exit() changes under tasklist_lock and frees after an RCU grace period. Walking it without rcu_read_lock() or tasklist_lock held reads freed tasks.",
        CheckSeverity.Error,
        "Quiet: reports only walks where no path holds RCU or tasklist_lock, and says nothing in functions annotated as called with a lock held.");

    public static readonly CheckDescriptor FilesWithoutRef = new(
        "files-without-ref",
        "task->files read without task_lock",
        "task->files of another task may be freed by exit_files() at any time; it may be read only under task_lock(task), or through fget_task() or task_lookup_fd_rcu(). rcu_read_lock() alone does not protect it (Linux 6.1), and get_task_struct() pins the task, not its files.",
        CheckSeverity.Error,
        "Quiet: reports only reads through a pointer declared as struct task_struct *, never current->files, and only where no path holds task_lock on that task.");

    public static readonly CheckDescriptor FreedWhileLinked = new(
        "freed-while-linked",
        "Object freed while still on a list",
        "An object whose list_head member was linked into a list with list_add (or a relative) is freed — kfree, kmem_cache_free, a release callback — on a path where that member was never unlinked. The list keeps a pointer to freed memory.",
        CheckSeverity.Error,
        "Quiet: reports only a link made on every path to the free, by the function itself or by a create or attach function of its program, with no unlink (list_del, list_del_init, a function that may unlink it, a wait) between them.");

    public static readonly CheckDescriptor DoubleListRemoval = new(
        "double-list-removal",
        "List element removed twice",
        "list_del poisons the element's pointers; a second list_del (or TAILQ_REMOVE, LIST_REMOVE) of the same element on one path, or after the protecting lock was dropped and taken again without re-checking that the element is still linked, corrupts the list. list_del_init may be repeated safely.",
        CheckSeverity.Error,
        "Quiet: reports two removals of the same expression in one function on every path, or a removal after a dropped lock on the branch whose test shows the state another remover of its program (its folder, or a file including one of its own headers) leaves the element in, holding the same lock class.");

    public static readonly CheckDescriptor LockOrder = new(
        "lock-order",
        "Locks taken in inconsistent orders",
        "A lock taken while another lock of the same lockdep class is held, without a _nested annotation: a global lock taken twice, or two locks of a struct field whose single init site the tree shows. lockdep reports the recursion; the finding is a warning when the code fixes which lock comes first, and an error when the two are interchangeable instances (a deadlock if two calls run at once with them swapped) or the same lock taken again (a deadlock). Also draws the tree's lock-order graph (JSON, HTML); cycles between classes are reported only by lock-order-cycles.",
        CheckSeverity.Error,
        "Quiet: reports only locks held on every path, of a class known to be one lockdep class (a global lock, or a struct field with one init site and no lockdep_set_class).");

    public static readonly CheckDescriptor LockOrderCycles = new(
        "lock-order-cycles",
        "Lock classes taken in both orders (unaudited)",
        "Somewhere lock class B is taken while A is held, and elsewhere A while B is held: two threads doing both can deadlock. Lock classes are global locks or a struct type and field; acquisitions are followed through callees across the tree. Not run by default: on the whole Linux 6.1 tree 2 of 11 audited cycles were real, so its findings are leads to check by hand.",
        CheckSeverity.Warning,
        "Unaudited: cycles of up to four classes from acquisitions held on every path and lock expressions whose class is known; trylocks add no edges. Reader-reader orders, code under undefined macros and callers' common locks are not seen.");

    public static readonly CheckDescriptor BitandPrecedence = new(
        "bitand-precedence",
        "Logical not applied before bitwise and",
        "In !x & y, ! binds tighter than &, so the expression is (!x) & y: it tests bit 0 of y against the truth of x. The author almost always meant !(x & y).",
        CheckSeverity.Warning,
        "Quiet: reports only when y looks like a bit mask (a constant, an upper-case macro, a shift), not when it may be a truth value.");

    public static readonly CheckDescriptor Kzalloc = new(
        "kzalloc",
        "kmalloc followed by memset to zero",
        "Memory allocated with kmalloc (or a relative) and then cleared with memset(p, 0, size) of the same size should be allocated zeroed with kzalloc (or the matching zeroing variant): shorter, and no window where the memory holds stale data.",
        CheckSeverity.Note,
        "Quiet: reports only when the memset follows in the same block, clears the same pointer with the same size expression, and nothing between them touches the pointer except a NULL check.");

    public static readonly CheckDescriptor BitlockRelease = new(
        "bitlock-release",
        "Bit lock released without release ordering",
        "A bit taken as a lock with test_and_set_bit (its result tested) and released with plain clear_bit: clear_bit has no release ordering, so stores of the critical section may become visible after the bit is clear. Use test_and_set_bit_lock and clear_bit_unlock.",
        CheckSeverity.Warning,
        "Quiet: reports only when the bit number and address are written the same way at both places in one function, the result of test_and_set_bit decides a branch or loop, and no barrier precedes the clear.");

    public static readonly CheckDescriptor BitlockUnownedRelease = new(
        "bitlock-unowned-release",
        "Bit lock released on a path that failed to take it",
        "A bit used as a lock (bit_spin_lock, test_and_set_bit_lock, or test_and_set_bit whose result is tested and which the file releases with clear_bit) is released on a path that leaves the test where taking it failed: another thread holds the bit, and clearing it lets a third one in beside it. Typically an error path shared with the busy case.",
        CheckSeverity.Error,
        "Quiet: reports only a release of the same bit and word, written the same way, reached from the failed test in the same function with no acquisition of the bit between.");

    public static readonly CheckDescriptor RefcountBalance = new(
        "refcount-balance",
        "Reference count get without put, or put twice",
        "A reference taken with a get (get_task_struct, kref_get, of_node_get, dget, ...) is not dropped on some path out of the function — often an early error return — or is dropped twice on one path. The first leaks the object; the second frees it under another user.",
        CheckSeverity.Error,
        "Quiet: reports only when the get and the missing or second put are in one function, the reference is not stored or returned, and no callee that receives it may drop it.");

    public static readonly CheckDescriptor GuardedBy = new(
        "guarded-by",
        "Guarded data accessed without its lock (unaudited)",
        "A struct member or global annotated __guarded_by(&lock) (Clang's context analysis, Linux 7.0) is accessed where its lock is not held: for a member, the lock member of the same object (c->value needs c->lock). With __pt_guarded_by(&lock), following the pointer needs the lock. The access races with every holder of the lock. Not run by default: no audited tree uses the annotation, so its precision is not shown.",
        CheckSeverity.Warning,
        "Quiet: reports only where no path holds the lock, for annotations of the structs and globals the file defines whose lock is one name; not an object the function has just allocated, a function marked __no_context_analysis or __context_unsafe, or an access inside context_unsafe(...). Reads and writes are not told apart: a write under a reader lock is not reported.");

    /// <summary>All bundled checks' descriptors, in id order.</summary>
    public static IReadOnlyList<CheckDescriptor> All { get; } =
        [.. new[] { GuardedBy, SleepInAtomic, TasklistUnlocked, FilesWithoutRef, FreedWhileLinked, DoubleListRemoval, LockOrder, LockOrderCycles, BitandPrecedence, Kzalloc, BitlockRelease, BitlockUnownedRelease, RefcountBalance }
            .OrderBy(d => d.Id, StringComparer.Ordinal)];
}
