// SPDX-License-Identifier: GPL-2.0
/*
 * A semaphore taken around a mutex in one function and inside it in another: lockdep does not
 * track semaphores (no owner, often upped from another context), so no order is recorded.
 */
#include <linux/semaphore.h>
#include <linux/mutex.h>

static struct semaphore fw_sem;
static DEFINE_MUTEX(cfg_mutex);
static int cfg;

void fw_load(void)
{
	down(&fw_sem);
	mutex_lock(&cfg_mutex);
	cfg = 1;
	mutex_unlock(&cfg_mutex);
	up(&fw_sem);
}

int cfg_apply(void)
{
	mutex_lock(&cfg_mutex);
	if (down_timeout(&fw_sem, 100)) {
		mutex_unlock(&cfg_mutex);
		return -ETIMEDOUT;
	}
	cfg = 2;
	up(&fw_sem);
	mutex_unlock(&cfg_mutex);
	return 0;
}
