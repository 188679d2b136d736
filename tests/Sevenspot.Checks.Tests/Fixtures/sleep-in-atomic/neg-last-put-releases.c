// SPDX-License-Identifier: GPL-2.0
/*
 * A put that frees (and may sleep in vfree) only when it drops the last reference; the
 * caller holds another reference under its lock, so the sleeping path is not this one.
 */
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

struct tracer {
	spinlock_t lock;
	refcount_t refs;
	void *area;
	int mode;
};

static void tracer_put(struct tracer *t)
{
	if (refcount_dec_and_test(&t->refs)) {
		vfree(t->area);
		kfree(t);
	}
}

void tracer_disable(struct tracer *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	t->mode = 0;
	tracer_put(t);
	spin_unlock_irqrestore(&t->lock, flags);
}
