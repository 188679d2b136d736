// SPDX-License-Identifier: GPL-2.0
/* Counting processes with nothing held. */
#include <linux/sched/signal.h>

int count_user_tasks(kuid_t uid)
{
	struct task_struct *p;
	int n = 0;

	for_each_process(p) {		/* BUG */
		if (uid_eq(task_uid(p), uid))
			n++;
	}
	return n;
}
