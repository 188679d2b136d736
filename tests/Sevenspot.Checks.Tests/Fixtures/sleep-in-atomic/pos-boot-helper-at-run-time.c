// SPDX-License-Identifier: GPL-2.0
/* The same allocation under a spinlock outside boot code is reported. */
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

static DEFINE_SPINLOCK(table_lock);
static void *table;

static void __init table_boot(void)
{
	table = kzalloc(64, GFP_KERNEL);
}

void table_grow(void)
{
	spin_lock(&table_lock);
	table = kzalloc(128, GFP_KERNEL);
	spin_unlock(&table_lock);
}
