// SPDX-License-Identifier: GPL-2.0
/*
 * guard(mutex)(&cfg_mutex) holds cfg_mutex to the end of the function: taking it again in the
 * same scope waits for itself. A scoped_guard of the same lock nested inside is the same bug.
 */
#include <linux/cleanup.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(cfg_mutex);
static int cfg_count;

void cfg_reset(int full)
{
	guard(mutex)(&cfg_mutex);
	cfg_count = 0;
	if (full)
		mutex_lock(&cfg_mutex);		/* BUG: cfg_mutex taken while held */
}

void cfg_bump(void)
{
	scoped_guard(mutex, &cfg_mutex) {
		cfg_count++;
		scoped_guard(mutex, &cfg_mutex)	/* BUG: cfg_mutex taken while held */
			cfg_count++;
	}
}
