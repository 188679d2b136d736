// SPDX-License-Identifier: GPL-2.0
/*
 * The handler of the device's line is also called directly by the poll controller, which may
 * run on another CPU while the interrupt is handled: the bit is a lock between CPUs again.
 */
#include <linux/bitops.h>
#include <linux/interrupt.h>

struct rxdev {
	unsigned long in_rx;
	int head;
	int frames;
};

static void rx_drain(struct rxdev *d)
{
	if (test_and_set_bit(0, &d->in_rx))
		return;
	while (d->head) {
		d->head--;
		d->frames++;
	}
	clear_bit(0, &d->in_rx);	/* BUG: no release ordering */
}

static irqreturn_t rx_interrupt(int irq, void *dev_id)
{
	struct rxdev *d = dev_id;

	rx_drain(d);
	return IRQ_HANDLED;
}

void rx_poll_controller(struct rxdev *d, int irq)
{
	rx_interrupt(irq, d);
}

int rx_open(struct rxdev *d, int irq)
{
	return request_irq(irq, rx_interrupt, 0, "rxdev", d);
}
