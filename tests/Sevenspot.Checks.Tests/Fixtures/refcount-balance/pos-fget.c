// SPDX-License-Identifier: GPL-2.0
/* fget returns a reference; one check returns without fput. */
#include <linux/file.h>
#include <linux/fs.h>

long do_frob(unsigned int fd, unsigned long arg)
{
	struct file *f;
	long ret;

	f = fget(fd);
	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_WRITE))
		return -EPERM;			/* BUG */
	ret = frob_file(f, arg);
	fput(f);
	return ret;
}
