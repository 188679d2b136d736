// SPDX-License-Identifier: GPL-2.0
#include <linux/interrupt.h>
#include <linux/module.h>

struct duodev {
	struct frames *frames;
	int rx_irq;
	int tx_irq;
};

int duo_rx_open(struct duodev *d);
irqreturn_t duo_tx_interrupt(int irq, void *dev_id);

int duo_open(struct duodev *d)
{
	int ret = duo_rx_open(d);

	if (ret)
		return ret;
	return request_irq(d->tx_irq, duo_tx_interrupt, 0, "duo-tx", d);
}
