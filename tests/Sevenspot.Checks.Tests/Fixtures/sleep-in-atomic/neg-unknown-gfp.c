// SPDX-License-Identifier: GPL-2.0
/* The flags come from the caller: whether they sleep is unknown here. */
#include <linux/slab.h>
#include <linux/spinlock.h>

struct cache {
	spinlock_t lock;
	void *obj;
};

void *cache_get(struct cache *c, gfp_t gfp)
{
	void *obj;

	spin_lock(&c->lock);
	obj = kmalloc(32, gfp);
	c->obj = obj;
	spin_unlock(&c->lock);
	return obj;
}
