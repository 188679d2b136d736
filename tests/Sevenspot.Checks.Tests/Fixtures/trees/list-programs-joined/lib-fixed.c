// SPDX-License-Identifier: GPL-2.0
#include <linux/list.h>
#include <linux/slab.h>
#include "@CONN_H@"

struct conn {
	struct list_head node;
	int id;
};

struct conn *conn_create(int id)
{
	struct conn *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return NULL;
	c->id = id;
	INIT_LIST_HEAD(&c->node);
	return c;
}

static void conn_unlink(struct conn *c)
{
	list_del_init(&c->node);
}

void conn_release(struct conn *c)
{
	conn_unlink(c);
	kfree(c);
}
