// SPDX-License-Identifier: GPL-2.0
/* The walk was placed after the unlock. */
#include <linux/sched/signal.h>
#include <linux/rcupdate.h>

int oom_score_total(void)
{
	struct task_struct *p;
	int total = 0;

	rcu_read_lock();
	total = nr_threads_hint();
	rcu_read_unlock();

	for_each_process(p)		/* BUG */
		total += p->signal->oom_score_adj;
	return total;
}
