// SPDX-License-Identifier: GPL-2.0
#include <linux/list.h>
#include <linux/slab.h>
#include "@CONN_H@"

struct conn {
	struct list_head node;
	int id;
};

extern struct list_head conns;

struct conn *conn_create(int id)
{
	struct conn *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return NULL;
	c->id = id;
	list_add_tail(&c->node, &conns);
	return c;
}

void conn_release(struct conn *c)
{
	kfree(c);
}
