// SPDX-License-Identifier: GPL-2.0
/*
 * The old credentials are referenced twice by the task (as its real and its effective
 * credentials); replacing both drops both references. The function took neither itself.
 */
#include <linux/cred.h>
#include <linux/sched.h>

int replace_creds(struct task_struct *task, struct cred *new)
{
	const struct cred *old = task->real_cred;

	get_cred(new);
	rcu_assign_pointer(task->real_cred, new);
	rcu_assign_pointer(task->cred, new);

	put_cred(old);
	put_cred(old);
	return 0;
}
