// SPDX-License-Identifier: GPL-2.0
/*
 * A ring's bit lock, spun on in ring_reset(), is released for ring_push() by a helper that
 * stores the tail and then clears the bit plainly.
 */
#include <linux/bitops.h>

#define RING_LOCK	0

struct ring {
	unsigned long flags;
	unsigned int head;
	unsigned int tail;
	int slot[16];
};

static void ring_unlock(struct ring *r)
{
	r->tail = r->head;
	clear_bit(RING_LOCK, &r->flags);	/* BUG */
}

static int ring_push(struct ring *r, int v)
{
	if (test_and_set_bit(RING_LOCK, &r->flags))
		return -EBUSY;
	r->slot[r->head++ % 16] = v;
	ring_unlock(r);
	return 0;
}

static void ring_reset(struct ring *r)
{
	while (test_and_set_bit(RING_LOCK, &r->flags))
		cpu_relax();
	r->head = 0;
	clear_bit_unlock(RING_LOCK, &r->flags);
}
