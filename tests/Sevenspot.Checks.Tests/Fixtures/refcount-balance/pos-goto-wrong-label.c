// SPDX-License-Identifier: GPL-2.0
/* The error path jumps past the put. */
#include <linux/device.h>

int attach_child(struct device *dev, struct device *child)
{
	int err;

	get_device(dev);
	err = device_link(dev, child);
	if (err)
		goto out;
	err = child_start(child);
	put_device(dev);
out:
	return err;				/* BUG: reached from the goto with dev still held */
}
