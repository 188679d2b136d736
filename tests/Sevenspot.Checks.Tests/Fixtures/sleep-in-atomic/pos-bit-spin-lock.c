// SPDX-License-Identifier: GPL-2.0
/* A bit spinlock is a spinlock: no mutex under it. */
#include <linux/bit_spinlock.h>
#include <linux/mutex.h>

struct bucket {
	unsigned long flags;
	struct mutex *owner_lock;
	int count;
};

static void bucket_add(struct bucket *b)
{
	bit_spin_lock(0, &b->flags);
	b->count++;
	mutex_lock(b->owner_lock);	/* BUG */
	mutex_unlock(b->owner_lock);
	bit_spin_unlock(0, &b->flags);
}
