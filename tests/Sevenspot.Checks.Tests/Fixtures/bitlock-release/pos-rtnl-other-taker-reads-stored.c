// SPDX-License-Identifier: GPL-2.0
/*
 * Every taker of the resetting bit holds rtnl but the PCI shutdown callback (the device lock,
 * not rtnl), which calls a helper that reads n->rings: the rtnl sections store n->rings and
 * clear the bit plainly, so the shutdown callback may take the bit and still read the old count.
 */
#include <linux/bitops.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include <linux/delay.h>
#include <linux/pci.h>
#include <linux/io.h>

enum nic_state { NIC_DOWN, NIC_RESETTING };

struct nic {
	unsigned long state;
	struct net_device *netdev;
	struct work_struct reset_task;
	int rings;
	int rings_max;
	void __iomem *regs;
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

static void nic_quiesce(struct nic *n)
{
	writel(n->rings, n->regs);
}

static void nic_shutdown(struct pci_dev *pdev)
{
	struct nic *n = pci_get_drvdata(pdev);

	while (test_and_set_bit(NIC_RESETTING, &n->state))
		usleep_range(1000, 2000);
	nic_quiesce(n);
	clear_bit(NIC_RESETTING, &n->state);
}

static struct pci_driver nic_driver = {
	.name = "nic",
	.shutdown = nic_shutdown,
};
