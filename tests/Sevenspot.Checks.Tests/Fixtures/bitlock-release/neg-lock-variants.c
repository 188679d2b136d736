// SPDX-License-Identifier: GPL-2.0
/* The correct pair: test_and_set_bit_lock and clear_bit_unlock. */
#include <linux/bitops.h>

#define DEV_BUSY	0

struct mydev {
	unsigned long flags;
	int count;
};

static int mydev_update(struct mydev *d, int v)
{
	if (test_and_set_bit_lock(DEV_BUSY, &d->flags))
		return -EBUSY;
	d->count += v;
	clear_bit_unlock(DEV_BUSY, &d->flags);
	return 0;
}
