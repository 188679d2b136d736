// SPDX-License-Identifier: GPL-2.0
/* After the first attempt fails the function waits for the bit and takes it before clearing it. */
#include <linux/bitops.h>
#include <linux/wait_bit.h>
#include <linux/sched.h>

#define DEV_BUSY 1

struct dev {
	unsigned long flags;
	int pending;
};

void dev_flush(struct dev *d)
{
	if (test_and_set_bit_lock(DEV_BUSY, &d->flags))
		wait_on_bit_lock(&d->flags, DEV_BUSY, TASK_UNINTERRUPTIBLE);
	d->pending = 0;
	clear_bit_unlock(DEV_BUSY, &d->flags);
}
