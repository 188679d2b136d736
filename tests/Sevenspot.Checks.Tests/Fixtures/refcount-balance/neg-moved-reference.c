// SPDX-License-Identifier: GPL-2.0
/* A reference moved to another variable: the put after the move drops the new one. */
#include <linux/dcache.h>

int count_depth(struct dentry *dentry)
{
	struct dentry *d = dget(dentry);
	struct dentry *tmp;
	int depth = 0;

	while (!IS_ROOT(d)) {
		tmp = dget_parent(d);
		dput(d);
		d = tmp;
		depth++;
	}
	dput(d);
	return depth;
}
