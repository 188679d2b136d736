// SPDX-License-Identifier: GPL-2.0
/*
 * One taker of the resetting bit holds rtnl (an ndo_stop callback), the other the device lock
 * (the PCI driver's remove callback): no one lock is held by both, so neither serialises the
 * section, and the plain clear_bit() lets its stores become visible after the bit is free.
 */
#include <linux/bitops.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

enum nic_state { NIC_RESETTING };

struct nic {
	unsigned long state;
	int rings;
};

static int nic_stop(struct net_device *netdev)
{
	struct nic *n = netdev_priv(netdev);

	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return -EBUSY;
	n->rings = 0;
	clear_bit(NIC_RESETTING, &n->state);	/* BUG */
	return 0;
}

static void nic_remove(struct pci_dev *pdev)
{
	struct nic *n = pci_get_drvdata(pdev);

	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return;
	n->rings = -1;
	clear_bit(NIC_RESETTING, &n->state);	/* BUG */
}

static const struct net_device_ops nic_netdev_ops = {
	.ndo_stop = nic_stop,
};

static struct pci_driver nic_driver = {
	.name = "nicdemo",
	.remove = nic_remove,
};
