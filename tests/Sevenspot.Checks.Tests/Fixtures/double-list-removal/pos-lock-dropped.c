// SPDX-License-Identifier: GPL-2.0
/*
 * The element is found under the lock, the lock is dropped to process it and taken again,
 * and the element is removed without checking that nobody removed it meanwhile: the flush
 * removes elements of the same list under the lock at any time.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct work_item {
	struct list_head node;
	int data;
};

struct worker {
	spinlock_t lock;
	struct list_head items;
};

void worker_run_one(struct worker *w)
{
	struct work_item *it;

	spin_lock(&w->lock);
	if (list_empty(&w->items)) {
		spin_unlock(&w->lock);
		return;
	}
	it = list_first_entry(&w->items, struct work_item, node);
	spin_unlock(&w->lock);

	process_item(it);

	spin_lock(&w->lock);
	list_del(&it->node);		/* BUG: someone may have removed it while the lock was dropped */
	spin_unlock(&w->lock);
}

void worker_flush(struct worker *w)
{
	struct work_item *it, *next;

	spin_lock(&w->lock);
	list_for_each_entry_safe(it, next, &w->items, node)
		list_del(&it->node);
	spin_unlock(&w->lock);
}
