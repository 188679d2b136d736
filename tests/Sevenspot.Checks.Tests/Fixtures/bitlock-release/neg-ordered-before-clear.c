// SPDX-License-Identifier: GPL-2.0
/*
 * The clear follows a full barrier: a sleep (a context switch orders everything before it), or
 * a value-returning test_and_set_bit() that runs on every path to the clear.
 */
#include <linux/bitops.h>
#include <linux/delay.h>

#define DEV_BUSY	0

struct mydev {
	unsigned long flags;
	unsigned long used[1];
	int count;
};

static int mydev_reset(struct mydev *d)
{
	if (test_and_set_bit(DEV_BUSY, &d->flags))
		return -EBUSY;

	d->count = 0;
	usleep_range(20000, 40000);
	clear_bit(DEV_BUSY, &d->flags);
	return 0;
}

/* Two neighbouring slots or none: the odd one is given back when the even one is taken. */
static int mydev_claim_pair(struct mydev *d, int n)
{
	int idx;

	for (idx = 1; idx < n; idx += 2) {
		if (!test_and_set_bit(idx, d->used)) {
			if (!test_and_set_bit(idx - 1, d->used))
				return idx;
			clear_bit(idx, d->used);
		}
	}
	return -1;
}
