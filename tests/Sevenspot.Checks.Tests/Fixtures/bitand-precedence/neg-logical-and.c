// SPDX-License-Identifier: GPL-2.0
/* Logical and, bitwise not, and and-not are not this bug. */

#define FLAG_X	0x10

static int flags_ok(unsigned int flags, unsigned int mask)
{
	if (!flags && FLAG_X)
		return 0;
	if (~flags & FLAG_X)
		return 1;
	if (flags & ~mask)
		return 2;
	return 3;
}
