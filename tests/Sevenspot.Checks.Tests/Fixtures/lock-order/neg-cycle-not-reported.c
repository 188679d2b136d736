// SPDX-License-Identifier: GPL-2.0
/*
 * Two global locks taken in both orders: a cycle of two classes. lock-order reports only
 * same-class nesting; cycles are reported by the opt-in lock-order-cycles (its fixture
 * pos-ab-ba.c takes the same orders).
 */
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(table_lock);
static DEFINE_SPINLOCK(stats_lock);
static int entries, updates;

void table_update(void)
{
	spin_lock(&table_lock);
	spin_lock(&stats_lock);
	entries++;
	updates++;
	spin_unlock(&stats_lock);
	spin_unlock(&table_lock);
}

void stats_reset(void)
{
	spin_lock(&stats_lock);
	spin_lock(&table_lock);
	updates = 0;
	spin_unlock(&table_lock);
	spin_unlock(&stats_lock);
}
