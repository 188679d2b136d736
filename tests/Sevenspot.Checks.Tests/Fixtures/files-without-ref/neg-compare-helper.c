// SPDX-License-Identifier: GPL-2.0
/*
 * The files pointers of two tasks go to a helper that turns them into numbers and orders them;
 * neither is followed, so no use after free can come of reading them without task_lock.
 */
#include <linux/sched.h>

static long ptr_scramble(long v, int kind)
{
	return (v ^ 0x5a5a5a5aL) + kind;
}

static int order_ptrs(void *v1, void *v2, int kind)
{
	long t1, t2;

	t1 = ptr_scramble((long)v1, kind);
	t2 = ptr_scramble((long)v2, kind);
	return (t1 < t2) | ((t1 > t2) << 1);
}

int tasks_share_files(struct task_struct *a, struct task_struct *b)
{
	return order_ptrs(a->files, b->files, 2);
}
