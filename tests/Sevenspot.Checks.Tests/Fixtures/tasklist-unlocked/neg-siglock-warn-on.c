// SPDX-License-Identifier: GPL-2.0
/* lock_task_sighand() tested inside WARN_ON_ONCE(): the walk runs only with ->siglock held. */
#include <linux/sched/signal.h>

void group_move(struct task_struct *p, int where)
{
	struct task_struct *t;
	unsigned long flags;

	if (WARN_ON_ONCE(!lock_task_sighand(p, &flags)))
		return;
	for_each_thread(p, t)
		move_task(t, where);
	unlock_task_sighand(p, &flags);
}
