// SPDX-License-Identifier: GPL-2.0
/*
 * The ethtool callback takes the resetting bit under rtnl; the reset work takes it without rtnl
 * but takes rtnl right after, before it touches anything. Every section ends under rtnl: its
 * rtnl_unlock() orders the section's stores for the next taker, which reads nothing before it
 * holds rtnl itself. The plain clear_bit() is no missing release.
 */
#include <linux/bitops.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include <linux/delay.h>

enum nic_state { NIC_RESETTING };

struct nic {
	unsigned long state;
	struct work_struct reset_task;
	int rings;
};

static int nic_set_ringparam(struct net_device *netdev, struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring, struct netlink_ext_ack *extack)
{
	struct nic *n = netdev_priv(netdev);

	while (test_and_set_bit(NIC_RESETTING, &n->state))
		usleep_range(1000, 2000);
	n->rings = ring->rx_pending;
	clear_bit(NIC_RESETTING, &n->state);
	return 0;
}

static void nic_reset_task(struct work_struct *work)
{
	struct nic *n = container_of(work, struct nic, reset_task);

	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return;
	rtnl_lock();
	n->rings = 0;
	clear_bit(NIC_RESETTING, &n->state);
	rtnl_unlock();
}

static const struct ethtool_ops nic_ethtool_ops = {
	.set_ringparam = nic_set_ringparam,
};
