// SPDX-License-Identifier: GPL-2.0
/*
 * __releases(x) alone says the caller holds x when the function starts: the GFP_KERNEL
 * allocation before the unlock runs under the spinlock.
 */
#include <linux/spinlock.h>
#include <linux/slab.h>

struct sta {
	spinlock_t tid_lock;
	void *tid[8];
};

int sta_set_tid_unlock(struct sta *sta, int tid)
__releases(&sta->tid_lock)
{
	void *r = kzalloc(64, GFP_KERNEL);	/* BUG */

	sta->tid[tid] = r;
	spin_unlock_bh(&sta->tid_lock);
	return r ? 0 : -ENOMEM;
}
