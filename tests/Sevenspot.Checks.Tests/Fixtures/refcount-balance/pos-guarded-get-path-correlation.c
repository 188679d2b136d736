// SPDX-License-Identifier: GPL-2.0
/*
 * A task looked up under RCU is pinned only if found: after "if (t) get_task_struct(t);" and
 * "if (!t) return", the reference is surely held, and an error return without the put leaks it.
 */
#include <linux/sched.h>
#include <linux/rcupdate.h>

int signal_pid(pid_t nr, int sig)
{
	struct task_struct *t;
	int err;

	rcu_read_lock();
	t = find_task_by_vpid(nr);
	if (t)
		get_task_struct(t);
	rcu_read_unlock();
	if (!t)
		return -ESRCH;
	err = check_kill_permission(sig, t);
	if (err)
		return err;			/* BUG */
	err = send_sig(sig, t, 0);
	put_task_struct(t);
	return err;
}
