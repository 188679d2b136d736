// SPDX-License-Identifier: GPL-2.0
/* The LRU shrinker of the cache: the removers of e->lru it races with live in lookup.c. */
#include <linux/list.h>
#include <linux/spinlock.h>
#include "@CACHE_H@"

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
