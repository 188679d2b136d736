// SPDX-License-Identifier: GPL-2.0
/*
 * hash_refill() takes a mutex under a spinlock: that is a sleep in atomic context
 * (sleep-in-atomic reports it), not a lock order lockdep would record, so the mutex -> spinlock
 * order of pool_resize() closes no cycle.
 */
#include <linux/spinlock.h>
#include <linux/mutex.h>

static DEFINE_SPINLOCK(hash_lock);
static DEFINE_MUTEX(resize_mutex);
static int nr_pages;

void hash_refill(void)
{
	spin_lock(&hash_lock);
	mutex_lock(&resize_mutex);
	nr_pages++;
	mutex_unlock(&resize_mutex);
	spin_unlock(&hash_lock);
}

void pool_resize(void)
{
	mutex_lock(&resize_mutex);
	spin_lock(&hash_lock);
	nr_pages--;
	spin_unlock(&hash_lock);
	mutex_unlock(&resize_mutex);
}
