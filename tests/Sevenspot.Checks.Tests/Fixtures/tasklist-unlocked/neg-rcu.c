// SPDX-License-Identifier: GPL-2.0
/* The usual form: the walk inside an RCU read-side section. */
#include <linux/sched/signal.h>
#include <linux/rcupdate.h>

int count_user_tasks(kuid_t uid)
{
	struct task_struct *p;
	int n = 0;

	rcu_read_lock();
	for_each_process(p) {
		if (uid_eq(task_uid(p), uid))
			n++;
	}
	rcu_read_unlock();
	return n;
}
