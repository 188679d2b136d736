// SPDX-License-Identifier: GPL-2.0
/* One edge of the cycle goes through a callee. */
#include <linux/mutex.h>

static DEFINE_MUTEX(config_mutex);
static DEFINE_MUTEX(device_mutex);
static int config, devices;

static void devices_count(void)
{
	mutex_lock(&device_mutex);
	devices++;
	mutex_unlock(&device_mutex);
}

void config_apply(int v)
{
	mutex_lock(&config_mutex);
	config = v;
	devices_count();		/* BUG: config_mutex -> device_mutex, inside devices_count */
	mutex_unlock(&config_mutex);
}

void device_probe(void)
{
	mutex_lock(&device_mutex);
	devices++;
	mutex_lock(&config_mutex);	/* device_mutex -> config_mutex */
	config = 0;
	mutex_unlock(&config_mutex);
	mutex_unlock(&device_mutex);
}
