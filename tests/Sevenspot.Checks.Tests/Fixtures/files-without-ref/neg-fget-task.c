// SPDX-License-Identifier: GPL-2.0
/* The accessors that take the lock or a reference themselves. */
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/rcupdate.h>

struct file *peek_fd(struct task_struct *task, unsigned int fd)
{
	return fget_task(task, fd);
}

bool fd_is_open(struct task_struct *task, unsigned int fd)
{
	bool open;

	rcu_read_lock();
	open = task_lookup_fd_rcu(task, fd) != NULL;
	rcu_read_unlock();
	return open;
}
