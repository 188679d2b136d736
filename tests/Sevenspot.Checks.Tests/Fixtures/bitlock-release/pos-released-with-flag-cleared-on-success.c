// SPDX-License-Identifier: GPL-2.0
/*
 * A device's bit lock, spun on by its users, is released by a helper that also clears the error
 * bit of the same word, but only when the work succeeded. That clear is under an if: a flag kept
 * beside the lock, not a reset of the word. The helper releases the lock it was handed; the
 * status stored before the plain clear may land after it.
 */
#include <linux/bitops.h>

#define DEV_LOCK	0
#define DEV_ERROR	1

struct work_dev {
	unsigned long flags;
	int status;
};

static void work_dev_unlock(struct work_dev *d, int err)
{
	d->status = err;
	if (!err)
		clear_bit(DEV_ERROR, &d->flags);
	clear_bit(DEV_LOCK, &d->flags);	/* BUG */
}

static void work_dev_fail(struct work_dev *d)
{
	set_bit(DEV_ERROR, &d->flags);
}

static void work_dev_run(struct work_dev *d)
{
	while (test_and_set_bit(DEV_LOCK, &d->flags))
		cpu_relax();
	work_dev_unlock(d, work_dev_step(d));
}
