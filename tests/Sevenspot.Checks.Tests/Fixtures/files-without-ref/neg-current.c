// SPDX-License-Identifier: GPL-2.0
/* A task's own files cannot go away under it. */
#include <linux/sched.h>
#include <linux/fdtable.h>

int my_max_fds(void)
{
	struct files_struct *files = current->files;

	return files_fdtable(files)->max_fds;
}
