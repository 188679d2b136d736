// SPDX-License-Identifier: GPL-2.0
#include <linux/bitops.h>
#include <linux/jiffies.h>

#define NIC_IN_SFP_INIT			3
#define NIC_FLAG_NEED_LINK_UPDATE	0x10

struct nic {
	unsigned long state;
	unsigned int flags;
	unsigned long link_check_timeout;
	struct nic_hw *hw;
};

void nic_service_event_schedule(struct nic *a)
{
	queue_work(nic_wq, &a->service_task);
}

void nic_sfp_link_config(struct nic *a)
{
	if (test_and_set_bit(NIC_IN_SFP_INIT, &a->state))
		return;
	nic_setup_link(a->hw);
	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
	clear_bit(NIC_IN_SFP_INIT, &a->state);
}
