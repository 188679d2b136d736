// SPDX-License-Identifier: GPL-2.0
/* Every access holds the object's own lock, taken with a plain lock, an irqsave lock or a guard. */
#include <linux/spinlock.h>
#include <linux/cleanup.h>

struct counter {
	spinlock_t lock;
	long value __guarded_by(&lock);
};

static void counter_add(struct counter *c, long n)
{
	spin_lock(&c->lock);
	c->value += n;
	spin_unlock(&c->lock);
}

static long counter_read(struct counter *c)
{
	unsigned long flags;
	long v;

	spin_lock_irqsave(&c->lock, flags);
	v = c->value;
	spin_unlock_irqrestore(&c->lock, flags);
	return v;
}

static void counter_reset(struct counter *c)
{
	guard(spinlock)(&c->lock);
	c->value = 0;
}
