// SPDX-License-Identifier: GPL-2.0
/*
 * A count raised with get_device() and not dropped on an error return: not reported, such
 * counts are mostly raised to be handed on.
 */
#include <linux/device.h>

int probe_device(struct device *dev)
{
	if (!get_device(dev))
		return -ENODEV;
	if (device_setup(dev))
		return -EIO;			/* not reported (see refcount-balance.md) */
	put_device(dev);
	return 0;
}
