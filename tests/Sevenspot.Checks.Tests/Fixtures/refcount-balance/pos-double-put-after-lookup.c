// SPDX-License-Identifier: GPL-2.0
/* dget_parent() returns the only reference the function holds: the negative branch drops it, and so does the put after it. */
#include <linux/dcache.h>

int lookup_parent(struct dentry *dentry)
{
	struct dentry *parent = dget_parent(dentry);
	int err = 0;

	if (d_is_negative(parent)) {
		dput(parent);
		err = -ENOENT;
	}
	dput(parent);				/* BUG: put twice when negative */
	return err;
}
