// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers whose flag parameter selects a sleep: the GFP flags of an allocation chosen by the
 * flag (through a local, or as the argument itself), and a sleep in one branch of a test of
 * the flag. Under the lock each is called with the literal that selects the sleep.
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
	b->busy = 0;
	if (wait)
		msleep(1);
	else
		udelay(10);
}

int buf_refill(struct buf *b, size_t len)
{
	spin_lock(&b->lock);
	b->data = buf_alloc(len, false);		/* BUG: GFP_KERNEL */
	b->slots = slots_alloc(len, 1);			/* BUG: GFP_KERNEL */
	buf_settle(b, true);				/* BUG: msleep */
	spin_unlock(&b->lock);
	return b->data ? 0 : -ENOMEM;
}
