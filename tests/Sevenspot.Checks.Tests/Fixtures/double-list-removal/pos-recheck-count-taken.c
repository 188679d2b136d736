// SPDX-License-Identifier: GPL-2.0
/*
 * Idle cache entries sit on an LRU list; a lookup that takes the first reference (the count
 * goes 0 -> 1) takes the entry off the LRU. The shrinker finds an entry on the LRU under the
 * lock, drops the lock to write it back, takes the lock again and, on the branch where the count
 * shows that a lookup took the entry meanwhile, removes it from the LRU a second time.
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
	if (atomic_read(&e->users)) {
		list_del(&e->lru);		/* BUG: cache_get() removed it when users went 0 -> 1 */
		entry_mark_busy(e);
	} else {
		list_del_init(&e->lru);
		entry_free_later(e);
	}
	spin_unlock(&c->lock);
}
