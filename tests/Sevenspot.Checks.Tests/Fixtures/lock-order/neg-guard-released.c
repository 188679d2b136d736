// SPDX-License-Identifier: GPL-2.0
/* A guard's lock is released at the end of its scope: taking it again afterwards is fine. */
#include <linux/cleanup.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(cfg_mutex);
static int cfg_count;

void cfg_twice(int full)
{
	if (full) {
		guard(mutex)(&cfg_mutex);
		cfg_count = 0;
	}
	scoped_guard(mutex, &cfg_mutex)
		cfg_count++;
	mutex_lock(&cfg_mutex);
	cfg_count++;
	mutex_unlock(&cfg_mutex);
}

int cfg_early_return(int v)
{
	{
		guard(mutex)(&cfg_mutex);
		if (v < 0)
			return -EINVAL;
		cfg_count = v;
	}
	mutex_lock(&cfg_mutex);
	cfg_count++;
	mutex_unlock(&cfg_mutex);
	return 0;
}
