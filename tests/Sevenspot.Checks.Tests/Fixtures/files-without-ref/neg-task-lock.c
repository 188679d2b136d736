// SPDX-License-Identifier: GPL-2.0
/* The correct form: task_lock around the read, and a reference taken before unlocking. */
#include <linux/sched/task.h>
#include <linux/fdtable.h>

struct files_struct *grab_files(struct task_struct *task)
{
	struct files_struct *files;

	task_lock(task);
	files = task->files;
	if (files)
		atomic_inc(&files->count);
	task_unlock(task);
	return files;
}
