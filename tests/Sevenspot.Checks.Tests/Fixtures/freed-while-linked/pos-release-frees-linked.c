// SPDX-License-Identifier: GPL-2.0
/*
 * The object is linked here and handed, on the error path, to a release function of the file
 * that frees it without taking it off the list.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct client {
	struct list_head node;
	char *name;
};

static LIST_HEAD(clients);

static void client_release(struct client *c)
{
	if (!c)
		return;
	kfree(c->name);
	kfree(c);
}

int client_add(const char *name)
{
	struct client *c;
	int err;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	list_add_tail(&c->node, &clients);

	err = client_register(c);
	if (err) {
		client_release(c);		/* BUG: frees c, still on clients */
		return err;
	}
	return 0;
}
