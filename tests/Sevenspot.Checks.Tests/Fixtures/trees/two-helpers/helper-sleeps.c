// SPDX-License-Identifier: GPL-2.0
#include <linux/slab.h>

struct dev {
	spinlock_t lock;
	void *buf;
};

void dev_refill(struct dev *d)
{
	d->buf = kmalloc(64, GFP_KERNEL);
}
