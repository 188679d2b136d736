// SPDX-License-Identifier: GPL-2.0
/* Per-CPU statistics copied to user space with preemption disabled. */
#include <linux/uaccess.h>
#include <linux/percpu.h>

struct stats {
	u64 packets;
	u64 bytes;
};

static DEFINE_PER_CPU(struct stats, cpu_stats);

long stats_read(struct stats __user *out)
{
	struct stats *s;
	long ret = 0;

	preempt_disable();
	s = this_cpu_ptr(&cpu_stats);
	if (copy_to_user(out, s, sizeof(*s)))	/* BUG: may fault */
		ret = -EFAULT;
	preempt_enable();
	return ret;
}
