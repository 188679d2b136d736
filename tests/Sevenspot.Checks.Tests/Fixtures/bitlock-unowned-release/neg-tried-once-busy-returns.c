// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed forms of pos-tried-once-shared-exit.c: the busy path returns before the holder's
 * release, or clears the bit only after waiting for the holder's work to finish.
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/workqueue.h>

#define RESETTING	2
#define CLEANUP		4

struct card {
	unsigned long state;
	struct work_struct cleanup;
	int events;
};

int card_reset(struct card *c)
{
	int err = 0;

	if (test_and_set_bit_lock(RESETTING, &c->state)) {
		err = -EBUSY;
		goto busy;
	}
	err = hw_reset(c);
	clear_bit_unlock(RESETTING, &c->state);
busy:
	return err;
}

void card_recover(struct card *c)
{
	if (!test_and_set_bit_lock(CLEANUP, &c->state))
		c->events = 0;
	else
		flush_work(&c->cleanup);
	clear_bit_unlock(CLEANUP, &c->state);
}
