// SPDX-License-Identifier: GPL-2.0
/*
 * The same two definitions of the release function in the other order: the one that unlinks
 * comes first. Which definition comes first does not matter.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct client {
	struct list_head node;
	char *name;
};

static LIST_HEAD(clients);

#ifdef CONFIG_CLIENT_TRACKER
static void client_release(struct client *c)
{
	if (!c)
		return;
	list_del(&c->node);
	kfree(c);
}
#else
static void client_release(struct client *c)
{
	if (!c)
		return;
	kfree(c);
}
#endif

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
		client_release(c);		/* may unlink: not reported */
		return err;
	}
	return 0;
}
