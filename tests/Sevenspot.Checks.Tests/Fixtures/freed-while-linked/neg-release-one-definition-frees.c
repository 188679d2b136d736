// SPDX-License-Identifier: GPL-2.0
/*
 * The release function has two definitions, one per configuration (the arms of an #ifdef): one
 * frees the client, the other only drops a reference (the last one is dropped elsewhere). The
 * release does not free on every build: nothing is reported.
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
	client_put(c);
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
		client_release(c);		/* may not free: not reported */
		return err;
	}
	return 0;
}
