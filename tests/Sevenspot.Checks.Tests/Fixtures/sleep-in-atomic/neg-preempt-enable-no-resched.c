// SPDX-License-Identifier: GPL-2.0
/*
 * preempt_enable_no_resched() and sched_preempt_enable_no_resched() end the section that
 * preempt_disable() began, as preempt_enable() does: the schedule() after them is preemptible.
 */
#include <linux/preempt.h>
#include <linux/sched.h>

struct waiter {
	int ready;
};

void waiter_park(struct waiter *w)
{
	preempt_disable();
	w->ready = 0;
	preempt_enable_no_resched();
	schedule();
}

void waiter_yield(struct waiter *w)
{
	preempt_disable();
	w->ready = 1;
	sched_preempt_enable_no_resched();
	schedule();
}
