// SPDX-License-Identifier: GPL-2.0
/* The object is linked, then freed on an error path without unlinking. */
#include <linux/list.h>
#include <linux/slab.h>

struct client {
	struct list_head node;
	int id;
};

static LIST_HEAD(clients);

int client_add(int id)
{
	struct client *c;
	int err;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->id = id;
	list_add(&c->node, &clients);

	err = client_register(c);
	if (err) {
		kfree(c);			/* BUG: still on clients */
		return err;
	}
	return 0;
}
