// SPDX-License-Identifier: GPL-2.0
/* __pt_guarded_by: the slots the pointer leads to need the lock, and the store has none. */
#include <linux/spinlock.h>

struct ring {
	spinlock_t lock;
	unsigned int size;
	void **slots __pt_guarded_by(&lock);
};

static void ring_clear_slot(struct ring *r, unsigned int i)
{
	if (i < r->size)
		r->slots[i] = NULL;
}
