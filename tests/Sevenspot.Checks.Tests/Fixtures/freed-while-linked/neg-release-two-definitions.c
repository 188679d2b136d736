// SPDX-License-Identifier: GPL-2.0
/*
 * The release function has two definitions, one per configuration (the arms of an #ifdef). One
 * frees the client as it is, the other takes it off the list first: the release may unlink it,
 * and nothing is reported (the quiet reading of a function either of whose bodies may be built).
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
	kfree(c);
}
#else
static void client_release(struct client *c)
{
	if (!c)
		return;
	list_del(&c->node);
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
