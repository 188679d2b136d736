// SPDX-License-Identifier: GPL-2.0
/* The error path puts, then falls into the common put. */
#include <linux/dcache.h>

int lookup_parent(struct dentry *dentry)
{
	struct dentry *parent = dget_parent(dentry);
	int err = 0;

	if (d_is_negative(parent)) {
		dput(parent);
		err = -ENOENT;
	}
	dput(parent);				/* BUG: second put on the error path */
	return err;
}
