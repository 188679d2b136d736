// SPDX-License-Identifier: GPL-2.0
/* A node handed to a managed action is put by the action (at once when adding it failed). */
#include <linux/device.h>
#include <linux/of.h>

static void put_node_action(void *data)
{
	of_node_put(data);
}

int mux_init(struct device *dev, struct device_node *clks)
{
	struct device_node *mux;
	int ret;

	mux = of_get_child_by_name(clks, "mux");
	if (!mux)
		return -ENODEV;

	if (!of_device_is_available(mux)) {
		of_node_put(mux);
		return -ENODEV;
	}

	ret = devm_add_action_or_reset(dev, put_node_action, mux);
	if (ret)
		dev_err(dev, "failed to add the action: %d\n", ret);

	return ret;
}
