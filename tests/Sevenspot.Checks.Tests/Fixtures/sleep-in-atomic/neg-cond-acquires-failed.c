// SPDX-License-Identifier: GPL-2.0
/*
 * __cond_acquires(lock): when the function returns zero it holds nothing, and after the
 * caller's unlock on the other branch nothing is held either.
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

void entry_drop(struct entry *e)
{
	if (!put_and_lock(&e->ref, &e->t->lock)) {
		msleep(1);
		return;
	}
	e->t->users--;
	write_unlock_bh(&e->t->lock);
	msleep(1);
}

void entry_release(struct entry *e)
{
	bool last = put_and_lock(&e->ref, &e->t->lock);

	if (last)
		write_unlock_bh(&e->t->lock);
	msleep(1);
}
