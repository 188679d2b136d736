// SPDX-License-Identifier: GPL-2.0
/*
 * The work runs only when the bit was clear; it is cleared at the end of that branch. The call
 * comes before the last store: whatever it orders, the store after it is unordered.
 */
#include <linux/bitops.h>

#define STATE_RUNNING	3

struct engine {
	unsigned long state;
	unsigned int runs;
};

static void engine_kick(struct engine *e)
{
	if (!test_and_set_bit(STATE_RUNNING, &e->state)) {
		engine_step(e);
		e->runs++;
		clear_bit(STATE_RUNNING, &e->state);	/* BUG */
	}
}
