// SPDX-License-Identifier: GPL-2.0
/* The parent is locked, the child's files are followed. */
#include <linux/sched/task.h>
#include <linux/fdtable.h>

unsigned int child_next_fd(struct task_struct *parent, struct task_struct *child)
{
	unsigned int fd;

	task_lock(parent);
	fd = child->files->next_fd;		/* BUG: child->files */
	task_unlock(parent);
	return fd;
}
