// SPDX-License-Identifier: GPL-2.0
/*
 * A helper whose flag argument selects GFP_ATOMIC: every call under the lock passes false,
 * and the sleeping allocation sits on the other path only.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>

struct extent {
	unsigned long start, len;
};

struct extent_tree {
	rwlock_t lock;
	struct kmem_cache *cache;
	struct extent *last;
};

static struct extent *extent_alloc(struct extent_tree *t, bool nofail)
{
	if (!nofail)
		return kmem_cache_alloc(t->cache, GFP_ATOMIC);
	return kmem_cache_zalloc(t->cache, GFP_KERNEL | __GFP_NOFAIL);
}

static int extent_insert(struct extent_tree *t, unsigned long start, bool nofail)
{
	struct extent *e = extent_alloc(t, nofail);

	if (!e)
		return -ENOMEM;
	e->start = start;
	t->last = e;
	return 0;
}

int extent_tree_add(struct extent_tree *t, unsigned long start)
{
	int err;

	write_lock(&t->lock);
	err = extent_insert(t, start, false);
	write_unlock(&t->lock);
	return err;
}
