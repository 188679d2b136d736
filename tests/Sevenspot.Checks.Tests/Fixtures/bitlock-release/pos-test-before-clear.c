// SPDX-License-Identifier: GPL-2.0
/* A test that orders nothing (a plain read) between the section and the clear. */
#include <linux/bitops.h>

#define DEV_BUSY	0

struct mydev {
	unsigned long flags;
	int count;
	int limit;
};

static int mydev_add(struct mydev *d, int v)
{
	if (test_and_set_bit(DEV_BUSY, &d->flags))
		return -EBUSY;

	d->count += v;
	if (d->count > d->limit)
		d->count = d->limit;
	clear_bit(DEV_BUSY, &d->flags);	/* BUG: no release ordering */
	return 0;
}
