// SPDX-License-Identifier: GPL-2.0
/*
 * guard(mutex)(&m) calls mutex_lock(&m), which sleeps: under a spinlock guard that is a sleep
 * in atomic context, as is a scoped_guard of a rwsem under a scoped spinlock.
 */
#include <linux/cleanup.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>

struct dev {
	spinlock_t lock;
	struct mutex cfg;
	struct rw_semaphore sem;
	int n;
};

int dev_switch(struct dev *d)
{
	guard(spinlock)(&d->lock);
	switch (d->n) {
	case 1: {
		guard(mutex)(&d->cfg);	/* BUG: mutex_lock under d->lock */
		d->n = 2;
		break;
	}
	default:
		break;
	}
	return 0;
}

void dev_scoped(struct dev *d)
{
	scoped_guard(spinlock_irq, &d->lock) {
		d->n++;
		scoped_guard(rwsem_read, &d->sem)	/* BUG: down_read under d->lock */
			d->n++;
	}
}
