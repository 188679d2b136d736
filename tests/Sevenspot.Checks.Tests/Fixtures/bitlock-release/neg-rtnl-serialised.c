// SPDX-License-Identifier: GPL-2.0
/*
 * Every taker of the resetting bit holds rtnl: an ethtool callback, an ndo_change_mtu
 * callback (the core calls both under rtnl), and the reset work, which takes rtnl itself and
 * drops it on an early return before the reset. rtnl serialises the section and its release
 * orders the section's stores; the plain clear_bit() is not a missing release.
 */
#include <linux/bitops.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include <linux/delay.h>

enum nic_state { NIC_DOWN, NIC_RESETTING };

struct nic {
	unsigned long state;
	struct net_device *netdev;
	struct work_struct reset_task;
	int rings;
};

static void nic_reinit_locked(struct nic *n)
{
	while (test_and_set_bit(NIC_RESETTING, &n->state))
		usleep_range(1000, 2000);
	n->rings = 0;
	clear_bit(NIC_RESETTING, &n->state);
}

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

static int nic_change_mtu(struct net_device *netdev, int mtu)
{
	struct nic *n = netdev_priv(netdev);

	netdev->mtu = mtu;
	nic_reinit_locked(n);
	return 0;
}

static void nic_reset_task(struct work_struct *work)
{
	struct nic *n = container_of(work, struct nic, reset_task);

	rtnl_lock();
	if (test_bit(NIC_DOWN, &n->state)) {
		rtnl_unlock();
		return;
	}
	nic_reinit_locked(n);
	rtnl_unlock();
}

static const struct ethtool_ops nic_ethtool_ops = {
	.set_ringparam = nic_set_ringparam,
};

static const struct net_device_ops nic_netdev_ops = {
	.ndo_change_mtu = nic_change_mtu,
};
