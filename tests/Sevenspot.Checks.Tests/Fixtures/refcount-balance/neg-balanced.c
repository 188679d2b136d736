// SPDX-License-Identifier: GPL-2.0
/* Every path puts exactly once. */
#include <linux/sched/task.h>

int signal_owner(struct task_struct *t, int sig)
{
	int ret;

	get_task_struct(t);
	if (t->flags & PF_EXITING) {
		put_task_struct(t);
		return -ESRCH;
	}
	ret = send_sig(sig, t, 0);
	put_task_struct(t);
	return ret;
}
