// SPDX-License-Identifier: GPL-2.0
/*
 * A converter with one control port beside its data ports, all struct uport set up by one
 * function. Changing a data port's lines takes the control port's lock (reached through the
 * device's ctrl_port field), then the data port's: the code names which object is first.
 */
#include <linux/spinlock.h>

struct uport {
	spinlock_t lock;
	int lines;
	struct udev *dev;
};

struct udev {
	struct uport *ctrl_port;
	struct uport ports[4];
};

void uport_init(struct uport *p, struct udev *d)
{
	spin_lock_init(&p->lock);
	p->dev = d;
}

void uport_set_lines(struct uport *port, int lines)
{
	struct uport *ctrl = port->dev->ctrl_port;
	unsigned long flags;

	spin_lock_irqsave(&ctrl->lock, flags);
	spin_lock(&port->lock);		/* recursion to lockdep, fixed order */
	port->lines = lines;
	ctrl->lines++;
	spin_unlock(&port->lock);
	spin_unlock_irqrestore(&ctrl->lock, flags);
}
