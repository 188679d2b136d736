// SPDX-License-Identifier: GPL-2.0
/* refcount_dec_and_mutex_lock() may take a mutex: it sleeps, and may not run under a spinlock. */
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct pool {
	spinlock_t lock;
	struct mutex mtx;
};

struct item {
	refcount_t ref;
	struct pool *p;
};

void item_drop_locked(struct item *it)
{
	spin_lock(&it->p->lock);
	if (refcount_dec_and_mutex_lock(&it->ref, &it->p->mtx))	/* BUG */
		mutex_unlock(&it->p->mtx);
	spin_unlock(&it->p->lock);
}
