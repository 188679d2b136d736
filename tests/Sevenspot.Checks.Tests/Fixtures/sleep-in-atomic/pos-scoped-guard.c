// SPDX-License-Identifier: GPL-2.0
/* scoped_guard(G, args) holds the lock for its statement: an allocation that may sleep inside it is a bug. */
#include <linux/cleanup.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct table {
	spinlock_t lock;
	void *slot;
};

void table_fill(struct table *t, size_t size)
{
	scoped_guard(spinlock, &t->lock) {
		if (!t->slot)
			t->slot = kmalloc(size, GFP_KERNEL);	/* BUG: GFP_KERNEL under t->lock */
	}
}

void table_rcu(struct table *t)
{
	guard(rcu)();
	msleep(1);	/* BUG: sleeps in an RCU read-side section */
}
