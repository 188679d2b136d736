// SPDX-License-Identifier: GPL-2.0
/* list_del_init leaves the element empty, so removing it again is safe. */
#include <linux/list.h>

struct timer_entry {
	struct list_head node;
	unsigned long expires;
};

void timer_entry_fire(struct timer_entry *t)
{
	list_del_init(&t->node);
	t->expires = 0;
	list_del_init(&t->node);
}
