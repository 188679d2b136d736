// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_lock() is no trylock: when the count reaches zero it spins on the lock, so
 * taking it under stats_lock orders stats_lock before table_lock, against table_update().
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
	spin_lock(&stats_lock);		/* BUG: table_lock -> stats_lock */
	table[i]++;
	stats[0]++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
}

void entry_put_counted(struct entry *e)
{
	spin_lock(&stats_lock);
	stats[1]++;
	if (refcount_dec_and_lock(&e->ref, &table_lock)) {	/* stats_lock -> table_lock */
		table[e->slot] = 0;
		spin_unlock(&table_lock);
	}
	spin_unlock(&stats_lock);
}
