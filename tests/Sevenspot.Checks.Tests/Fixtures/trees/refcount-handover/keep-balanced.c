// SPDX-License-Identifier: GPL-2.0
/* The helper takes its own reference on the node and drops it: the caller's stays the caller's. */
#include <linux/of.h>
#include "board.h"

void board_keep_node(struct board *b, struct device_node *np)
{
	of_node_get(np);
	b->id = of_node_id(np);
	of_node_put(np);
}
