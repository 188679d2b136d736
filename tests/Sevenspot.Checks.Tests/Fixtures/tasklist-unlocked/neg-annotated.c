// SPDX-License-Identifier: GPL-2.0
/* The function says, with sparse's annotation, that its caller holds tasklist_lock. */
#include <linux/sched/signal.h>

void kill_orphans(int sig)
	__must_hold(&tasklist_lock)
{
	struct task_struct *p;

	for_each_process(p) {
		if (is_orphan(p))
			send_sig(sig, p, 1);
	}
}
