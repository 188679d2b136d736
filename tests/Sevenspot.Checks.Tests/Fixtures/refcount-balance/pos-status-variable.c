// SPDX-License-Identifier: GPL-2.0
/* The status variable is tested and returned on the error path, with the reference still held. */
#include <linux/device.h>

int bind_child(struct device *dev, struct device *child)
{
	int ret;

	get_device(dev);
	ret = device_attach_child(dev, child);
	if (ret < 0)
		return ret;			/* BUG: dev is still held */
	ret = child_probe(child);
	put_device(dev);
	return ret;
}
