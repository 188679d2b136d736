// SPDX-License-Identifier: GPL-2.0
/* The board keeps the node: the reference is the board's, dropped when the board goes. */
#include <linux/of.h>
#include "board.h"

void board_keep_node(struct board *b, struct device_node *np)
{
	b->np = np;
	b->id = of_node_id(np);
}
