// SPDX-License-Identifier: GPL-2.0
/* __pt_guarded_by guards the slots, not the pointer: testing the pointer needs no lock. */
#include <linux/spinlock.h>

struct ring {
	spinlock_t lock;
	void **slots __pt_guarded_by(&lock);
};

static bool ring_ready(struct ring *r)
{
	return r->slots != NULL;
}

static void ring_store(struct ring *r, unsigned int i, void *p)
{
	spin_lock(&r->lock);
	r->slots[i] = p;
	spin_unlock(&r->lock);
}
