// SPDX-License-Identifier: GPL-2.0
/*
 * Work items carry a queued flag that every remover clears with the removal. The runner finds
 * an item under the lock, drops the lock to run it, takes the lock again and tests the flag; on
 * the branch where the flag shows that the cancel path removed the item, it removes it again.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct work_item {
	struct list_head node;
	bool queued;
};

struct worker {
	spinlock_t lock;
	struct list_head items;
};

void worker_cancel(struct worker *w, struct work_item *it)
{
	spin_lock(&w->lock);
	if (it->queued) {
		list_del(&it->node);
		it->queued = false;
	}
	spin_unlock(&w->lock);
}

void worker_run_one(struct worker *w)
{
	struct work_item *it;

	spin_lock(&w->lock);
	it = list_first_entry(&w->items, struct work_item, node);
	spin_unlock(&w->lock);

	item_run(it);

	spin_lock(&w->lock);
	if (!it->queued)
		list_del(&it->node);		/* BUG: worker_cancel() removed it */
	spin_unlock(&w->lock);
}
