// SPDX-License-Identifier: GPL-2.0
/*
 * A channel taken once with test_and_set_bit, whose busy case turns the caller away with an
 * error: the bit excludes, it is a lock. The interrupt handler ends the transfer, stores, and
 * releases the bit with a plain clear_bit.
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/interrupt.h>

#define CH_BUSY	0

struct chan {
	unsigned long flags;
	void *buf;
};

int chan_submit(struct chan *c, void *buf)
{
	if (test_and_set_bit(CH_BUSY, &c->flags))
		return -EBUSY;
	c->buf = buf;
	hw_start(c);
	return 0;
}

static irqreturn_t chan_irq(int irq, void *data)
{
	struct chan *c = data;

	c->buf = NULL;
	clear_bit(CH_BUSY, &c->flags);	/* BUG: the store to c->buf may follow the release */
	return IRQ_HANDLED;
}

int chan_init(struct chan *c, int irq)
{
	return request_irq(irq, chan_irq, 0, "chan", c);
}
