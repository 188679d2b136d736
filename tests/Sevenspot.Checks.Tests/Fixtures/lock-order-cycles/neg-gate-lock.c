// SPDX-License-Identifier: GPL-2.0
/*
 * Both orders of table_lock and stats_lock are taken, but only with config_mutex held: the two
 * paths never run at once, so they cannot deadlock.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(config_mutex);
static DEFINE_SPINLOCK(table_lock);
static DEFINE_SPINLOCK(stats_lock);
static int table[16], stats[4];

void table_update(int i)
{
	mutex_lock(&config_mutex);
	spin_lock(&table_lock);
	spin_lock(&stats_lock);
	table[i]++;
	stats[0]++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
	mutex_unlock(&config_mutex);
}

void stats_reset(void)
{
	mutex_lock(&config_mutex);
	spin_lock(&stats_lock);
	spin_lock(&table_lock);
	stats[0] = 0;
	table[0] = 0;
	spin_unlock(&table_lock);
	spin_unlock(&stats_lock);
	mutex_unlock(&config_mutex);
}
