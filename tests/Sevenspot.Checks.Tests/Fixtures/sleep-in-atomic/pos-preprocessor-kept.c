// SPDX-License-Identifier: GPL-2.0
/* Branches the preprocessor may keep are analysed: #ifdef of a macro the file defines, the #else of a removed branch, #ifndef of one never defined. */
#include <linux/interrupt.h>
#include <linux/spinlock.h>

#define CARD_DEBUG

struct card {
	spinlock_t lock;
	int irq;
};

void card_close(struct card *c)
{
	spin_lock(&c->lock);
#ifdef CARD_DEBUG
	free_irq(c->irq, c);
#endif
	spin_unlock(&c->lock);
}

void card_reset(struct card *c)
{
	spin_lock(&c->lock);
#ifdef CARD_OTHER_NEVER_DEFINED
	c->irq = 0;
#else
	free_irq(c->irq, c);
#endif
	spin_unlock(&c->lock);
}

void card_stop(struct card *c)
{
	spin_lock(&c->lock);
#ifndef CARD_OTHER_NEVER_DEFINED
	free_irq(c->irq, c);
#endif
	spin_unlock(&c->lock);
}
