// SPDX-License-Identifier: GPL-2.0
/*
 * The function that replaces a task's files reads the old pointer first: only the task itself
 * (or its creator, before it runs) replaces it, so nothing frees it under this read.
 */
#include <linux/sched.h>
#include <linux/fdtable.h>

void task_drop_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		task_lock(tsk);
		tsk->files = NULL;
		task_unlock(tsk);
		put_files_struct(files);
	}
}
