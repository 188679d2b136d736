// SPDX-License-Identifier: GPL-2.0
/* Under tasklist_lock, read or write. */
#include <linux/sched/signal.h>

void freeze_all_user(void)
{
	struct task_struct *g, *t;

	read_lock(&tasklist_lock);
	do_each_thread(g, t) {
		if (!(t->flags & PF_KTHREAD))
			freeze_task(t);
	} while_each_thread(g, t);
	read_unlock(&tasklist_lock);
}

void reparent_all(struct task_struct *reaper)
{
	struct task_struct *p, *t;

	write_lock_irq(&tasklist_lock);
	for_each_process_thread(p, t)
		reparent_one(t, reaper);
	write_unlock_irq(&tasklist_lock);
}
