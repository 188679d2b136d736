// SPDX-License-Identifier: GPL-2.0
/*
 * An attach function links the object, a detach function unlinks it only when it is linked
 * (on one path of its own); the caller detaches before freeing.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct port {
	struct list_head node;
	bool attached;
};

struct hub {
	struct list_head ports;
};

static void hub_attach(struct hub *h, struct port *p)
{
	list_add_tail(&p->node, &h->ports);
	p->attached = true;
}

static void hub_detach(struct port *p)
{
	if (p->attached) {
		list_del(&p->node);
		p->attached = false;
	}
}

int hub_add_port(struct hub *h)
{
	struct port *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int err;

	if (!p)
		return -ENOMEM;
	hub_attach(h, p);
	err = port_power_on(p);
	if (err) {
		hub_detach(p);
		kfree(p);			/* fine: detached */
	}
	return err;
}
