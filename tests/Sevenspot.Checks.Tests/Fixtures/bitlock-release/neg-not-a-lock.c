// SPDX-License-Identifier: GPL-2.0
/* test_and_set_bit whose result is only stored, and flags set and cleared with set_bit. */
#include <linux/bitops.h>

#define EV_SEEN		4

struct ev {
	unsigned long flags;
	int first;
};

static void ev_note(struct ev *e)
{
	e->first = !test_and_set_bit(EV_SEEN, &e->flags);
	set_bit(EV_SEEN + 1, &e->flags);
	clear_bit(EV_SEEN, &e->flags);
	clear_bit(EV_SEEN + 1, &e->flags);
}
