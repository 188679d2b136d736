// SPDX-License-Identifier: GPL-2.0
/* current under another name: a task's own files table does not go away under it. */
#include <linux/sched.h>
#include <linux/fdtable.h>

static unsigned int own_max_fds(void)
{
	struct task_struct *me = current;
	struct files_struct *files = me->files;

	return files_fdtable(files)->max_fds;
}
