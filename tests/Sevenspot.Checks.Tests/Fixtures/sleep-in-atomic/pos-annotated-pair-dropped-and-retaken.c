// SPDX-License-Identifier: GPL-2.0
/*
 * __releases(x) __acquires(x) on a function that drops its caller's x and takes it again
 * (ptrace_stop() style): x is held at entry and again after the call.
 */
#include <linux/sched.h>
#include <linux/spinlock.h>

struct chan {
	spinlock_t lock;
	int waiting;
};

static void chan_wait(struct chan *c)
__releases(&c->lock) __acquires(&c->lock)
{
	c->waiting = 1;
	msleep(1);	/* BUG: c->lock is still held here */
	spin_unlock(&c->lock);
	schedule();
	spin_lock(&c->lock);
	c->waiting = 0;
}

void chan_poll(struct chan *c)
{
	spin_lock(&c->lock);
	chan_wait(c);
	cond_resched();	/* BUG: chan_wait() took c->lock again */
	spin_unlock(&c->lock);
}
