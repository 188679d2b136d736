// SPDX-License-Identifier: GPL-2.0
/* Another bit of the same word is cleared: that is a flag, not the lock. */
#include <linux/bitops.h>

#define DEV_BUSY	0
#define DEV_DIRTY	1

struct mydev {
	unsigned long flags;
};

static int mydev_flush(struct mydev *d)
{
	if (test_and_set_bit(DEV_BUSY, &d->flags))
		return -EBUSY;
	clear_bit(DEV_DIRTY, &d->flags);
	clear_bit_unlock(DEV_BUSY, &d->flags);
	return 0;
}
