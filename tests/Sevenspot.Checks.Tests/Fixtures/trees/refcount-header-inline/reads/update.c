// SPDX-License-Identifier: GPL-2.0
/* The file is handed to table_install(), defined in another file of the program. */
#include <linux/file.h>
#include <linux/uaccess.h>
#include "slots.h"

int table_update(struct table *t, int fd, int __user *out)
{
	struct file *file;
	int ret;

	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = table_install(t, file);
	if (ret < 0) {
		fput(file);
		return ret;
	}
	if (copy_to_user(out, &ret, sizeof(ret))) {
		table_remove(t, ret);
		return -EFAULT;	/* leaks the file unless table_install() kept it */
	}
	return 0;
}
