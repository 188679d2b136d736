// SPDX-License-Identifier: GPL-2.0
/*
 * An exclusive open. The store after the last call (the substream pointer) is followed by
 * return 0: it never reaches the error label's clear. On the error path the section stored
 * nothing itself (the setup helpers are calls, which the check does not follow), so the plain
 * clear has nothing of this function's to order.
 */
#include <linux/bitops.h>

struct card {
	unsigned long opened;
	void *substream;
};

static int card_open(struct card *chip, void *substream)
{
	int err;

	if (test_and_set_bit(0, &chip->opened))
		return -EBUSY;

	err = card_set_hw(chip, substream);
	if (err < 0)
		goto error;

	err = card_constrain(substream);
	if (err < 0)
		goto error;

	chip->substream = substream;
	return 0;

error:
	clear_bit(0, &chip->opened);
	return err;
}
