// SPDX-License-Identifier: GPL-2.0
/*
 * A flag set once with test_and_set_bit and cleared only when bringing the device up failed:
 * a state bit, not a lock (nothing is released on the way through).
 */
#include <linux/bitops.h>

#define DEV_UP	0

struct blkdev {
	unsigned long flags;
};

int blkdev_add(struct blkdev *dev);

static int blkdev_power(struct blkdev *dev, bool on)
{
	int ret = 0;

	if (on) {
		if (test_and_set_bit(DEV_UP, &dev->flags))
			return 0;
		ret = blkdev_add(dev);
		if (ret)
			clear_bit(DEV_UP, &dev->flags);
	}
	return ret;
}
