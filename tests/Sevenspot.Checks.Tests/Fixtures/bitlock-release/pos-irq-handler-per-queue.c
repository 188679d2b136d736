// SPDX-License-Identifier: GPL-2.0
/*
 * One handler registered for every queue's line: the lines may fire at once on two CPUs, and
 * each run drains the device-wide state under the bit.
 */
#include <linux/bitops.h>
#include <linux/interrupt.h>

struct rxdev {
	unsigned long in_rx;
	int head;
	int frames;
	int irqs[4];
};

struct rxq {
	struct rxdev *dev;
};

static irqreturn_t q_interrupt(int irq, void *dev_id)
{
	struct rxq *q = dev_id;
	struct rxdev *d = q->dev;

	if (test_and_set_bit(0, &d->in_rx))
		return IRQ_HANDLED;
	while (d->head) {
		d->head--;
		d->frames++;
	}
	clear_bit(0, &d->in_rx);	/* BUG: no release ordering */
	return IRQ_HANDLED;
}

int rx_open(struct rxdev *d, struct rxq *queues)
{
	int i, ret;

	for (i = 0; i < 4; i++) {
		ret = request_irq(d->irqs[i], q_interrupt, 0, "rxdev-q", &queues[i]);
		if (ret)
			return ret;
	}
	return 0;
}
