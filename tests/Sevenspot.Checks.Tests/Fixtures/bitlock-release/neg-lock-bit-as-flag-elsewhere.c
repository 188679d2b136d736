// SPDX-License-Identifier: GPL-2.0
/*
 * The bit is a lock in link_update(), which spins on it. Other functions use it as a flag:
 * link_pause() sets it itself before clearing it, and link_fail() clears it only when bringing
 * the link up failed (an undo, not a release on the way through). Neither is reported.
 */
#include <linux/bitops.h>

#define LINK_BUSY	1

struct link {
	unsigned long state;
	int speed;
	int paused;
	int error;
};

static void link_update(struct link *l, int speed)
{
	while (test_and_set_bit(LINK_BUSY, &l->state))
		cpu_relax();
	l->speed = speed;
	clear_bit_unlock(LINK_BUSY, &l->state);
}

static void link_pause(struct link *l)
{
	set_bit(LINK_BUSY, &l->state);
	l->paused = 1;
	clear_bit(LINK_BUSY, &l->state);
}

static void link_fail(struct link *l, int err)
{
	l->error = err;
	if (err)
		clear_bit(LINK_BUSY, &l->state);
}
