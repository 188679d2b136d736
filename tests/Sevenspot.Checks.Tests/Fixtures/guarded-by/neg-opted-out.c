// SPDX-License-Identifier: GPL-2.0
/* Accesses the author marked as needing no lock: a function opted out, and context_unsafe(). */
#include <linux/spinlock.h>

struct counter {
	spinlock_t lock;
	long value __guarded_by(&lock);
};

static void counter_destroy(struct counter *c) __no_context_analysis
{
	c->value = 0;
}

static long counter_peek(struct counter *c)
{
	return context_unsafe(c->value);
}
