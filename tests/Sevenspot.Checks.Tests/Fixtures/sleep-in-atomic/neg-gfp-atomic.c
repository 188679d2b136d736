// SPDX-License-Identifier: GPL-2.0
/* Atomic allocations and seq_printf are fine under a lock. */
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>

struct pool {
	spinlock_t lock;
	void *spare;
	int count;
};

static int pool_show(struct seq_file *m, struct pool *p)
{
	void *a, *b;

	spin_lock(&p->lock);
	a = kmalloc(64, GFP_ATOMIC);
	b = kzalloc(128, GFP_NOWAIT | __GFP_NOWARN);
	seq_printf(m, "count %d\n", p->count);
	spin_unlock(&p->lock);
	kfree(a);
	kfree(b);
	return 0;
}
