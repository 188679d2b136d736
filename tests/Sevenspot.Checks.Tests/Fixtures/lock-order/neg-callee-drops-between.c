// SPDX-License-Identifier: GPL-2.0
/*
 * The helper called between the two acquires releases the lock its caller holds (without an
 * annotation): the second spin_lock() does not nest under the first.
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

static void port_finish(struct port *p)
{
	p->busy = 0;
	spin_unlock(&p->lock);
}

static void port_cycle(struct port *p)
{
	spin_lock(&p->lock);
	p->busy = 1;
	port_finish(p);
	spin_lock(&p->lock);
	p->busy = 2;
	spin_unlock(&p->lock);
}
