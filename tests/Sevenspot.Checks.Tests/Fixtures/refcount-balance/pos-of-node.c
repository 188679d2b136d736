// SPDX-License-Identifier: GPL-2.0
/* A device tree node found by name is not put on the unavailable path. */
#include <linux/of.h>

int board_probe_codec(void)
{
	struct device_node *np;
	int ret;

	np = of_find_node_by_name(NULL, "codec");
	if (!np)
		return -ENODEV;
	if (!of_device_is_available(np))
		return -ENODEV;			/* BUG */
	ret = codec_setup(np);
	of_node_put(np);
	return ret;
}
