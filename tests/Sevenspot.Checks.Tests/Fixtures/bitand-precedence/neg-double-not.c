// SPDX-License-Identifier: GPL-2.0
/* !!x is a deliberate 0/1 value. */

#define BIT0	0x1

static unsigned int low_bit(unsigned int x)
{
	return !!x & BIT0;
}
