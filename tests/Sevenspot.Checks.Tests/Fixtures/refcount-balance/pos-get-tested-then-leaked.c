// SPDX-License-Identifier: GPL-2.0
/* The get succeeded: an error return after it still leaks the reference. */
#include <linux/device.h>

int probe_device(struct device *dev)
{
	if (!get_device(dev))
		return -ENODEV;
	if (device_setup(dev))
		return -EIO;			/* BUG: leaks the device reference */
	put_device(dev);
	return 0;
}
