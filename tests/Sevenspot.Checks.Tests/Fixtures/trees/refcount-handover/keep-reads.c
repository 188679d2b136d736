// SPDX-License-Identifier: GPL-2.0
/* The board only reads the node: the caller's reference stays the caller's. */
#include <linux/of.h>
#include "board.h"

void board_keep_node(struct board *b, struct device_node *np)
{
	b->id = of_node_id(np);
}
