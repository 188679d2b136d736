// SPDX-License-Identifier: GPL-2.0
/*
 * Each section ends with a call that may order its stores before the plain clear: a helper that
 * writes a device register (writel() has a barrier before the MMIO store), rtnl taken and
 * dropped (the unlock is a release), a message (printk takes locks). The check does not follow
 * the calls, so it says nothing about them; nor about a section that stores only to locals.
 */
#include <linux/bitops.h>
#include <linux/io.h>
#include <linux/rtnetlink.h>
#include <linux/netdevice.h>

enum nic_state { NIC_RESETTING, NIC_UPDATING };

struct nic {
	unsigned long state;
	void __iomem *regs;
	struct net_device *netdev;
	int rings;
	u64 packets;
};

static void nic_irq_enable(struct nic *n)
{
	writel(1, n->regs + 0x10);
}

static void nic_reinit(struct nic *n)
{
	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return;
	n->rings = 0;
	nic_irq_enable(n);
	clear_bit(NIC_RESETTING, &n->state);
}

static void nic_renew(struct nic *n)
{
	while (test_and_set_bit(NIC_RESETTING, &n->state))
		cpu_relax();
	n->rings = 4;
	rtnl_lock();
	netif_carrier_on(n->netdev);
	rtnl_unlock();
	clear_bit(NIC_RESETTING, &n->state);
}

static void nic_update_stats(struct nic *n)
{
	if (test_and_set_bit(NIC_UPDATING, &n->state))
		return;
	n->packets = readl(n->regs);
	netdev_info(n->netdev, "%llu packets\n", n->packets);
	clear_bit(NIC_UPDATING, &n->state);
}

static int nic_count(struct nic *n)
{
	int count = 0;

	if (test_and_set_bit(NIC_UPDATING, &n->state))
		return -EBUSY;
	count++;
	clear_bit(NIC_UPDATING, &n->state);
	return count;
}
