// SPDX-License-Identifier: GPL-2.0
/*
 * The helper says with lockdep_assert_held() that its caller holds tasklist_lock; every call
 * holds it, taken there, asserted by the caller itself, or inherited from the caller's own
 * only caller. A __must_hold helper's callers are held to the same rule.
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

static void kill_orphans(int sig)
	__must_hold(&tasklist_lock)
{
	struct task_struct *p;

	for_each_process(p)
		if (is_orphan(p))
			send_sig(sig, p, 1);
}

int orphans_report(void)
{
	int n;

	read_lock(&tasklist_lock);
	n = count_orphans_locked();
	read_unlock(&tasklist_lock);
	return n;
}

int orphans_reap(int sig)
{
	lockdep_assert_held_write(&tasklist_lock);
	kill_orphans(sig);
	return count_orphans_locked();
}

static int orphans_inner(void)
{
	return count_orphans_locked();
}

int orphans_outer(void)
{
	int n;

	write_lock_irq(&tasklist_lock);
	n = orphans_inner();
	write_unlock_irq(&tasklist_lock);
	return n;
}
