// SPDX-License-Identifier: GPL-2.0
/* A reset sequence waits for the hardware with the device lock held. */
#include <linux/delay.h>
#include <linux/spinlock.h>

struct chip {
	spinlock_t lock;
	void __iomem *regs;
};

static void chip_reset(struct chip *c)
{
	unsigned long flags;

	spin_lock_irqsave(&c->lock, flags);
	writel(1, c->regs);
	msleep(10);			/* BUG: sleeps with a spinlock held, irqs off */
	writel(0, c->regs);
	spin_unlock_irqrestore(&c->lock, flags);
}
