// SPDX-License-Identifier: GPL-2.0
/*
 * Sections with interrupts or preemption off, and raw spinlock sections, are RCU read-side
 * sections: tasks freed after a grace period cannot go away under these walks.
 */
#include <linux/sched/signal.h>
#include <linux/spinlock.h>

struct runq {
	raw_spinlock_t lock;
	int nr;
};

static void runq_dump_tasks(struct runq *rq)
{
	struct task_struct *g, *p;

	for_each_process_thread(g, p) {
		if (task_cpu(p) == rq->nr)
			pr_info("%d\n", p->pid);
	}
}

void runq_offline(struct runq *rq)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&rq->lock, flags);
	runq_dump_tasks(rq);
	raw_spin_unlock_irqrestore(&rq->lock, flags);
}

int count_user_tasks(void)
{
	struct task_struct *p;
	int n = 0;

	local_irq_disable();
	for_each_process(p)
		n += !(p->flags & PF_KTHREAD);
	local_irq_enable();
	return n;
}
