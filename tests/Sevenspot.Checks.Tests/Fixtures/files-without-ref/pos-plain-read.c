// SPDX-License-Identifier: GPL-2.0
/* Reading another task's files pointer with nothing held. */
#include <linux/sched.h>
#include <linux/fdtable.h>

int task_max_fds(struct task_struct *task)
{
	struct files_struct *files = task->files;	/* BUG */

	if (!files)
		return 0;
	return files_fdtable(files)->max_fds;
}
