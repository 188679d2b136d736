// SPDX-License-Identifier: GPL-2.0
/*
 * guard(spinlock_irqsave)(&l) holds the lock from the statement to the end of the block
 * (linux/cleanup.h): a sleep later in that block sleeps under it, whatever the path.
 */
#include <linux/cleanup.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct port {
	spinlock_t lock;
	int state;
};

int port_settle(struct port *p, int wait)
{
	guard(spinlock_irqsave)(&p->lock);
	p->state = 1;
	if (!wait)
		return 0;
	msleep(10);		/* BUG: sleeps under p->lock */
	return p->state;
}
