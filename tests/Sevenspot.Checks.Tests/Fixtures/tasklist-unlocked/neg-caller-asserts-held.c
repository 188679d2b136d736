// SPDX-License-Identifier: GPL-2.0
/*
 * The helper walks the thread group without a lock of its own; its only caller says with
 * lockdep_assert_held() that it runs under the group's ->siglock.
 */
#include <linux/sched/signal.h>
#include <linux/lockdep.h>

static void group_clear_pending(struct task_struct *p, int sig)
{
	struct task_struct *t;

	for_each_thread(p, t)
		sigdelset(&t->pending.signal, sig);
}

void group_deliver_locked(struct task_struct *p, int sig)
{
	lockdep_assert_held(&p->sighand->siglock);
	group_clear_pending(p, sig);
	p->signal->group_exit_code = sig;
}
