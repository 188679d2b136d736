// SPDX-License-Identifier: GPL-2.0
/* The counter is read with no lock at all: it races with every update under c->lock. */
#include <linux/spinlock.h>

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
	return c->value;
}
