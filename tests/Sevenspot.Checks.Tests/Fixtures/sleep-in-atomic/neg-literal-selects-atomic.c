// SPDX-License-Identifier: GPL-2.0
/*
 * The same helpers, called under the lock with the literal that selects the atomic path, or
 * with a variable whose value is unknown; and a helper that writes its flag before the test,
 * or tests it after an early return.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct buf {
	spinlock_t lock;
	char *data;
	void **slots;
	int busy;
};

static char *buf_alloc(size_t len, bool atomic)
{
	gfp_t gfp = atomic ? GFP_ATOMIC : GFP_KERNEL;

	return kmalloc(len, gfp);
}

static void **slots_alloc(unsigned int n, int may_sleep)
{
	return kmalloc_array(n, sizeof(void *), may_sleep ? GFP_KERNEL : GFP_ATOMIC);
}

static void buf_settle(struct buf *b, bool wait)
{
	if (b->busy)
		return;
	if (wait)
		msleep(1);
}

static void buf_wait(struct buf *b, bool wait)
{
	wait = wait && b->busy;
	if (wait)
		msleep(1);
}

int buf_refill(struct buf *b, size_t len, bool atomic)
{
	spin_lock(&b->lock);
	b->data = buf_alloc(len, true);
	b->slots = slots_alloc(len, 0);
	b->data = buf_alloc(len, atomic);
	buf_settle(b, true);
	buf_wait(b, true);
	spin_unlock(&b->lock);
	return b->data ? 0 : -ENOMEM;
}
