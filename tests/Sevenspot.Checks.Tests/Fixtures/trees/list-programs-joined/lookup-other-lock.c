// SPDX-License-Identifier: GPL-2.0
/*
 * The same lookup, but the list it takes the entry off is the entry's own waiters list (the same
 * member name), under the entry's lock: another lock class, another list.
 */
#include <linux/list.h>
#include <linux/spinlock.h>
#include "@CACHE_H@"

struct entry *cache_get(struct cache *c, struct entry *e)
{
	spin_lock(&e->lock);
	if (atomic_inc_return(&e->users) == 1)
		list_del(&e->lru);
	spin_unlock(&e->lock);
	return e;
}
