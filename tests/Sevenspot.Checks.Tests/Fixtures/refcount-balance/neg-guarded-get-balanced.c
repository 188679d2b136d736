// SPDX-License-Identifier: GPL-2.0
/*
 * The same lookup with the put on every error path; and a count raised under a NULL test on
 * an object the function was given (its caller's), which is not followed.
 */
#include <linux/sched.h>
#include <linux/device.h>
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
	if (err) {
		put_task_struct(t);
		return err;
	}
	err = send_sig(sig, t, 0);
	put_task_struct(t);
	return err;
}

int attach_parent(struct device *parent)
{
	if (parent)
		get_device(parent);
	if (!parent)
		return -ENODEV;
	if (device_setup(parent))
		return -EIO;
	put_device(parent);
	return 0;
}
