// SPDX-License-Identifier: GPL-2.0
/* The lock is held on one path only: the check leans quiet and says nothing. */
#include <linux/spinlock.h>

struct counter {
	spinlock_t lock;
	long value __guarded_by(&lock);
};

static long counter_read(struct counter *c, bool locked)
{
	long v;

	if (!locked)
		spin_lock(&c->lock);
	v = c->value;
	if (!locked)
		spin_unlock(&c->lock);
	return v;
}
