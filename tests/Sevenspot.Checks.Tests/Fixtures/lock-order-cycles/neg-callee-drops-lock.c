// SPDX-License-Identifier: GPL-2.0
/*
 * The callee drops the lock it was called with before it takes the other one: there is no
 * "pool_lock, then cfg_mutex" order, and the other function's cfg_mutex -> pool_lock makes no cycle.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>

static DEFINE_SPINLOCK(pool_lock);
static DEFINE_MUTEX(cfg_mutex);
static int pool_size, cfg_size;

static void pool_shrink_locked(void)
{
	pool_size--;
	spin_unlock(&pool_lock);
	mutex_lock(&cfg_mutex);
	cfg_size--;
	mutex_unlock(&cfg_mutex);
	spin_lock(&pool_lock);
}

void pool_trim(void)
{
	spin_lock(&pool_lock);
	while (pool_size > cfg_size)
		pool_shrink_locked();
	spin_unlock(&pool_lock);
}

void cfg_set(int size)
{
	mutex_lock(&cfg_mutex);
	cfg_size = size;
	spin_lock(&pool_lock);
	pool_size = size;
	spin_unlock(&pool_lock);
	mutex_unlock(&cfg_mutex);
}
