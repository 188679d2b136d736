// SPDX-License-Identifier: GPL-2.0
/* The parent is locked, the child's files are read. */
#include <linux/sched/task.h>
#include <linux/fdtable.h>

bool shares_files(struct task_struct *parent, struct task_struct *child)
{
	bool same;

	task_lock(parent);
	same = parent->files == child->files;		/* BUG: child->files */
	task_unlock(parent);
	return same;
}
