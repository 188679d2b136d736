// SPDX-License-Identifier: GPL-2.0
/* The submitting side: takes the ring's bit lock; the completion side releases it. */
#include <linux/bitops.h>
#include "@RING_H@"

int ring_push(struct ring *r, int v)
{
	if (test_and_set_bit(RING_LOCK, &r->flags))
		return -EBUSY;
	r->slot[r->head++ % 16] = v;
	return 0;
}

void ring_reset(struct ring *r)
{
	while (test_and_set_bit(RING_LOCK, &r->flags))
		cpu_relax();
	r->head = 0;
	clear_bit_unlock(RING_LOCK, &r->flags);
}
