// SPDX-License-Identifier: GPL-2.0
/* A bit lock always taken under rtnl, never around it: one order, no cycle. */
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/rtnetlink.h>

enum nic_state { __NIC_CONFIG_BUSY, __NIC_STATE_MAX };

struct nic_pf {
	DECLARE_BITMAP(state, __NIC_STATE_MAX);
	int queues;
};

void nic_reset_task(struct nic_pf *pf)
{
	rtnl_lock();
	while (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state))
		usleep_range(1000, 2000);
	pf->queues = 0;
	clear_bit(__NIC_CONFIG_BUSY, pf->state);
	rtnl_unlock();
}

int nic_set_channels(struct nic_pf *pf, int count)
{
	rtnl_lock();
	if (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state)) {
		rtnl_unlock();
		return -EBUSY;
	}
	pf->queues = count;
	clear_bit(__NIC_CONFIG_BUSY, pf->state);
	rtnl_unlock();
	return 0;
}
