// SPDX-License-Identifier: GPL-2.0
/* An explicit barrier before the clear gives it release ordering. */
#include <linux/bitops.h>

static unsigned long table_lock;
static int table[64];

void table_set(int i, int v)
{
	while (test_and_set_bit(0, &table_lock))
		cpu_relax();
	table[i] = v;
	smp_mb__before_atomic();
	clear_bit(0, &table_lock);
}
