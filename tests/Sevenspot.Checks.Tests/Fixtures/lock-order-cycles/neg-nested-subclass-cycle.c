// SPDX-License-Identifier: GPL-2.0
/*
 * scan_range() takes an object's lock with raw_spin_lock_nested() while the tree lock is held;
 * scan_object() holds another object's lock (subclass 0) when it calls scan_range(). The
 * subclass orders apart from the class: lockdep sees no cycle.
 */
#include <linux/spinlock.h>

struct object {
	raw_spinlock_t lock;
	int count;
};

static DEFINE_RAW_SPINLOCK(tree_lock);

extern struct object *lookup_object(unsigned long addr);

static void scan_range(unsigned long start, unsigned long end)
{
	unsigned long flags, p;

	for (p = start; p < end; p++) {
		struct object *o;

		raw_spin_lock_irqsave(&tree_lock, flags);
		o = lookup_object(p);
		raw_spin_lock_nested(&o->lock, SINGLE_DEPTH_NESTING);
		o->count++;
		raw_spin_unlock(&o->lock);
		raw_spin_unlock_irqrestore(&tree_lock, flags);
	}
}

void scan_object(struct object *o, unsigned long start)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&o->lock, flags);
	scan_range(start, start + o->count);
	raw_spin_unlock_irqrestore(&o->lock, flags);
}
