// SPDX-License-Identifier: GPL-2.0
/* Other loops over tasks' own lists need other locks; they are not this check's business. */
#include <linux/sched.h>
#include <linux/list.h>

struct watcher {
	struct list_head tasks;
	spinlock_t lock;
};

struct tracked {
	struct list_head node;
	struct task_struct *task;
};

void watcher_dump(struct watcher *w)
{
	struct tracked *t;

	spin_lock(&w->lock);
	list_for_each_entry(t, &w->tasks, node)
		pr_info("%d\n", task_pid_nr(t->task));
	spin_unlock(&w->lock);
}
