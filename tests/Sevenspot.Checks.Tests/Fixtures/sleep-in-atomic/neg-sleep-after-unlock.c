// SPDX-License-Identifier: GPL-2.0
/* The sleep comes after the unlock. */
#include <linux/delay.h>
#include <linux/spinlock.h>

struct chip {
	spinlock_t lock;
	void __iomem *regs;
};

static void chip_reset(struct chip *c)
{
	spin_lock(&c->lock);
	writel(1, c->regs);
	spin_unlock(&c->lock);
	msleep(10);
	spin_lock(&c->lock);
	writel(0, c->regs);
	spin_unlock(&c->lock);
}
