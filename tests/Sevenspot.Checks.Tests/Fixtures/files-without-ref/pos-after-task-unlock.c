// SPDX-License-Identifier: GPL-2.0
/* The read moved below the task_unlock. */
#include <linux/sched/task.h>
#include <linux/fdtable.h>

int task_fd_flags(struct task_struct *task)
{
	struct files_struct *files;
	int flags;

	task_lock(task);
	flags = task->flags;
	task_unlock(task);
	files = task->files;				/* BUG */
	return files ? flags : 0;
}
