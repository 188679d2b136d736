// SPDX-License-Identifier: GPL-2.0
/* A hand-rolled spin on a bit. */
#include <linux/bitops.h>

static unsigned long table_lock;
static int table[64];

void table_set(int i, int v)
{
	while (test_and_set_bit(0, &table_lock))
		cpu_relax();
	table[i] = v;
	clear_bit(0, &table_lock);	/* BUG */
}
