// SPDX-License-Identifier: GPL-2.0
/* A secondary CPU comes up (at boot, or later when it is brought online). */
#include <linux/smp.h>

extern void init_IRQ(void);

void smp_cpu_init(int cpunum)
{
	set_cpu_online(cpunum, true);
	init_IRQ();
}
