// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_lock() and atomic_dec_and_lock_irqsave() take the lock when they drop the
 * last reference: on the branch where they returned true the caller is in the lock's section.
 */
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct pool {
	spinlock_t lock;
	int users;
};

struct item {
	refcount_t ref;
	atomic_t pins;
	struct pool *p;
};

void item_put(struct item *it)
{
	if (refcount_dec_and_lock(&it->ref, &it->p->lock)) {
		it->p->users--;
		msleep(1);	/* BUG: under it->p->lock */
		spin_unlock(&it->p->lock);
	}
}

void item_unpin(struct item *it)
{
	unsigned long flags;

	if (!atomic_dec_and_lock_irqsave(&it->pins, &it->p->lock, flags))
		return;
	it->p->users--;
	msleep(1);	/* BUG: under it->p->lock, interrupts off */
	spin_unlock_irqrestore(&it->p->lock, flags);
}
