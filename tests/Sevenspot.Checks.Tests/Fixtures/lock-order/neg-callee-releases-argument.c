// SPDX-License-Identifier: GPL-2.0
/*
 * A helper of the file unlocks the lock its caller passes in and sleeps; the caller takes it
 * again afterwards: no nesting of the port lock in itself.
 */
#include <linux/spinlock.h>
#include <linux/wait.h>

struct port {
	spinlock_t lock;
	wait_queue_head_t wait;
	int busy;
};

static void port_init(struct port *p)
{
	spin_lock_init(&p->lock);
	init_waitqueue_head(&p->wait);
}

static void wait_unlocked(wait_queue_head_t *q, spinlock_t *lock, unsigned long flags)
{
	DEFINE_WAIT(wait);

	prepare_to_wait(q, &wait, TASK_INTERRUPTIBLE);
	spin_unlock_irqrestore(lock, flags);
	schedule_timeout(10);
	finish_wait(q, &wait);
}

void port_send(struct port *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	while (p->busy) {
		wait_unlocked(&p->wait, &p->lock, flags);
		spin_lock_irqsave(&p->lock, flags);
	}
	p->busy = 1;
	spin_unlock_irqrestore(&p->lock, flags);
}
