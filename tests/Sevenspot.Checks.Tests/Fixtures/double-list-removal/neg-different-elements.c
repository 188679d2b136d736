// SPDX-License-Identifier: GPL-2.0
/* Two different elements. */
#include <linux/list.h>

struct pair {
	struct list_head node;
};

void pair_unlink(struct pair *a, struct pair *b)
{
	list_del(&a->node);
	list_del(&b->node);
}
