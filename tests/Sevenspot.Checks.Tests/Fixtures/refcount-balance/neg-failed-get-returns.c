// SPDX-License-Identifier: GPL-2.0
/* get_device() returns NULL only for a NULL device, on which it took no reference. */
#include <linux/device.h>

int probe_device(struct device *dev)
{
	int rc;

	if (!get_device(dev))
		return -ENODEV;
	rc = device_setup(dev);
	put_device(dev);
	return rc;
}

int probe_other(struct device *dev)
{
	if (get_device(dev) == NULL)
		return -ENODEV;
	device_setup(dev);
	put_device(dev);
	return 0;
}
