// SPDX-License-Identifier: GPL-2.0
/* Everyone takes table_lock before stats_lock. */
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(table_lock);
static DEFINE_SPINLOCK(stats_lock);
static int table[16], stats[4];

void table_update(int i)
{
	spin_lock(&table_lock);
	spin_lock(&stats_lock);
	table[i]++;
	stats[0]++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
}

void stats_reset(void)
{
	spin_lock(&table_lock);
	spin_lock(&stats_lock);
	stats[0] = 0;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
}
