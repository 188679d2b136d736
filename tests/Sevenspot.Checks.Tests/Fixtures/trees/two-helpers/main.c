// SPDX-License-Identifier: GPL-2.0
#include <linux/spinlock.h>

struct dev {
	spinlock_t lock;
	void *buf;
};

void dev_refill(struct dev *d);

void dev_poll(struct dev *d)
{
	spin_lock(&d->lock);
	if (!d->buf)
		dev_refill(d);
	spin_unlock(&d->lock);
}
