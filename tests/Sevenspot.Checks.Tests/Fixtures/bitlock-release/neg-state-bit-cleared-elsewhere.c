// SPDX-License-Identifier: GPL-2.0
/*
 * The bit is a lock in dev_reinit(), which spins on it, and also a state of the program:
 * dev_request_reset() sets it with a plain set_bit() when the device must be reset, and
 * dev_ready() clears it when the device is ready again, after storing its parameters. The clear
 * ends that state rather than release a section, and is not reported.
 */
#include <linux/bitops.h>
#include <linux/delay.h>

#define DEV_RESETTING	2

struct dev {
	unsigned long state;
	int delay;
	int err_code;
};

static void dev_reinit(struct dev *d)
{
	while (test_and_set_bit(DEV_RESETTING, &d->state))
		msleep(10);
	dev_hw_reset(d);
	clear_bit_unlock(DEV_RESETTING, &d->state);
}

static void dev_request_reset(struct dev *d)
{
	dev_log(d);
	set_bit(DEV_RESETTING, &d->state);
}

static void dev_ready(struct dev *d)
{
	dev_log(d);
	d->delay = 0;
	d->err_code = 0;
	clear_bit(DEV_RESETTING, &d->state);
}
