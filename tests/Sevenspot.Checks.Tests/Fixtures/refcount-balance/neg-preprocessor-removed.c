// SPDX-License-Identifier: GPL-2.0
/* A get in code the preprocessor removes (#ifndef of a macro the file defines) takes nothing. */
#include <linux/of.h>

#define board_final

int board_probe(struct device_node *parent)
{
	struct device_node *np;

#ifndef board_final
	np = of_get_child_by_name(parent, "debug");
	if (!np)
		return -ENODEV;
	if (!of_device_is_available(np))
		return -ENODEV;
	of_node_put(np);
#endif
	return 0;
}
