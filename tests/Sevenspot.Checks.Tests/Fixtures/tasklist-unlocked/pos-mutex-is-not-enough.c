// SPDX-License-Identifier: GPL-2.0
/* A driver mutex does not protect the task list. */
#include <linux/sched/signal.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(scan_mutex);

void scan_threads(struct task_struct *leader)
{
	struct task_struct *t;

	mutex_lock(&scan_mutex);
	for_each_thread(leader, t)	/* BUG */
		account_thread(t);
	mutex_unlock(&scan_mutex);
}
