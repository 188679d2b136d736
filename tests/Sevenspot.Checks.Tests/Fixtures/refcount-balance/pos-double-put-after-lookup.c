// SPDX-License-Identifier: GPL-2.0
/* Two puts on one path: not reported, which reference each put drops is not known. */
#include <linux/dcache.h>

int lookup_parent(struct dentry *dentry)
{
	struct dentry *parent = dget_parent(dentry);
	int err = 0;

	if (d_is_negative(parent)) {
		dput(parent);
		err = -ENOENT;
	}
	dput(parent);				/* not reported (see refcount-balance.md) */
	return err;
}
