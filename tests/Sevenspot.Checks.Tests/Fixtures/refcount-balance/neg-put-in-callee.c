// SPDX-License-Identifier: GPL-2.0
/* The put happens in a helper that takes over the reference. */
#include <linux/device.h>

static void finish_and_put(struct device *dev)
{
	dev_info(dev, "done\n");
	put_device(dev);
}

int poke_device(struct device *dev)
{
	get_device(dev);
	if (!device_is_registered(dev)) {
		finish_and_put(dev);
		return -ENODEV;
	}
	finish_and_put(dev);
	return 0;
}
