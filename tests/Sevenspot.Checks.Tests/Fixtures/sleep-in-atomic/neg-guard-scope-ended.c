// SPDX-License-Identifier: GPL-2.0
/*
 * A guard releases its lock when control leaves its block, by every way out: the end of the
 * block, a break out of a loop body, a goto out of it, the end of a scoped_guard statement.
 * The sleeps below all run after the release; a guard(mutex) makes nothing atomic.
 */
#include <linux/cleanup.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct dev {
	spinlock_t lock;
	struct mutex cfg;
	int count;
	int items[8];
};

void dev_block_end(struct dev *d)
{
	{
		guard(spinlock)(&d->lock);
		d->count++;
	}
	msleep(1);
}

void dev_loop_break(struct dev *d)
{
	int i;

	for (i = 0; i < 8; i++) {
		guard(spinlock_irq)(&d->lock);
		if (d->items[i] < 0)
			break;
		d->items[i]++;
	}
	msleep(1);
}

int dev_goto_out(struct dev *d)
{
	int err = 0;

	if (d->count) {
		guard(spinlock)(&d->lock);
		if (d->items[0]) {
			err = -EBUSY;
			goto out;
		}
		d->items[0] = 1;
	}
out:
	msleep(1);
	return err;
}

void dev_scoped(struct dev *d)
{
	scoped_guard(spinlock_irqsave, &d->lock)
		d->count = 0;
	msleep(1);
}

void dev_mutex_guard(struct dev *d)
{
	guard(mutex)(&d->cfg);
	msleep(1);
}
