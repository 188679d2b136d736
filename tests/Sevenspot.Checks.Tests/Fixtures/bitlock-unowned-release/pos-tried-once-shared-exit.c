// SPDX-License-Identifier: GPL-2.0
/*
 * A bit lock tried once, whose busy path joins the holder's own release: the thread that
 * found the bit taken clears it under the owner's feet. No loop spins on these bits.
 */
#include <linux/bitops.h>
#include <linux/errno.h>

#define RESETTING	2
#define FW_UPDATING	3

struct card {
	unsigned long state;
	int ver;
};

int card_reset(struct card *c)
{
	int err = 0;

	if (test_and_set_bit_lock(RESETTING, &c->state)) {
		err = -EBUSY;
		goto out;
	}
	err = hw_reset(c);
out:
	clear_bit_unlock(RESETTING, &c->state);	/* BUG: also on the busy path */
	return err;
}

int card_flash(struct card *c, int ver)
{
	int ret;

	if (test_and_set_bit_lock(FW_UPDATING, &c->state))
		ret = -EBUSY;
	else
		ret = hw_flash(c, ver);
	if (!ret)
		c->ver = ver;
	clear_bit_unlock(FW_UPDATING, &c->state);	/* BUG: the busy branch joins here */
	return ret;
}
