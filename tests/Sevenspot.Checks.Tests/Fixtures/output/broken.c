// SPDX-License-Identifier: GPL-2.0
/* One function does not parse; the rest of the file is still checked. */

#define MODE_X	0x2

static int broken(int a)
{
	return a +* ;
}

static int fine(unsigned int mode)
{
	return !mode & MODE_X;
}
