// SPDX-License-Identifier: GPL-2.0
/*
 * A reference held in a variable declared __free(fput) is dropped when the variable goes out of
 * scope, on every return (linux/cleanup.h); no_free_ptr() hands it on instead. The early
 * returns leak nothing, though the busy path drops a reference with an explicit fput.
 */
#include <linux/cleanup.h>
#include <linux/file.h>
#include <linux/fs.h>

long do_frob(unsigned int fd, unsigned long arg)
{
	struct file *f __free(fput) = fget(fd);

	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_WRITE))
		return -EPERM;
	if (arg == 2)
		return frob_take(no_free_ptr(f));
	return frob_file(f, arg);
}

long do_frob_busy(unsigned int fd, struct file *other)
{
	struct file *f __free(fput) = fget(fd);

	if (!f)
		return -EBADF;
	if (f == other) {
		fput(other);
		return -EBUSY;
	}
	return frob_file(f, 0);
}
