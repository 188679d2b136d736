// SPDX-License-Identifier: GPL-2.0
#include <linux/interrupt.h>

struct frames;
void frames_receive(struct frames *f);
void port_write(unsigned long port, unsigned char value);

struct serdev {
	struct frames *frames;
	int irq;
};

static irqreturn_t ser_interrupt(int irq, void *dev_id)
{
	struct serdev *s = dev_id;

	local_irq_enable();
	frames_receive(s->frames);
	local_irq_disable();
	return IRQ_HANDLED;
}

int ser_open(struct serdev *s)
{
	port_write(0x3f8, 0);
	return request_irq(s->irq, ser_interrupt, IRQF_SHARED, "ser", s);
}

/* Not exported, called by no file: parallel-reset.c calls its own static dev_reset(). */
void dev_reset(struct serdev *s)
{
	port_write(0x3f9, 0);
}
