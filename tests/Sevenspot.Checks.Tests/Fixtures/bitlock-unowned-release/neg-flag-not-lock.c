// SPDX-License-Identifier: GPL-2.0
/*
 * A bit set with test_and_set_bit whose old value is never used for a branch is a flag, not a
 * lock: clearing it on any path is the flag's business.
 */
#include <linux/bitops.h>

#define EV_PENDING 0

struct ev {
	unsigned long flags;
	int count;
};

void ev_kick(struct ev *e, int cancel)
{
	int was = test_and_set_bit(EV_PENDING, &e->flags);

	e->count += !was;
	if (cancel)
		clear_bit(EV_PENDING, &e->flags);
}

void ev_other_bit(struct ev *e)
{
	if (test_and_set_bit(EV_PENDING, &e->flags))
		return;
	e->count++;
	clear_bit(EV_PENDING + 1, &e->flags);
	clear_bit(EV_PENDING, &e->flags);
}
