// SPDX-License-Identifier: GPL-2.0
/*
 * As pos-recheck-count-taken.c, but the shrinker removes the entry only on the branch where the
 * count is still zero: no lookup took it, so it is still on the LRU.
 */
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>

struct entry {
	struct list_head lru;
	atomic_t users;
};

struct cache {
	spinlock_t lock;
	struct list_head lru;
};

struct entry *cache_get(struct cache *c, struct entry *e)
{
	spin_lock(&c->lock);
	if (atomic_inc_return(&e->users) == 1)
		list_del(&e->lru);
	spin_unlock(&c->lock);
	return e;
}

void cache_shrink_one(struct cache *c)
{
	struct entry *e;

	spin_lock(&c->lock);
	e = list_first_entry(&c->lru, struct entry, lru);
	spin_unlock(&c->lock);

	entry_writeback(e);

	spin_lock(&c->lock);
	if (atomic_read(&e->users) == 0) {
		list_del(&e->lru);		/* fine: still on the LRU */
		entry_free_later(e);
	}
	spin_unlock(&c->lock);
}
