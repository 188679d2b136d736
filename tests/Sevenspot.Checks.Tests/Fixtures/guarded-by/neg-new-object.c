// SPDX-License-Identifier: GPL-2.0
/* A counter being created is not shared yet: its initialisation needs no lock. */
#include <linux/slab.h>
#include <linux/spinlock.h>

struct counter {
	spinlock_t lock;
	long value __guarded_by(&lock);
};

static struct counter *counter_create(long start)
{
	struct counter *c = kmalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return NULL;
	spin_lock_init(&c->lock);
	c->value = start;
	return c;
}
