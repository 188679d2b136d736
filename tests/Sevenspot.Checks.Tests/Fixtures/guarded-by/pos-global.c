// SPDX-License-Identifier: GPL-2.0
/* A global guarded by a global lock, read after the lock is released. */
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(stats_lock);
static unsigned long nr_drops __guarded_by(&stats_lock);

static unsigned long stats_note_drop(void)
{
	spin_lock(&stats_lock);
	nr_drops++;
	spin_unlock(&stats_lock);
	return nr_drops;
}
