// SPDX-License-Identifier: GPL-2.0
/* The helper walks without taking a lock itself; its only caller holds RCU. */
#include <linux/sched/signal.h>
#include <linux/rcupdate.h>

static int count_threads(struct task_struct *leader)
{
	struct task_struct *t;
	int n = 0;

	for_each_thread(leader, t)
		n++;
	return n;
}

int group_size(struct task_struct *leader)
{
	int n;

	rcu_read_lock();
	n = count_threads(leader);
	rcu_read_unlock();
	return n;
}
