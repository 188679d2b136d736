// SPDX-License-Identifier: GPL-2.0
/* The boot CPU's entry: it sets up the interrupts before anything else runs. */
#include <linux/init.h>
#include <linux/irqflags.h>

extern void init_IRQ(void);

asmlinkage __visible void __init start_kernel(void)
{
	local_irq_disable();
	init_IRQ();
	local_irq_enable();
}
