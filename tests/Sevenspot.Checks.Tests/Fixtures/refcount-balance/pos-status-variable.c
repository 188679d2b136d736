// SPDX-License-Identifier: GPL-2.0
/* The status variable is tested and returned on the error path, with the reference still held. */
#include <linux/of.h>

int bind_child(struct device_node *parent, struct device *child)
{
	struct device_node *np;
	int ret;

	np = of_find_node_by_name(parent, "child");
	if (!np)
		return -ENODEV;
	ret = device_attach_node(np, child);
	if (ret < 0)
		return ret;			/* BUG: np is still held */
	ret = child_probe(child);
	of_node_put(np);
	return ret;
}
