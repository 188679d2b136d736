// SPDX-License-Identifier: GPL-2.0
/*
 * The sleep is two calls down, but ring_refill() grows the ring only when it is full: a
 * sleep under a test in a callee is not followed (the test may never pass for this caller).
 */
#include <linux/slab.h>
#include <linux/spinlock.h>

struct ring {
	spinlock_t lock;
	void **slots;
	unsigned int size, used;
};

static int ring_grow(struct ring *r)
{
	void **slots = kcalloc(r->size * 2, sizeof(void *), GFP_KERNEL);

	if (!slots)
		return -ENOMEM;
	kfree(r->slots);
	r->slots = slots;
	r->size *= 2;
	return 0;
}

static int ring_refill(struct ring *r)
{
	if (r->used < r->size)
		return 0;
	return ring_grow(r);
}

void ring_poll(struct ring *r)
{
	spin_lock_bh(&r->lock);
	ring_refill(r);
	r->used = 0;
	spin_unlock_bh(&r->lock);
}
