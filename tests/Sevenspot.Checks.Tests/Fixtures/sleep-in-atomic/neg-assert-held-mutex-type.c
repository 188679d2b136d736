// SPDX-License-Identifier: GPL-2.0
/*
 * The same function asserting a struct mutex member: sleeping under a mutex is fine. A lock
 * whose declared type is not a known lock type (a header's struct) is of unknown kind.
 */
#include <linux/delay.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>

struct drv {
	spinlock_t lock;
	struct mutex mutex;
	int pending;
};

static void drv_drain(struct drv *d)
{
	lockdep_assert_held(&d->mutex);
	while (d->pending)
		msleep(1);
}

static void other_drain(struct other *o)
{
	lockdep_assert_held(&o->lock);
	msleep(1);
}

void drv_stop(struct drv *d, struct other *o)
{
	mutex_lock(&d->mutex);
	drv_drain(d);
	mutex_unlock(&d->mutex);
	other_drain(o);
}
