using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Tests.Flow;

public sealed class LockAnalysisTests
{
    [Fact]
    public void SpinlockHeldUntilItsUnlock()
    {
        var states = FlowTestHelper.StatesBeforeCalls(
            """
            struct chip { spinlock_t lock; };
            void f(struct chip *c)
            {
                unsigned long flags;
                spin_lock_irqsave(&c->lock, flags);
                msleep(10);
                spin_unlock_irqrestore(&c->lock, flags);
                udelay(1);
            }
            """,
            "f");
        var held = Assert.Single(states["msleep#1"].Must);
        Assert.Equal("c -> lock", held.Key);
        Assert.Equal(LockKind.Spin, held.Kind);
        Assert.Equal("struct chip.lock (test.c)", held.Class);
        Assert.True(held.IsAtomic);
        Assert.Empty(states["udelay#1"].May);
    }

    [Fact]
    public void LockOnOnePathIsMayNotMust()
    {
        var states = FlowTestHelper.StatesBeforeCalls(
            """
            void f(struct dev *d)
            {
                if (d->shared)
                    spin_lock(&d->lock);
                msleep(1);
                if (d->shared)
                    spin_unlock(&d->lock);
            }
            """,
            "f");
        Assert.Empty(states["msleep#1"].Must);
        Assert.Equal("d -> lock", FlowTestHelper.Keys(states["msleep#1"].May));
    }

    [Fact]
    public void TrylockHoldsOnlyWhereItSucceeded()
    {
        var states = FlowTestHelper.StatesBeforeCalls(
            """
            void f(struct link *l)
            {
                if (!spin_trylock(&l->lock)) {
                    msleep(1);
                    return;
                }
                update(l);
                spin_unlock(&l->lock);
            }
            """,
            "f");
        Assert.Empty(states["msleep#1"].May);
        Assert.Equal("l -> lock", FlowTestHelper.Keys(states["update#1"].Must));
    }

    [Fact]
    public void InterruptibleMutexHoldsOnTheZeroPath()
    {
        var states = FlowTestHelper.StatesBeforeCalls(
            """
            static DEFINE_MUTEX(m);
            int f(void)
            {
                if (mutex_lock_interruptible(&m))
                    return fail();
                work();
                mutex_unlock(&m);
                return 0;
            }
            """,
            "f");
        Assert.Empty(states["fail#1"].May);
        var held = Assert.Single(states["work#1"].Must);
        Assert.Equal("m (test.c)", held.Class);
        Assert.False(held.IsAtomic);
    }

    [Fact]
    public void RcuNestsAndLoopsConverge()
    {
        var states = FlowTestHelper.StatesBeforeCalls(
            """
            void f(int n)
            {
                rcu_read_lock();
                rcu_read_lock();
                rcu_read_unlock();
                inner();
                while (n--) {
                    rcu_read_lock();
                    body();
                    rcu_read_unlock();
                }
                rcu_read_unlock();
                after();
            }
            """,
            "f");
        Assert.Equal("rcu:rcu_read_unlock", FlowTestHelper.Keys(states["inner#1"].Must));
        Assert.Equal(2, states["body#1"].Must.Single().Depth);
        Assert.Empty(states["after#1"].May);
    }

    [Fact]
    public void GotoCarriesTheStateToTheLabel()
    {
        var states = FlowTestHelper.StatesBeforeCalls(
            """
            int f(struct q *q)
            {
                spin_lock(&q->lock);
                if (q->dead)
                    goto out;
                q->n++;
            out:
                done();
                spin_unlock(&q->lock);
                return 0;
            }
            """,
            "f");
        Assert.Equal("q -> lock", FlowTestHelper.Keys(states["done#1"].Must));
    }

    [Fact]
    public void AnnotationsGiveTheEntryStateAndCalleeEffects()
    {
        const string code = """
            struct dev { spinlock_t lock; };
            static void dev_lock(struct dev *d) __acquires(&d->lock)
            {
                spin_lock(&d->lock);
            }
            static void dev_unlock(struct dev *d) __releases(&d->lock)
            {
                spin_unlock(&d->lock);
            }
            void user(struct dev *x)
            {
                dev_lock(x);
                inside();
                dev_unlock(x);
                outside();
            }
            void walker(void) __must_hold(&tasklist_lock)
            {
                walk();
            }
            """;
        var states = FlowTestHelper.StatesBeforeCalls(code, "user");
        var held = Assert.Single(states["inside#1"].Must);
        Assert.Equal("x -> lock", held.Key);
        Assert.Equal(LockKind.Spin, held.Kind);
        Assert.Empty(states["outside#1"].May);

        var walker = FlowTestHelper.StatesBeforeCalls(code, "walker");
        Assert.Equal("tasklist_lock", Assert.Single(walker["walk#1"].Must).Class);
    }

    [Fact]
    public void LockClassesComeFromDeclaredTypes()
    {
        var states = FlowTestHelper.StatesBeforeCalls(
            """
            struct inner { spinlock_t lock; };
            struct outer { struct inner *in; struct mutex m; };
            static DEFINE_SPINLOCK(file_lock);
            DEFINE_SPINLOCK(global_lock);
            void f(struct outer *o, spinlock_t *lp)
            {
                spin_lock(&file_lock);
                spin_lock(&global_lock);
                spin_lock(&o->in->lock);
                mutex_lock(&o->m);
                spin_lock(lp);
                task_lock(current);
                probe();
            }
            """,
            "f");
        var classes = states["probe#1"].Must.Select(h => h.Class ?? "?").Order(StringComparer.Ordinal).ToList();
        // A static lock is the file's own: its class carries the file's path; so does a field of
        // a struct the .c file defines itself (task_struct is the headers').
        Assert.Equal(["?", "file_lock (test.c)", "global_lock", "struct inner.lock (test.c)", "struct outer.m (test.c)", "struct task_struct.alloc_lock"], classes);
    }
}
