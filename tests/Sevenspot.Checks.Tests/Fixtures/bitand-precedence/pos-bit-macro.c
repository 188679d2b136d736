// SPDX-License-Identifier: GPL-2.0
/* Masks built with BIT() and GENMASK() are masks too. */
#include <linux/bits.h>

#define CTRL_ENABLE	BIT(0)

static int knob_check(u32 val, u32 mode)
{
	if (!val & BIT(3))		/* BUG */
		return -EINVAL;
	if (!mode & GENMASK(7, 4))	/* BUG */
		return -EINVAL;
	return 0;
}
