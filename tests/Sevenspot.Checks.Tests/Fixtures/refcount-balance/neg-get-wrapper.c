// SPDX-License-Identifier: GPL-2.0
/*
 * Functions whose job is to take a reference for their caller: the get has no put in the
 * function, on any path, and that is the point.
 */
#include <linux/refcount.h>
#include <linux/of.h>

struct chunk {
	refcount_t refs;
	struct device_node *np;
};

static void chunk_get(struct chunk *c)
{
	refcount_inc(&c->refs);
}

static int chunk_attach(struct chunk *c, struct device_node *np)
{
	if (!np)
		return -EINVAL;
	of_node_get(np);
	if (c->np)
		return -EBUSY;		/* the caller drops what it asked for */
	return 0;
}
