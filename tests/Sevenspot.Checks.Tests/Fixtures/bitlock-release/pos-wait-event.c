// SPDX-License-Identifier: GPL-2.0
/*
 * The bit is taken by waiting until test_and_set_bit() finds it clear: wait_event() returns
 * holding it, and wait_event_interruptible() and wait_event_freezable_exclusive() hold it when
 * they return 0. Each section ends in a store and a plain clear_bit().
 */
#include <linux/bitops.h>
#include <linux/wait.h>

enum { PORT_BUSY };

struct port {
	unsigned long flags;
	wait_queue_head_t wq;
	unsigned int sent;
};

void port_send(struct port *p)
{
	wait_event(p->wq, !test_and_set_bit(PORT_BUSY, &p->flags));
	p->sent++;
	clear_bit(PORT_BUSY, &p->flags);	/* BUG */
	wake_up(&p->wq);
}

int port_send_interruptible(struct port *p)
{
	if (wait_event_interruptible(p->wq, !test_and_set_bit(PORT_BUSY, &p->flags)))
		return -ERESTARTSYS;
	p->sent++;
	clear_bit(PORT_BUSY, &p->flags);	/* BUG */
	wake_up(&p->wq);
	return 0;
}

int port_send_freezable(struct port *p)
{
	if (wait_event_freezable_exclusive(p->wq, !test_and_set_bit(PORT_BUSY, &p->flags)))
		return -ERESTARTSYS;
	p->sent++;
	clear_bit(PORT_BUSY, &p->flags);	/* BUG */
	wake_up(&p->wq);
	return 0;
}
