// SPDX-License-Identifier: GPL-2.0
#include <linux/interrupt.h>
#include <linux/jiffies.h>

#define NIC_FLAG_NEED_LINK_UPDATE	0x10

struct nic {
	unsigned long state;
	unsigned int flags;
	unsigned long link_check_timeout;
	struct nic_hw *hw;
};

irqreturn_t nic_intr(int irq, void *data)
{
	struct nic *a = data;

	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
	nic_service_event_schedule(a);
	return IRQ_HANDLED;
}
