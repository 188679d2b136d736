// SPDX-License-Identifier: GPL-2.0
/*
 * An unlock helper clears the device's busy bit (a lock: the reset path spins on it) and its
 * pending bit, a status the submit path sets plainly, both of one word and on every path. The
 * pending bit is no claim of anyone's: the two clears do not reset the word, and the busy bit's
 * plain clear releases the lock the submitter took, after the stored result.
 */
#include <linux/bitops.h>

#define DEV_BUSY	0
#define DEV_PENDING	1

struct xfer_dev {
	unsigned long flags;
	int status;
	int result;
};

static void xfer_unlock(struct xfer_dev *d)
{
	d->result = d->status;
	clear_bit(DEV_PENDING, &d->flags);
	clear_bit(DEV_BUSY, &d->flags);
}

static int xfer_submit(struct xfer_dev *d, int cmd)
{
	if (test_and_set_bit(DEV_BUSY, &d->flags))
		return -EBUSY;
	set_bit(DEV_PENDING, &d->flags);
	d->status = cmd;
	xfer_unlock(d);
	return 0;
}

static void xfer_reset(struct xfer_dev *d)
{
	while (test_and_set_bit(DEV_BUSY, &d->flags))
		cpu_relax();
	d->status = 0;
	clear_bit_unlock(DEV_BUSY, &d->flags);
}
