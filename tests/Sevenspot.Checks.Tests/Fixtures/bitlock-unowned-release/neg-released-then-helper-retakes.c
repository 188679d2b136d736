// SPDX-License-Identifier: GPL-2.0
/*
 * Each release follows a take: the bit is cleared, taken again by a helper of the file that
 * returns holding it (or by a spin loop), and only then cleared a second time.
 */
#include <linux/bitops.h>
#include <linux/delay.h>

enum { RING_BUSY };

struct ring {
	unsigned long flags;
	int head, tail;
};

static void ring_lock(struct ring *r)
{
	while (test_and_set_bit(RING_BUSY, &r->flags))
		udelay(1);
}

void ring_refill(struct ring *r)
{
	ring_lock(r);
	r->head = 0;
	clear_bit(RING_BUSY, &r->flags);
	r->tail = 0;
	ring_lock(r);
	r->tail = r->head;
	clear_bit(RING_BUSY, &r->flags);
}

void ring_drain(struct ring *r, int twice)
{
	while (test_and_set_bit(RING_BUSY, &r->flags))
		udelay(1);
	r->head = r->tail;
	clear_bit(RING_BUSY, &r->flags);
	if (!twice)
		return;
	while (test_and_set_bit(RING_BUSY, &r->flags))
		udelay(1);
	r->tail = 0;
	clear_bit(RING_BUSY, &r->flags);
}
