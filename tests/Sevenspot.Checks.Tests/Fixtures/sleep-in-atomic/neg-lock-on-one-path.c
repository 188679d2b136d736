// SPDX-License-Identifier: GPL-2.0
/* The lock is held on one path only; the check leans quiet where paths disagree. */
#include <linux/delay.h>
#include <linux/spinlock.h>

struct dev {
	spinlock_t lock;
	bool shared;
};

void dev_poke(struct dev *d)
{
	if (d->shared)
		spin_lock(&d->lock);
	msleep(1);
	if (d->shared)
		spin_unlock(&d->lock);
}
