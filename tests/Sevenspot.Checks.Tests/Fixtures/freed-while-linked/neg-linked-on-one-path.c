// SPDX-License-Identifier: GPL-2.0
/* Linked on one path, unlinked on the same condition: the paths are unclear to a simple analysis, so it says nothing. */
#include <linux/list.h>
#include <linux/slab.h>

struct item {
	struct list_head node;
};

void item_maybe(struct list_head *head, struct item *it, bool track)
{
	if (track)
		list_add(&it->node, head);
	item_use(it);
	if (track)
		list_del(&it->node);
	kfree(it);
}
