// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep_assert_held() says the caller holds the lock; the function never takes or drops it
 * itself, so its kind is that of the member's declared type: a spinlock_t, atomic.
 */
#include <linux/delay.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct drv {
	spinlock_t lock;
	struct mutex mutex;
	int pending;
};

static void drv_drain(struct drv *d)
{
	lockdep_assert_held(&d->lock);
	while (d->pending)
		msleep(1);	/* BUG: sleeps holding the spinlock */
}

void drv_stop(struct drv *d)
{
	spin_lock(&d->lock);
	drv_drain(d);
	spin_unlock(&d->lock);
}
