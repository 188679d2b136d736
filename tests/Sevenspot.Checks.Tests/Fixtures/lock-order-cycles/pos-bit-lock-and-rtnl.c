// SPDX-License-Identifier: GPL-2.0
/*
 * A bit of the adapter's state word used as a lock (taken with test_and_set_bit in a loop or
 * a test, released with clear_bit): it is a lock class of the lock-order graph. The reset task
 * takes rtnl under the bit, while an ethtool handler, which the networking core calls with rtnl
 * held, spins on the bit: each waits for the other.
 */
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/rtnetlink.h>
#include <linux/netdevice.h>

enum nic_state { __NIC_CONFIG_BUSY, __NIC_DOWN, __NIC_STATE_MAX };

struct nic_pf {
	DECLARE_BITMAP(state, __NIC_STATE_MAX);
	int queues;
};

void nic_reset_task(struct nic_pf *pf)
{
	while (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state))
		usleep_range(1000, 2000);
	rtnl_lock();			/* BUG: CONFIG_BUSY -> rtnl */
	pf->queues = 0;
	rtnl_unlock();
	clear_bit(__NIC_CONFIG_BUSY, pf->state);
}

int nic_set_channels(struct nic_pf *pf, int count)
{
	rtnl_lock();
	while (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state))	/* rtnl -> CONFIG_BUSY */
		usleep_range(1000, 2000);
	pf->queues = count;
	clear_bit(__NIC_CONFIG_BUSY, pf->state);
	rtnl_unlock();
	return 0;
}
