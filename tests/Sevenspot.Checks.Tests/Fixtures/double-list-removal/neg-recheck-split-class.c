// SPDX-License-Identifier: GPL-2.0
/*
 * As pos-recheck-count-taken.c, but the caches' locks are given two lockdep classes (two init
 * sites: the inode cache and the dentry cache). Which cache the shrinker's lock belongs to, and
 * whether cache_get() holds the same one, is not known: nothing is reported.
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

void inode_cache_init(struct cache *c)
{
	spin_lock_init(&c->lock);
	INIT_LIST_HEAD(&c->lru);
}

void dentry_cache_init(struct cache *c)
{
	spin_lock_init(&c->lock);
	INIT_LIST_HEAD(&c->lru);
}

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
		list_del(&e->lru);
		entry_mark_busy(e);
	} else {
		list_del_init(&e->lru);
		entry_free_later(e);
	}
	spin_unlock(&c->lock);
}
