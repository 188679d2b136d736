// SPDX-License-Identifier: GPL-2.0
/* Comparing or testing the pointer never follows it: no use after free can come of it. */
#include <linux/sched.h>

bool share_files(struct task_struct *a, struct task_struct *b)
{
	if (!a->files)
		return false;
	return a->files == b->files;
}
