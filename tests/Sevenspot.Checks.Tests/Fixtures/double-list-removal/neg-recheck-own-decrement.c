// SPDX-License-Identifier: GPL-2.0
/*
 * The shrinker tests the count with its own atomic_dec_and_test(): that is its own removal
 * condition (the element was pinned by its count), not a sign that cache_get() removed it.
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
	if (atomic_dec_and_test(&e->users)) {
		list_del(&e->lru);		/* fine: its own decrement decides */
		entry_mark_busy(e);
	} else {
		list_del_init(&e->lru);
		entry_free_later(e);
	}
	spin_unlock(&c->lock);
}
