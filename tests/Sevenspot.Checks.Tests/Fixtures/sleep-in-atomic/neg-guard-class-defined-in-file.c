// SPDX-License-Identifier: GPL-2.0
/*
 * Guards of classes the driver defines release at the end of their scope like the core's: the
 * sleeps below run after the release, or under a mutex guard, which makes nothing atomic.
 */
#include <linux/cleanup.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct zone {
	struct mutex lock;
	spinlock_t slock;
	int temp;
};

DEFINE_GUARD(zone, struct zone *, mutex_lock(&_T->lock), mutex_unlock(&_T->lock))
DEFINE_LOCK_GUARD_1(zone_spin, spinlock_t, spin_lock(_T->lock), spin_unlock(_T->lock))

void zone_tick(struct zone *z)
{
	scoped_guard(zone_spin, &z->slock)
		z->temp++;
	msleep(1);
}

void zone_block(struct zone *z)
{
	{
		CLASS(zone_spin, g)(&z->slock);
		z->temp = 0;
	}
	msleep(1);
}

void zone_mutex(struct zone *z)
{
	guard(zone)(z);
	msleep(1);
	z->temp = 1;
}
