// SPDX-License-Identifier: GPL-2.0
/* The helper follows the pointer it is given: the read of another task's files needs task_lock. */
#include <linux/sched.h>
#include <linux/fdtable.h>

static unsigned int files_max_fds(struct files_struct *files)
{
	return files->fdt->max_fds;
}

unsigned int task_max_fds(struct task_struct *task)
{
	return files_max_fds(task->files);	/* BUG: no task_lock(task) */
}
