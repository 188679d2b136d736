// SPDX-License-Identifier: GPL-2.0
/* Macro bodies are not code until expanded; the expansion site is what counts. */

#define IS_CLEAR(x, m)	(!((x) & (m)))
#define MASK		0x3

static int check(unsigned int v)
{
	return IS_CLEAR(v, MASK);
}
