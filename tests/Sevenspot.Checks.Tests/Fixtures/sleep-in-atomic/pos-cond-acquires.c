// SPDX-License-Identifier: GPL-2.0
/*
 * A function annotated __cond_acquires(lock) holds the lock when it returns nonzero: on the
 * branch where its result was true, the caller is in the lock's section until it unlocks.
 */
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct table {
	rwlock_t lock;
	int users;
};

struct entry {
	refcount_t ref;
	struct table *t;
};

static bool put_and_lock(refcount_t *r, rwlock_t *lock)
__cond_acquires(lock)
{
	if (refcount_dec_not_one(r))
		return false;
	write_lock_bh(lock);
	if (!refcount_dec_and_test(r)) {
		write_unlock_bh(lock);
		return false;
	}
	return true;
}

void entry_put(struct entry *e)
{
	if (put_and_lock(&e->ref, &e->t->lock)) {
		e->t->users--;
		msleep(1);	/* BUG: under e->t->lock */
		write_unlock_bh(&e->t->lock);
	}
	msleep(1);
}
