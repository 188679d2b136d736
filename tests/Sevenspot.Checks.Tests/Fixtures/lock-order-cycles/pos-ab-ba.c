// SPDX-License-Identifier: GPL-2.0
/* Two global locks taken in opposite orders. The cycle is reported at the first acquisition that closes an edge. */
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(table_lock);
static DEFINE_SPINLOCK(stats_lock);
static int table[16], stats[4];

void table_update(int i)
{
	spin_lock(&table_lock);
	spin_lock(&stats_lock);		/* BUG: table_lock -> stats_lock */
	table[i]++;
	stats[0]++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
}

void stats_reset(void)
{
	spin_lock(&stats_lock);
	spin_lock(&table_lock);		/* stats_lock -> table_lock, the other half of the cycle */
	stats[0] = 0;
	table[0] = 0;
	spin_unlock(&table_lock);
	spin_unlock(&stats_lock);
}
