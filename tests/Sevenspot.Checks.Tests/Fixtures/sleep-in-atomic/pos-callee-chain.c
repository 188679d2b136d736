// SPDX-License-Identifier: GPL-2.0
/* The sleep is two calls down, on every path of each callee: poll -> resize -> grow -> kcalloc(GFP_KERNEL). */
#include <linux/slab.h>
#include <linux/spinlock.h>

struct ring {
	spinlock_t lock;
	void **slots;
	unsigned int size, used;
};

static void **ring_grow(struct ring *r)
{
	return kcalloc(r->size * 2, sizeof(void *), GFP_KERNEL);
}

static int ring_resize(struct ring *r)
{
	void **slots = ring_grow(r);

	if (!slots)
		return -ENOMEM;
	kfree(r->slots);
	r->slots = slots;
	r->size *= 2;
	return 0;
}

void ring_poll(struct ring *r)
{
	spin_lock_bh(&r->lock);
	ring_resize(r);			/* BUG: ring_resize -> ring_grow -> kcalloc(GFP_KERNEL) */
	r->used = 0;
	spin_unlock_bh(&r->lock);
}
