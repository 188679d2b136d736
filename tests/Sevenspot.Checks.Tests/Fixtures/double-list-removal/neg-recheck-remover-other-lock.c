// SPDX-License-Identifier: GPL-2.0
/*
 * As pos-recheck-count-taken.c, but the function that removes e->lru when the count goes
 * 0 -> 1 holds the entry's own lock, not the cache's: it takes entries off another list (a
 * per-entry waiters list that reuses the member name), so the shrinker's entry, found under the
 * cache lock, is no element of its list. Another lock class is another list.
 */
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>

struct entry {
	spinlock_t lock;
	struct list_head lru;
	atomic_t users;
};

struct cache {
	spinlock_t lock;
	struct list_head lru;
};

struct entry *waiter_get(struct entry *e)
{
	spin_lock(&e->lock);
	if (atomic_inc_return(&e->users) == 1)
		list_del(&e->lru);
	spin_unlock(&e->lock);
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
		list_del(&e->lru);
		entry_mark_busy(e);
	} else {
		list_del_init(&e->lru);
		entry_free_later(e);
	}
	spin_unlock(&c->lock);
}
