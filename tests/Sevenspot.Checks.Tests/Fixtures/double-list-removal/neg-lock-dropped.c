// SPDX-License-Identifier: GPL-2.0
/*
 * The element is found under the lock, the lock is dropped to process it and taken again, and
 * the element is removed without a re-check while a flush removes elements of the same list.
 * Not reported: the check cannot tell whether the flush runs at the same time (it may first
 * stop the worker), and most such code in the kernel is serialised that way.
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
	list_del(&it->node);		/* not reported: whether the flush can run meanwhile is not known */
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
