// SPDX-License-Identifier: GPL-2.0
/*
 * The same exclusive open, but its error path undoes a store of the section (the mode) after
 * the last call: that store reaches the plain clear unordered.
 */
#include <linux/bitops.h>

struct card {
	unsigned long opened;
	int mode;
	void *substream;
};

static int card_open(struct card *chip, void *substream, int mode)
{
	int err;

	if (test_and_set_bit(0, &chip->opened))
		return -EBUSY;

	err = card_set_hw(chip, substream);
	if (err < 0)
		goto error;

	chip->mode = mode;
	chip->substream = substream;
	return 0;

error:
	chip->mode = 0;
	clear_bit(0, &chip->opened);	/* BUG: the mode store may land after the clear */
	return err;
}
