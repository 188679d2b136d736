// SPDX-License-Identifier: GPL-2.0
/*
 * A put function frees the object only when the last reference goes: it is no release that
 * surely frees, and the linked object handed to it is not reported.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct item {
	struct list_head node;
	int refs;
};

static LIST_HEAD(items);

static void item_put(struct item *it)
{
	if (--it->refs == 0)
		kfree(it);
}

int item_publish(struct item *it)
{
	it->refs++;
	list_add(&it->node, &items);
	if (item_check(it)) {
		item_put(it);
		return -EINVAL;
	}
	return 0;
}
