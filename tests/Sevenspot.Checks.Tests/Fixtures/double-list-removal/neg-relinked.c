// SPDX-License-Identifier: GPL-2.0
/* Removed, linked again elsewhere, removed again: each removal finds it linked. */
#include <linux/list.h>

struct task_ref {
	struct list_head node;
};

void task_ref_bounce(struct task_ref *r, struct list_head *other)
{
	list_del(&r->node);
	list_add(&r->node, other);
	list_del(&r->node);
}
