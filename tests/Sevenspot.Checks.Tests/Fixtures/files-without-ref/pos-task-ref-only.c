// SPDX-License-Identifier: GPL-2.0
/* A task reference pins the task, not its files. */
#include <linux/sched/task.h>
#include <linux/fdtable.h>

int dump_fds(struct task_struct *t)
{
	struct files_struct *files;
	int n;

	get_task_struct(t);
	files = t->files;				/* BUG */
	n = files ? count_open_files(files_fdtable(files)) : 0;
	put_task_struct(t);
	return n;
}
