// SPDX-License-Identifier: GPL-2.0
/*
 * One handler registered for two lines of the device, outside any loop: the two lines may fire at
 * once on two CPUs, and each run drains the device-wide state under the bit.
 */
#include <linux/bitops.h>
#include <linux/interrupt.h>

struct duodev {
	unsigned long in_rx;
	int head;
	int frames;
	int rx_irq;
	int tx_irq;
};

static irqreturn_t duo_interrupt(int irq, void *dev_id)
{
	struct duodev *d = dev_id;

	if (test_and_set_bit(0, &d->in_rx))
		return IRQ_HANDLED;
	while (d->head) {
		d->head--;
		d->frames++;
	}
	clear_bit(0, &d->in_rx);	/* BUG: no release ordering */
	return IRQ_HANDLED;
}

int duo_open(struct duodev *d)
{
	int ret = request_irq(d->rx_irq, duo_interrupt, 0, "duo-rx", d);

	if (ret)
		return ret;
	return request_irq(d->tx_irq, duo_interrupt, 0, "duo-tx", d);
}
