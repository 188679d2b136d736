// SPDX-License-Identifier: GPL-2.0
/*
 * A re-entry guard of an interrupt handler: the only taker of the bit is a helper that only the
 * handler of the device's one line calls. The irq core never runs that handler twice at once,
 * and its descriptor lock orders one run's stores for the next: the plain clear_bit() is no
 * missing release.
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
	clear_bit(0, &d->in_rx);
}

static irqreturn_t rx_interrupt(int irq, void *dev_id)
{
	struct rxdev *d = dev_id;

	rx_drain(d);
	return IRQ_HANDLED;
}

int rx_probe(struct device *dev, struct rxdev *d, int irq)
{
	return devm_request_irq(dev, irq, rx_interrupt, 0, "rxdev", d);
}
