// SPDX-License-Identifier: GPL-2.0
/* The node from of_parse_phandle() is put on success but not when the lookup after it fails. */
#include <linux/of.h>
#include <linux/of_reserved_mem.h>
#include <linux/errno.h>

int map_region(struct device_node *parent)
{
	struct device_node *node;
	struct reserved_mem *rmem;

	node = of_parse_phandle(parent, "memory-region", 0);
	if (!node)
		return 0;

	rmem = of_reserved_mem_lookup(node);
	if (!rmem)
		return -EINVAL;	/* BUG */

	of_node_put(node);
	return rmem->size ? 0 : -ENOMEM;
}
