// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_lock() takes table_lock only on its true branch, and both functions take
 * table_lock before stats_lock: one order, no cycle.
 */
#include <linux/refcount.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(table_lock);
static DEFINE_SPINLOCK(stats_lock);
static int table[16], stats[4];

struct entry {
	refcount_t ref;
	int slot;
};

void table_update(int i)
{
	spin_lock(&table_lock);
	spin_lock(&stats_lock);
	table[i]++;
	stats[0]++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
}

void entry_put_counted(struct entry *e)
{
	if (!refcount_dec_and_lock(&e->ref, &table_lock)) {
		spin_lock(&stats_lock);
		stats[1]++;
		spin_unlock(&stats_lock);
		return;
	}
	table[e->slot] = 0;
	spin_lock(&stats_lock);
	stats[2]++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
}
