// SPDX-License-Identifier: GPL-2.0
/* Removed twice on the straight path. */
#include <linux/list.h>

struct timer_entry {
	struct list_head node;
	unsigned long expires;
};

void timer_entry_fire(struct timer_entry *t)
{
	list_del(&t->node);
	t->expires = 0;
	list_del(&t->node);		/* BUG: pointers already poisoned */
}
