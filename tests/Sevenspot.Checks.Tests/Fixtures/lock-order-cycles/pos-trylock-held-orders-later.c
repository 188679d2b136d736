// SPDX-License-Identifier: GPL-2.0
/*
 * A trylock cannot wait, so taking it adds no order; but once it succeeded the lock is held,
 * and a lock taken under it waits: list_lock -> cfg_lock here, cfg_lock -> list_lock elsewhere.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(cfg_lock);
static DEFINE_MUTEX(list_lock);
static int entries;

int list_prune(void)
{
	if (!mutex_trylock(&list_lock))
		return -EBUSY;
	mutex_lock(&cfg_lock);	/* BUG: list_lock -> cfg_lock */
	entries = 0;
	mutex_unlock(&cfg_lock);
	mutex_unlock(&list_lock);
	return 0;
}

void cfg_apply(void)
{
	mutex_lock(&cfg_lock);
	mutex_lock(&list_lock);	/* cfg_lock -> list_lock */
	entries++;
	mutex_unlock(&list_lock);
	mutex_unlock(&cfg_lock);
}
