// SPDX-License-Identifier: GPL-2.0
/* The section ends with preempt_enable_no_resched(), but schedule() runs before it. */
#include <linux/preempt.h>
#include <linux/sched.h>

struct waiter {
	int ready;
};

void waiter_park(struct waiter *w)
{
	preempt_disable();
	w->ready = 0;
	schedule();			/* BUG: preemption is still disabled */
	preempt_enable_no_resched();
}
