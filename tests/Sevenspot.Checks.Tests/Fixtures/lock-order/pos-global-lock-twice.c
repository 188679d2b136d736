// SPDX-License-Identifier: GPL-2.0
/*
 * A file's static mutex taken again on a path that already holds it: one lockdep class
 * (one definition), no _nested annotation, the second acquire waits for itself.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(cfg_mutex);
static int cfg_count;

void cfg_reload(int full)
{
	mutex_lock(&cfg_mutex);
	if (full)
		cfg_count = 0;
	mutex_lock(&cfg_mutex);		/* BUG: cfg_mutex taken while held */
	cfg_count++;
	mutex_unlock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
}
