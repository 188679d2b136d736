// SPDX-License-Identifier: GPL-2.0
#include <linux/interrupt.h>

struct frames;
void frames_receive(struct frames *f);

struct duodev {
	struct frames *frames;
	int rx_irq;
	int tx_irq;
};

static irqreturn_t duo_rx_interrupt(int irq, void *dev_id)
{
	struct duodev *d = dev_id;

	frames_receive(d->frames);
	return IRQ_HANDLED;
}

int duo_rx_open(struct duodev *d)
{
	return request_irq(d->rx_irq, duo_rx_interrupt, 0, "duo-rx", d);
}
