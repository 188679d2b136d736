// SPDX-License-Identifier: GPL-2.0
/* Interrupts off, then a wait for completion. */
#include <linux/completion.h>
#include <linux/irqflags.h>

struct xfer {
	struct completion done;
	int status;
};

int xfer_wait(struct xfer *x)
{
	unsigned long flags;

	local_irq_save(flags);
	x->status = 0;
	wait_for_completion(&x->done);	/* BUG */
	local_irq_restore(flags);
	return x->status;
}
