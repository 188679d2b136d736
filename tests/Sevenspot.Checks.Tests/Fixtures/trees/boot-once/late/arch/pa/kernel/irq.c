// SPDX-License-Identifier: GPL-2.0
/*
 * The same claim, but smp.o is built in every configuration: in a uniprocessor build the
 * secondary CPU's call still exists and reaches the unguarded claim (reported). And a run-once
 * block in a function that no boot code calls: its first call is at run time (reported).
 */
#include <linux/interrupt.h>
#include <linux/irqflags.h>

static unsigned long cpu_mask;
static int extra_claimed;

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
	claim_cpu_irqs();	/* BUG: smp_cpu_init() calls this at run time in every build */
	cpu_mask = 1;
#endif
	local_irq_enable();
}

void claim_extra_irqs(void)
{
	local_irq_disable();
	if (!extra_claimed) {
		claim_cpu_irqs();	/* BUG: the first call is smp_cpu_init()'s, at run time */
		extra_claimed = 1;
	}
	local_irq_enable();
}
