// SPDX-License-Identifier: GPL-2.0
/*
 * Two lines of one device, each with its handler, both drain the same state under the bit:
 * the two handlers may run at once on two CPUs.
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
	rx_drain(dev_id);
	return IRQ_HANDLED;
}

static irqreturn_t err_interrupt(int irq, void *dev_id)
{
	rx_drain(dev_id);
	return IRQ_HANDLED;
}

int rx_open(struct rxdev *d, int rx_irq, int err_irq)
{
	int ret = request_irq(rx_irq, rx_interrupt, 0, "rxdev-rx", d);

	if (ret)
		return ret;
	return request_irq(err_irq, err_interrupt, 0, "rxdev-err", d);
}
