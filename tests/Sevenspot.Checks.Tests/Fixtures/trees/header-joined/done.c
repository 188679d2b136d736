// SPDX-License-Identifier: GPL-2.0
/* The completion side: publishes the tail and releases the bit taken by ring_push(). */
#include <linux/bitops.h>
#include "@RING_H@"

void ring_done(struct ring *r)
{
	r->tail = r->head;
	clear_bit(RING_LOCK, &r->flags);
}
