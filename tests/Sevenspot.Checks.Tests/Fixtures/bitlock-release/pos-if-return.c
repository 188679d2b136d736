// SPDX-License-Identifier: GPL-2.0
/* A busy bit guards the device; it is released with plain clear_bit. */
#include <linux/bitops.h>

#define DEV_BUSY	0

struct mydev {
	unsigned long flags;
	int count;
};

static int mydev_update(struct mydev *d, int v)
{
	if (test_and_set_bit(DEV_BUSY, &d->flags))
		return -EBUSY;

	d->count += v;

	clear_bit(DEV_BUSY, &d->flags);	/* BUG: no release ordering */
	return 0;
}
