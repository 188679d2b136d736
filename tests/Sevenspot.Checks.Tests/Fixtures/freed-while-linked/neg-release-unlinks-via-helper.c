// SPDX-License-Identifier: GPL-2.0
/*
 * The release function takes the object off the list through a helper of its own before it
 * frees it: the error path that calls it is right.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct client {
	struct list_head node;
	char *name;
};

static LIST_HEAD(clients);

static void client_unlink(struct list_head *entry)
{
	list_del(entry);
}

static void client_release(struct client *c)
{
	if (!c)
		return;
	client_unlink(&c->node);
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
		client_release(c);		/* fine: the release unlinks first */
		return err;
	}
	return 0;
}
