// SPDX-License-Identifier: GPL-2.0
/*
 * An attach function links the object it is given and leaves it linked; the caller frees the
 * object on a later error path.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct port {
	struct list_head node;
	int index;
};

struct hub {
	struct list_head ports;
};

static void hub_attach(struct hub *h, struct port *p)
{
	list_add_tail(&p->node, &h->ports);
}

int hub_add_port(struct hub *h, int index)
{
	struct port *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int err;

	if (!p)
		return -ENOMEM;
	p->index = index;
	hub_attach(h, p);
	err = port_power_on(p);
	if (err)
		goto free;
	return 0;
free:
	kfree(p);				/* BUG: still on h->ports */
	return err;
}
