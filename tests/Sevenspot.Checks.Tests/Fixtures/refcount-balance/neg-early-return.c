// SPDX-License-Identifier: GPL-2.0
/*
 * An early error return skips the put of a count raised on a task the function was given: not
 * reported, such counts are mostly raised to be handed on.
 */
#include <linux/sched/task.h>

int signal_owner(struct task_struct *t, int sig)
{
	int ret;

	get_task_struct(t);
	if (t->flags & PF_EXITING)
		return -ESRCH;			/* not reported (see refcount-balance.md) */
	ret = send_sig(sig, t, 0);
	put_task_struct(t);
	return ret;
}
