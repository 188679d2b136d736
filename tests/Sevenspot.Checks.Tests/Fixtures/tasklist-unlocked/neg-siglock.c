// SPDX-License-Identifier: GPL-2.0
/* A thread group's own list is also stable under its sighand->siglock. */
#include <linux/sched/signal.h>

int thread_count(struct task_struct *p)
{
	struct task_struct *t;
	unsigned long flags;
	int n = 0;

	if (!lock_task_sighand(p, &flags))
		return 0;
	for_each_thread(p, t)
		n++;
	unlock_task_sighand(p, &flags);
	return n;
}

void wake_group(struct task_struct *p)
{
	struct task_struct *t;

	spin_lock_irq(&p->sighand->siglock);
	for_each_thread(p, t)
		signal_wake_up(t, 0);
	spin_unlock_irq(&p->sighand->siglock);
}
