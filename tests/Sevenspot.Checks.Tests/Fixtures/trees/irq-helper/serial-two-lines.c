// SPDX-License-Identifier: GPL-2.0
#include <linux/interrupt.h>

struct frames;
void frames_receive(struct frames *f);

struct serdev {
	struct frames *frames;
	int rx_irq;
	int err_irq;
};

static irqreturn_t ser_rx_interrupt(int irq, void *dev_id)
{
	struct serdev *s = dev_id;

	frames_receive(s->frames);
	return IRQ_HANDLED;
}

static irqreturn_t ser_err_interrupt(int irq, void *dev_id)
{
	struct serdev *s = dev_id;

	frames_receive(s->frames);
	return IRQ_HANDLED;
}

int ser_open(struct serdev *s)
{
	int ret = request_irq(s->rx_irq, ser_rx_interrupt, 0, "ser-rx", s);

	if (ret)
		return ret;
	return request_irq(s->err_irq, ser_err_interrupt, 0, "ser-err", s);
}
