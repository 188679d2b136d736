// SPDX-License-Identifier: GPL-2.0
/*
 * As pos-recheck-flag-cleared.c, but the runner removes the item only on the branch where the
 * flag shows it still queued; the other branch leaves it alone.
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
	if (it->queued) {
		list_del(&it->node);		/* fine: still linked */
		it->queued = false;
	}
	spin_unlock(&w->lock);
}
