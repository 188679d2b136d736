// SPDX-License-Identifier: GPL-2.0
/* After the lock is taken again, membership is checked before removing. */
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
	if (!list_empty(&it->node))
		list_del_init(&it->node);
	spin_unlock(&w->lock);
}
