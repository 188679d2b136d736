// SPDX-License-Identifier: GPL-2.0
/*
 * A state machine that rotates over servers. The BUSY bit is a notice flag: the first thread that
 * sees the "busy" answer prints the notice, and another answer, met in a later call, clears the
 * flag. The clear sits after the test-and-set in the text but in another case of the switch, which
 * the busy case leaves by a jump: no path goes from one to the other, so no section ends there.
 */
#include <linux/bitops.h>

#define VOL_BUSY	5

enum { ANSWER_BUSY = 1, ANSWER_OK = 2 };

struct volume {
	unsigned long flags;
	int tries;
};

struct rotor {
	struct volume *vol;
	int answer;
	int index;
};

bool rotor_next(struct rotor *r)
{
	switch (r->answer) {
	case ANSWER_BUSY:
		if (!test_and_set_bit(VOL_BUSY, &r->vol->flags))
			volume_busy_notice(r->vol);
		r->vol->tries++;
		goto next_server;

	default:
		r->vol->tries = 0;
		clear_bit(VOL_BUSY, &r->vol->flags);
		return false;
	}

next_server:
	r->index++;
	return true;
}
