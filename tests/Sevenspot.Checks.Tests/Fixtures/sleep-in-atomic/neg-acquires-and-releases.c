// SPDX-License-Identifier: GPL-2.0
/*
 * __acquires(x) and __releases(x) together tell sparse that the function takes and drops x
 * itself: x is not held when it starts, so the GFP_KERNEL allocation before the lock is fine.
 */
#include <linux/spinlock.h>
#include <linux/slab.h>

struct sta {
	spinlock_t tid_lock;
	void *tid[8];
};

int sta_set_tid(struct sta *sta, int tid)
__acquires(&sta->tid_lock) __releases(&sta->tid_lock)
{
	void *r = kzalloc(64, GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	spin_lock_bh(&sta->tid_lock);
	kfree(sta->tid[tid]);
	sta->tid[tid] = r;
	spin_unlock_bh(&sta->tid_lock);
	return 0;
}
