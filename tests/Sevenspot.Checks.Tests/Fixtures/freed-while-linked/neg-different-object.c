// SPDX-License-Identifier: GPL-2.0
/* One object is linked, another one is freed. */
#include <linux/list.h>
#include <linux/slab.h>

struct item {
	struct list_head node;
};

void item_swap(struct list_head *head, struct item *keep, struct item *drop)
{
	list_add(&keep->node, head);
	kfree(drop);
}
