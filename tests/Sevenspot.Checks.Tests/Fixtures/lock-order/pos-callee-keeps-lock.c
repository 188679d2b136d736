// SPDX-License-Identifier: GPL-2.0
/*
 * The helper is annotated __must_hold(lock): it keeps the lock it is passed, so the caller's
 * second spin_lock_irqsave() of the same port lock nests under the first.
 */
#include <linux/spinlock.h>

struct port {
	spinlock_t lock;
	int busy;
};

static void port_setup(struct port *p)
{
	spin_lock_init(&p->lock);
}

static void port_note(struct port *p, spinlock_t *lock)
__must_hold(lock)
{
	p->busy++;
}

static int port_claim(struct port *p)
{
	unsigned long flags, flags2;

	spin_lock_irqsave(&p->lock, flags);
	port_note(p, &p->lock);
	spin_lock_irqsave(&p->lock, flags2);	/* BUG */
	p->busy = 1;
	spin_unlock_irqrestore(&p->lock, flags2);
	spin_unlock_irqrestore(&p->lock, flags);
	return 0;
}
