// SPDX-License-Identifier: GPL-2.0
/*
 * A gate that does not serialise: the first pair of paths holds config_sem only for reading,
 * which lets both run at once; in the second pair, one path takes the inner locks without the
 * mutex the other holds.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>

static DECLARE_RWSEM(config_sem);
static DEFINE_MUTEX(config_mutex);
static DEFINE_SPINLOCK(table_lock);
static DEFINE_SPINLOCK(stats_lock);
static DEFINE_SPINLOCK(log_lock);
static DEFINE_SPINLOCK(ring_lock);
static int table[16], stats[4], ring[4];

void table_update(int i)
{
	down_read(&config_sem);
	spin_lock(&table_lock);
	spin_lock(&stats_lock);		/* BUG: table_lock -> stats_lock */
	table[i]++;
	stats[0]++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
	up_read(&config_sem);
}

void stats_reset(void)
{
	down_read(&config_sem);
	spin_lock(&stats_lock);
	spin_lock(&table_lock);
	stats[0] = 0;
	table[0] = 0;
	spin_unlock(&table_lock);
	spin_unlock(&stats_lock);
	up_read(&config_sem);
}

void ring_push(int v)
{
	mutex_lock(&config_mutex);
	spin_lock(&log_lock);
	spin_lock(&ring_lock);		/* BUG: log_lock -> ring_lock */
	ring[0] = v;
	spin_unlock(&ring_lock);
	spin_unlock(&log_lock);
	mutex_unlock(&config_mutex);
}

void ring_drain(void)
{
	spin_lock(&ring_lock);
	spin_lock(&log_lock);
	ring[0] = 0;
	spin_unlock(&log_lock);
	spin_unlock(&ring_lock);
}
