// SPDX-License-Identifier: GPL-2.0
/* The reference is returned to the caller. */
#include <linux/of.h>

struct device_node *find_codec_parent(struct device_node *codec)
{
	struct device_node *parent = of_get_parent(codec);

	if (!parent)
		return NULL;
	if (!of_device_is_available(parent)) {
		of_node_put(parent);
		return NULL;
	}
	return parent;
}

struct region *region_get(struct region *region)
{
	struct device *dev = &region->dev;

	get_device(dev);
	if (!try_module_get(region->owner)) {
		put_device(dev);
		return ERR_PTR(-ENODEV);
	}
	return region;
}
