// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU interrupts are claimed once, with request_irq() (it allocates with GFP_KERNEL), while
 * interrupts are off. The boot CPU's call from start_kernel() claims them; a secondary CPU's
 * call finds cpu_mask set and skips the block; a uniprocessor build has no secondary CPUs, and
 * smp.o, the only other caller, is built only with CONFIG_SMP.
 */
#include <linux/interrupt.h>
#include <linux/irqflags.h>

static unsigned long cpu_mask;

static irqreturn_t timer_interrupt(int irq, void *dev_id);

static void claim_cpu_irqs(void)
{
	if (request_irq(16, timer_interrupt, IRQF_TIMER, "timer", NULL))
		pr_err("Failed to register timer interrupt\n");
}

void init_IRQ(void)
{
	local_irq_disable();
#ifdef CONFIG_SMP
	if (!cpu_mask) {
		claim_cpu_irqs();
		cpu_mask = 3;
	}
#else
	claim_cpu_irqs();
	cpu_mask = 1;
#endif
	local_irq_enable();
}
