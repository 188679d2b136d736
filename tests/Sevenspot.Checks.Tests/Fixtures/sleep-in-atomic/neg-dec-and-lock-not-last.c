// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_lock() holds the lock only where it returned true: on the other branch
 * (not the last reference) and after the unlock nothing is held, and sleeping is allowed.
 */
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct pool {
	spinlock_t lock;
	struct mutex mtx;
	int users;
};

struct item {
	refcount_t ref;
	atomic_t pins;
	struct pool *p;
};

void item_put(struct item *it)
{
	if (!refcount_dec_and_lock(&it->ref, &it->p->lock)) {
		msleep(1);
		return;
	}
	it->p->users--;
	spin_unlock(&it->p->lock);
	msleep(1);
}

void item_unpin(struct item *it)
{
	bool last = atomic_dec_and_lock(&it->pins, &it->p->lock);

	if (last)
		spin_unlock(&it->p->lock);
	msleep(1);
}

void item_release(struct item *it)
{
	/* A mutex section: sleeping in it is allowed. */
	if (refcount_dec_and_mutex_lock(&it->ref, &it->p->mtx)) {
		msleep(1);
		mutex_unlock(&it->p->mtx);
	}
}
