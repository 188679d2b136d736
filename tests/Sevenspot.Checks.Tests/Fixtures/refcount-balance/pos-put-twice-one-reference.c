// SPDX-License-Identifier: GPL-2.0
/*
 * fget() returns the only reference the function holds: an error branch that drops it and
 * then jumps to the common put drops it twice.
 */
#include <linux/file.h>
#include <linux/fs.h>

struct ctx {
	int nr;
};

int ctx_attach(struct ctx *c, unsigned int fd)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = ctx_validate(c, f);
	if (err) {
		fput(f);
		goto out_put;
	}
	c->nr++;
	err = ctx_note(c, f->f_flags);
out_put:
	fput(f);			/* BUG: the error branch dropped it already */
	return err;
}
