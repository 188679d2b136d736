// SPDX-License-Identifier: GPL-2.0
/* RCU alone does not keep task->files alive in 6.1. */
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/rcupdate.h>

bool task_has_fd(struct task_struct *tsk, unsigned int fd)
{
	struct files_struct *files;
	bool ret = false;

	rcu_read_lock();
	files = tsk->files;				/* BUG */
	if (files && fd < files_fdtable(files)->max_fds)
		ret = files_lookup_fd_rcu(files, fd) != NULL;
	rcu_read_unlock();
	return ret;
}
