// SPDX-License-Identifier: GPL-2.0
#include <linux/interrupt.h>

struct frames;
void frames_receive(struct frames *f);

struct duodev {
	struct frames *frames;
	int rx_irq;
	int tx_irq;
};

irqreturn_t duo_tx_interrupt(int irq, void *dev_id)
{
	struct duodev *d = dev_id;

	frames_receive(d->frames);
	return IRQ_HANDLED;
}
