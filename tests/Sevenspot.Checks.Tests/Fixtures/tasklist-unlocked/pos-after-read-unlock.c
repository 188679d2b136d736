// SPDX-License-Identifier: GPL-2.0
/* tasklist_lock dropped before the second walk. */
#include <linux/sched/signal.h>

void mark_and_sweep(void)
{
	struct task_struct *p, *t;

	read_lock(&tasklist_lock);
	for_each_process_thread(p, t)
		mark_task(t);
	read_unlock(&tasklist_lock);

	for_each_process_thread(p, t)	/* BUG */
		sweep_task(t);
}
