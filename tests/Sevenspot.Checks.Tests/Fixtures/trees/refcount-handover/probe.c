// SPDX-License-Identifier: GPL-2.0
/* The node is handed to board_keep_node(), defined in another file of the driver. */
#include <linux/of.h>
#include "board.h"

int board_probe(struct board *b)
{
	struct device_node *np;
	int ret;

	np = of_find_node_by_name(NULL, "codec");
	if (!np)
		return -ENODEV;
	if (!of_device_is_available(np)) {
		of_node_put(np);
		return -ENODEV;
	}
	board_keep_node(b, np);
	ret = board_setup(b);
	if (ret)
		return ret;	/* leaks np unless board_keep_node() took it over */
	return 0;
}
