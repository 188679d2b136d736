// SPDX-License-Identifier: GPL-2.0
/* Lock classes from struct type and field: struct host.lock and struct port.lock. */
#include <linux/spinlock.h>

struct host {
	spinlock_t lock;
	int nports;
};

struct port {
	spinlock_t lock;
	struct host *host;
	int up;
};

void port_attach(struct port *p, struct host *h)
{
	spin_lock(&h->lock);
	spin_lock(&p->lock);		/* BUG: struct host.lock -> struct port.lock */
	p->host = h;
	h->nports++;
	spin_unlock(&p->lock);
	spin_unlock(&h->lock);
}

void port_down(struct port *p, struct host *h)
{
	spin_lock(&p->lock);
	p->up = 0;
	spin_lock(&h->lock);		/* struct port.lock -> struct host.lock */
	h->nports--;
	spin_unlock(&h->lock);
	spin_unlock(&p->lock);
}
