// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_interruptible() waits for the mutex as mutex_lock() does: taking the static mutex
 * again with it while the first one holds it waits for itself.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(table_mutex);
static int table_gen;

int table_refresh(int full)
{
	if (mutex_lock_interruptible(&table_mutex))
		return -EINTR;
	if (full && mutex_lock_interruptible(&table_mutex)) {	/* BUG: table_mutex taken while held */
		mutex_unlock(&table_mutex);
		return -EINTR;
	}
	table_gen++;
	if (full)
		mutex_unlock(&table_mutex);
	mutex_unlock(&table_mutex);
	return 0;
}
