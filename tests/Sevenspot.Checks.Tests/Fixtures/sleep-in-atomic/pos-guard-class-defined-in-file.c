// SPDX-License-Identifier: GPL-2.0
/*
 * Guard classes a driver defines with DEFINE_GUARD and DEFINE_LOCK_GUARD_1: a guard of such a
 * class takes what the class's lock expression takes. zone_spin holds the spinlock passed to
 * it; zone takes the mutex of the zone passed to it. CLASS(name, var)(args) is the same guard.
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

void zone_wait(struct zone *z)
{
	guard(zone_spin)(&z->slock);
	msleep(1);	/* BUG: sleeps under z->slock */
}

void zone_set(struct zone *z, int t)
{
	spin_lock(&z->slock);
	scoped_guard(zone, z)	/* BUG: mutex_lock(&z->lock) under z->slock */
		z->temp = t;
	spin_unlock(&z->slock);
}

void zone_read(struct zone *z)
{
	CLASS(zone_spin, g)(&z->slock);
	usleep_range(10, 20);	/* BUG: sleeps under z->slock */
}
