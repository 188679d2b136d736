// SPDX-License-Identifier: GPL-2.0
#include <linux/list.h>
#include <linux/slab.h>
#include "@CONN_H@"

struct conn {
	struct list_head node;
	int id;
};

LIST_HEAD(conns);

int conn_open(int id)
{
	struct conn *c;
	int err;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	list_add(&c->node, &conns);
	err = conn_start(c);
	if (err) {
		conn_release(c);
		return err;
	}
	return 0;
}

int conn_clone(int id)
{
	struct conn *c;
	int err;

	c = conn_create(id);
	if (!c)
		return -ENOMEM;
	err = conn_start(c);
	if (err) {
		kfree(c);
		return err;
	}
	return 0;
}
