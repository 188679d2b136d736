// SPDX-License-Identifier: GPL-2.0
/* The error path jumps past the put. */
#include <linux/of.h>

int attach_child(struct device_node *parent, struct device *child)
{
	struct device_node *np;
	int err;

	np = of_get_child_by_name(parent, "port");
	if (!np)
		return -ENODEV;
	err = device_link_node(np, child);
	if (err)
		goto out;
	err = child_start(child);
	of_node_put(np);
out:
	return err;				/* BUG: reached from the goto with np still held */
}
