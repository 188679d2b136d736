// SPDX-License-Identifier: GPL-2.0
/*
 * A store into another task's files does not make the read of this task's files safe: the
 * pointer replaced is not the one read.
 */
#include <linux/sched.h>
#include <linux/fdtable.h>

void task_share_files(struct task_struct *from, struct task_struct *to)
{
	struct files_struct *files = from->files;	/* BUG */

	task_lock(to);
	to->files = files;
	task_unlock(to);
}
