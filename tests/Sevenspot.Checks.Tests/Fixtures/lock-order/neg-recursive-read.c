// SPDX-License-Identifier: GPL-2.0
/* An rwlock read again while read: readers are recursive, the second read_lock does not wait. */
#include <linux/spinlock.h>

static DEFINE_RWLOCK(table_lock);
static int table_size;

static int table_size_locked(void)
{
	int n;

	read_lock(&table_lock);
	n = table_size;
	read_unlock(&table_lock);
	return n;
}

int table_report(void)
{
	int n;

	read_lock(&table_lock);
	n = table_size;
	read_lock(&table_lock);
	n += table_size;
	read_unlock(&table_lock);
	read_unlock(&table_lock);
	return n + table_size_locked();
}
