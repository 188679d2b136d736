// SPDX-License-Identifier: GPL-2.0
/*
 * test_and_set_bit_lock / clear_bit_unlock, with the failed test falling through to the
 * unwinding label that releases the bit.
 */
#include <linux/bitops.h>
#include <linux/errno.h>

#define RING_BUSY 0

struct ring {
	unsigned long flags;
	int head;
};

void ring_wait(struct ring *r)
{
	while (test_and_set_bit_lock(RING_BUSY, &r->flags))
		cpu_relax();
	r->head = -1;
	clear_bit_unlock(RING_BUSY, &r->flags);
}

int ring_reset(struct ring *r)
{
	int ret = -EBUSY;

	if (test_and_set_bit_lock(RING_BUSY, &r->flags))
		goto unlock;
	r->head = 0;
	ret = 0;
unlock:
	clear_bit_unlock(RING_BUSY, &r->flags);	/* BUG: reached when the bit was busy */
	return ret;
}

int ring_advance(struct ring *r)
{
	if (!test_and_set_bit_lock(RING_BUSY, &r->flags)) {
		r->head++;
	}
	clear_bit_unlock(RING_BUSY, &r->flags);	/* BUG: the else path never took it */
	return 0;
}
