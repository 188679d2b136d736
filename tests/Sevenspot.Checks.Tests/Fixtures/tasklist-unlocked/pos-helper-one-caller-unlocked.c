// SPDX-License-Identifier: GPL-2.0
/*
 * One caller holds the group's ->siglock (it says so with lockdep_assert_held()), the other
 * holds nothing: the helper's walk is unprotected on the second call.
 */
#include <linux/sched/signal.h>
#include <linux/lockdep.h>

static void group_clear_pending(struct task_struct *p, int sig)
{
	struct task_struct *t;

	for_each_thread(p, t)		/* BUG: from group_flush() */
		sigdelset(&t->pending.signal, sig);
}

void group_deliver_locked(struct task_struct *p, int sig)
{
	lockdep_assert_held(&p->sighand->siglock);
	group_clear_pending(p, sig);
}

void group_flush(struct task_struct *p)
{
	group_clear_pending(p, SIGCONT);
}
