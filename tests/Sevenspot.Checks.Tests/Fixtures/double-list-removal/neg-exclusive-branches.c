// SPDX-License-Identifier: GPL-2.0
/* One removal per path. */
#include <linux/list.h>

struct conn {
	struct list_head node;
	bool closing;
};

void conn_unlink(struct conn *c)
{
	if (c->closing)
		list_del(&c->node);
	else
		list_del(&c->node);
}
