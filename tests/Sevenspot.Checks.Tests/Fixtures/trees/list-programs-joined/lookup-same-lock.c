// SPDX-License-Identifier: GPL-2.0
/* Lookups: the first reference (the count goes 0 -> 1) takes the entry off the LRU, under the cache lock. */
#include <linux/list.h>
#include <linux/spinlock.h>
#include "@CACHE_H@"

struct entry *cache_get(struct cache *c, struct entry *e)
{
	spin_lock(&c->lock);
	if (atomic_inc_return(&e->users) == 1)
		list_del(&e->lru);
	spin_unlock(&c->lock);
	return e;
}
