// SPDX-License-Identifier: GPL-2.0
/* NULL tests inside WARN_ON, on an assignment, and under || leave no reference. */
#include <linux/of.h>
#include <linux/file.h>

int board_map_sysctrl(void)
{
	struct device_node *node;

	node = of_find_compatible_node(NULL, NULL, "vendor,sysctrl");
	if (WARN_ON(!node))
		return -1;
	sysctrl_base = of_iomap(node, 0);
	of_node_put(node);
	return 0;
}

int board_bus_setup(const char *path)
{
	struct device_node *dn;

	if ((dn = of_find_node_by_path(path))) {
		board_bus_probe(dn);
		of_node_put(dn);
		return 0;
	}
	return -ENODEV;
}

int count_fds(int *fdp, int num)
{
	int i;

	for (i = 0; i < num; i++) {
		int fd = fdp[i];
		struct file *file;

		if (fd < 0 || !(file = fget_raw(fd)))
			return -EBADF;
		file_count_one(file);
		fput(file);
	}
	return 0;
}
