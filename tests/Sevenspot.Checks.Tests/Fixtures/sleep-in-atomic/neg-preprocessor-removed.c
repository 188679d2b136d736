// SPDX-License-Identifier: GPL-2.0
/* Code the preprocessor removes is not compiled: #ifndef of a macro the file defines, #ifdef of one never defined, #if 0. */
#include <linux/interrupt.h>
#include <linux/spinlock.h>

#define release_build

struct card {
	spinlock_t lock;
	int irq;
};

void card_close(struct card *c)
{
	spin_lock(&c->lock);
#ifndef release_build
	free_irq(c->irq, c);
#endif
#ifdef CARD_NEVER_DEFINED_ANYWHERE
	free_irq(c->irq, c);
#endif
#if defined(CARD_NEVER_DEFINED_ANYWHERE)
	free_irq(c->irq, c);
#endif
#if 0
	free_irq(c->irq, c);
#endif
	spin_unlock(&c->lock);
}
