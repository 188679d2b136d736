// SPDX-License-Identifier: GPL-2.0
/* stats_lock is released before table_lock is taken: no reverse edge. */
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
	int old;

	spin_lock(&stats_lock);
	old = stats[0];
	stats[0] = 0;
	spin_unlock(&stats_lock);
	spin_lock(&table_lock);
	table[0] -= old;
	spin_unlock(&table_lock);
}
