// SPDX-License-Identifier: GPL-2.0
/*
 * __acquires(x) __releases(x) on a function that takes and drops x itself: nothing is held
 * at its entry (the sleep before the lock is fine), and its callers hold nothing after it.
 */
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct peer {
	spinlock_t rx_lock;
	void *reorder;
};

struct radio {
	struct peer peers[8];
};

/* The lock is named through a local that is only assigned in the body. */
static void radio_stop_reorder(struct radio *r, int id)
__acquires(&p->rx_lock) __releases(&p->rx_lock)
{
	struct peer *p;
	void *old;

	might_sleep();
	p = &r->peers[id];
	spin_lock_bh(&p->rx_lock);
	old = p->reorder;
	p->reorder = NULL;
	spin_unlock_bh(&p->rx_lock);
	kfree(old);
}

/* The lock is named through a parameter; the body's first operation on it takes it. */
static int peer_start_reorder(struct peer *p, size_t size)
__acquires(&p->rx_lock) __releases(&p->rx_lock)
{
	void *buffer = kzalloc(size, GFP_KERNEL);

	if (!buffer)
		return -ENOMEM;
	spin_lock_bh(&p->rx_lock);
	p->reorder = buffer;
	spin_unlock_bh(&p->rx_lock);
	return 0;
}

int radio_restart(struct radio *r, int id)
{
	radio_stop_reorder(r, id);
	msleep(10);
	return peer_start_reorder(&r->peers[id], 64);
}
