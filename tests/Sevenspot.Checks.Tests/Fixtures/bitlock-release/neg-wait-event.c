// SPDX-License-Identifier: GPL-2.0
/*
 * Waits that do not take the bit as a lock, or release it with ordering: the condition also
 * ends the wait when the port is dead (the bit may not be held then), the result of
 * wait_event_timeout() is ignored (the wait may end without the bit), and the right pair.
 */
#include <linux/bitops.h>
#include <linux/wait.h>

enum { PORT_BUSY };

struct port {
	unsigned long flags;
	wait_queue_head_t wq;
	unsigned int sent;
	bool dead;
};

void port_send_unless_dead(struct port *p)
{
	wait_event(p->wq, !test_and_set_bit(PORT_BUSY, &p->flags) || p->dead);
	p->sent++;
	clear_bit(PORT_BUSY, &p->flags);
	wake_up(&p->wq);
}

void port_send_timeout(struct port *p)
{
	wait_event_timeout(p->wq, !test_and_set_bit(PORT_BUSY, &p->flags), HZ);
	p->sent++;
	clear_bit(PORT_BUSY, &p->flags);
	wake_up(&p->wq);
}

void port_send_ordered(struct port *p)
{
	wait_event(p->wq, !test_and_set_bit_lock(PORT_BUSY, &p->flags));
	p->sent++;
	clear_bit_unlock(PORT_BUSY, &p->flags);
	wake_up(&p->wq);
}
