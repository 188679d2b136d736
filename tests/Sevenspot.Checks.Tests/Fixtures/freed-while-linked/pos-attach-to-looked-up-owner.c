// SPDX-License-Identifier: GPL-2.0
/*
 * The owner of the list is looked up, not allocated by the function: the attach's link stands,
 * and the port freed on the error path stays on the hub's list.
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

int hub_add_port(int id, int index)
{
	struct hub *h = hub_lookup(id);
	struct port *p;
	int err;

	if (!h)
		return -ENODEV;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->index = index;
	hub_attach(h, p);
	err = port_power_on(p);
	if (err)
		kfree(p);			/* BUG: still on h->ports */
	return err;
}
