// SPDX-License-Identifier: GPL-2.0
/*
 * The helper says with lockdep_assert_held() that its caller holds tasklist_lock, and walks
 * the task list under it. One caller takes the lock; the other does not: the bug is that
 * call, not the helper's walk.
 */
#include <linux/sched/signal.h>
#include <linux/lockdep.h>

static int count_orphans_locked(void)
{
	struct task_struct *p;
	int n = 0;

	lockdep_assert_held(&tasklist_lock);
	for_each_process(p)
		if (is_orphan(p))
			n++;
	return n;
}

int orphans_report(void)
{
	int n;

	read_lock(&tasklist_lock);
	n = count_orphans_locked();
	read_unlock(&tasklist_lock);
	return n;
}

int orphans_quick(void)
{
	return count_orphans_locked();	/* BUG: tasklist_lock not held */
}
