// SPDX-License-Identifier: GPL-2.0
/*
 * A trylock loop holds the lock once it succeeds: taking cfg_mutex under it, while another
 * function takes cfg_mutex then the state lock, is an inversion.
 */
#include <linux/mutex.h>
#include <linux/delay.h>

struct adapter {
	struct mutex state_lock;
	int up;
};

static DEFINE_MUTEX(cfg_mutex);

void adapter_suspend(struct adapter *a)
{
	while (!mutex_trylock(&a->state_lock))
		usleep_range(500, 1000);
	mutex_lock(&cfg_mutex);		/* BUG: state_lock -> cfg_mutex */
	a->up = 0;
	mutex_unlock(&cfg_mutex);
	mutex_unlock(&a->state_lock);
}

void adapter_configure(struct adapter *a)
{
	mutex_lock(&cfg_mutex);
	mutex_lock(&a->state_lock);	/* cfg_mutex -> state_lock */
	a->up = 1;
	mutex_unlock(&a->state_lock);
	mutex_unlock(&cfg_mutex);
}
