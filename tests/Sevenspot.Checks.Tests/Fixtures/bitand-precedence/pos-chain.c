// SPDX-License-Identifier: GPL-2.0
/* !x & A & B: reported, but the intended grouping is unclear, so no fix. */

#define MODE_A	0x1
#define MODE_B	0x2

static int mode_is_plain(unsigned int mode)
{
	return !mode & MODE_A & MODE_B;	/* BUG, no fix offered */
}
