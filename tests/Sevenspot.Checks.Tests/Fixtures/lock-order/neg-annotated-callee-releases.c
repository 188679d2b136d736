// SPDX-License-Identifier: GPL-2.0
/*
 * A wait helper says with __releases(lock) that it drops the lock it is passed: after it, the
 * caller takes the port lock again with nothing held, not a second port lock under the first.
 */
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/sched.h>

struct port {
	spinlock_t lock;
	wait_queue_head_t wait;
	int busy;
};

static void port_setup(struct port *p)
{
	spin_lock_init(&p->lock);
	init_waitqueue_head(&p->wait);
}

static long wait_irqrestore(wait_queue_head_t *q, long timeout, spinlock_t *lock, unsigned long flags)
__releases(lock)
{
	DEFINE_WAIT(wait);

	prepare_to_wait(q, &wait, TASK_INTERRUPTIBLE);
	spin_unlock_irqrestore(lock, flags);
	timeout = schedule_timeout(timeout);
	finish_wait(q, &wait);
	return timeout;
}

static int port_claim(struct port *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	while (p->busy) {
		wait_irqrestore(&p->wait, HZ, &p->lock, flags);
		spin_lock_irqsave(&p->lock, flags);
	}
	p->busy = 1;
	spin_unlock_irqrestore(&p->lock, flags);
	return 0;
}
