// SPDX-License-Identifier: GPL-2.0
/* No reference on the NULL path, nor when try_module_get failed. */
#include <linux/module.h>
#include <linux/file.h>

int use_module(struct module *m)
{
	if (!try_module_get(m))
		return -ENODEV;
	module_work(m);
	module_put(m);
	return 0;
}

long peek_file(unsigned int fd)
{
	struct file *f = fget(fd);
	long size;

	if (!f)
		return -EBADF;
	size = i_size_read(file_inode(f));
	fput(f);
	return size;
}
