// SPDX-License-Identifier: GPL-2.0
/*
 * The release function has two definitions, one per configuration (the arms of an #ifdef), and
 * neither takes the client off the list: whichever is built, the error path frees a linked client.
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
	client_log(c->name);
	kfree(c->name);
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
		client_release(c);		/* frees a linked client */
		return err;
	}
	return 0;
}
