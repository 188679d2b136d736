// SPDX-License-Identifier: GPL-2.0
/* The two-macro form, walked bare. */
#include <linux/sched/signal.h>

void freeze_all_user(void)
{
	struct task_struct *g, *t;

	do_each_thread(g, t) {		/* BUG */
		if (!(t->flags & PF_KTHREAD))
			freeze_task(t);
	} while_each_thread(g, t);
}
