// SPDX-License-Identifier: GPL-2.0
/*
 * Sections ending in idempotent stores that the driver also makes without the bit, but only
 * where its objects are not shared yet: each plain clear is reported.
 *  - nic_sfp_link_config(): the same link request is stored by nic_sw_init(), called only from
 *    the PCI probe (the device is not registered yet, no work runs);
 *  - nic_sync_filters(): the same "filters changed" store is made in boot code (__init), on the
 *    global adapter before the module registers anything;
 *  - nic_set_mode(): the same mode is stored by nic_create(), an exported function, but on an
 *    object it has just allocated (through netdev_priv() of a fresh net_device);
 *  - nic_set_carrier(): a store whose object's type is not known (a macro's result) matches by
 *    its field, operator and right side, but its only maker is called by a holder of the bit.
 */
#include <linux/bitops.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

#define NIC_IN_SFP_INIT		3
#define NIC_SYNCING		4
#define NIC_FLAG_NEED_LINK_UPDATE	0x10
#define NIC_FLAG_FILTER_CHANGED		0x40
#define NIC_MODE_UP		2
#define NIC_CARRIER_ON		1
#define NIC_OF(dev)		((dev)->ml_priv)

struct nic {
	unsigned long state;
	unsigned int flags;
	unsigned int mode;
	unsigned int carrier;
	unsigned long link_check_timeout;
	struct nic_hw *hw;
};

static struct nic nic_global;

static void nic_sw_init(struct nic *a)
{
	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
}

static int nic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nic *a = pci_get_drvdata(pdev);

	nic_sw_init(a);
	return nic_register(a);
}

static struct pci_driver nic_driver = {
	.name = "nic",
	.probe = nic_probe,
};

static void nic_sfp_link_config(struct nic *a)
{
	if (test_and_set_bit(NIC_IN_SFP_INIT, &a->state))
		return;
	nic_setup_link(a->hw);
	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
	clear_bit(NIC_IN_SFP_INIT, &a->state);	/* BUG */
}

static int __init nic_module_init(void)
{
	nic_global.flags |= NIC_FLAG_FILTER_CHANGED;
	return pci_register_driver(&nic_driver);
}

static int nic_sync_filters(struct nic *a)
{
	int ret;

	while (test_and_set_bit(NIC_SYNCING, &a->state))
		usleep_range(1000, 2000);
	ret = nic_write_filters(a->hw);
	a->flags |= NIC_FLAG_FILTER_CHANGED;
	clear_bit(NIC_SYNCING, &a->state);	/* BUG */
	return ret;
}

struct net_device *nic_create(void)
{
	struct net_device *netdev = alloc_etherdev(sizeof(struct nic));
	struct nic *a;

	if (!netdev)
		return NULL;
	a = netdev_priv(netdev);
	a->mode = NIC_MODE_UP;
	return netdev;
}

static void nic_set_mode(struct nic *a)
{
	if (test_and_set_bit(NIC_SYNCING, &a->state))
		return;
	nic_hw_mode(a->hw);
	a->mode = NIC_MODE_UP;
	clear_bit(NIC_SYNCING, &a->state);	/* BUG */
}

static void nic_carrier_on(struct net_device *dev)
{
	NIC_OF(dev)->carrier = NIC_CARRIER_ON;
}

static void nic_reset(struct net_device *dev, struct nic *a)
{
	while (test_and_set_bit(NIC_SYNCING, &a->state))
		usleep_range(1000, 2000);
	nic_hw_reset(a->hw);
	nic_carrier_on(dev);
	clear_bit_unlock(NIC_SYNCING, &a->state);
}

static void nic_set_carrier(struct nic *a)
{
	if (test_and_set_bit(NIC_SYNCING, &a->state))
		return;
	nic_hw_carrier(a->hw);
	a->carrier = NIC_CARRIER_ON;
	clear_bit(NIC_SYNCING, &a->state);	/* BUG */
}
