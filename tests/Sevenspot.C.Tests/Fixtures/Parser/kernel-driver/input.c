// SPDX-License-Identifier: GPL-2.0
/*
 * A small driver in kernel style.
 */
#include <linux/module.h>
#include <linux/spinlock.h>

#define WIDGET_MAX 16

struct widget {
	spinlock_t lock;
	struct list_head node;
	unsigned int count;
	bool busy;
};

static DEFINE_SPINLOCK(widgets_lock);
static LIST_HEAD(widgets);

static int widget_add(struct widget *w)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&widgets_lock, flags);
	if (w->count >= WIDGET_MAX) {
		ret = -EBUSY;
		goto unlock;
	}
#ifdef CONFIG_WIDGET_DEBUG
	pr_debug("adding %p\n", w);
#endif
	list_add_tail(&w->node, &widgets);
	w->count++;
unlock:
	spin_unlock_irqrestore(&widgets_lock, flags);
	return ret;
}

static void widget_remove_all(void)
{
	struct widget *w, *tmp;

	spin_lock(&widgets_lock);
	list_for_each_entry_safe(w, tmp, &widgets, node) {
		list_del(&w->node);
		kfree(w);
	}
	spin_unlock(&widgets_lock);
}

MODULE_LICENSE("GPL");
