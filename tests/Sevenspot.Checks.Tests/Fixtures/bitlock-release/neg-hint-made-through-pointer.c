// SPDX-License-Identifier: GPL-2.0
/*
 * Sections ending in idempotent stores that the driver also makes on a path without the bit,
 * which only a pointer shows: no plain clear here is reported.
 *  - nic_sfp_link_config(): nic_mark_update() is called by nic_reset(), a holder of the bit, but
 *    it is also the driver's link_changed operation, which the core calls through its table
 *    without the bit;
 *  - nic_set_carrier(): nic_carrier_on() stores through a macro's result, whose type is not
 *    known: the same field, operator and right side; it runs in the interrupt handler.
 */
#include <linux/bitops.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>

#define NIC_IN_SFP_INIT		3
#define NIC_SYNCING		4
#define NIC_FLAG_NEED_LINK_UPDATE	0x10
#define NIC_CARRIER_ON		1
#define NIC_OF(dev)		((dev)->ml_priv)

struct nic {
	unsigned long state;
	unsigned int flags;
	unsigned int carrier;
	unsigned long link_check_timeout;
	struct nic_hw *hw;
};

struct nic_link_ops {
	void (*link_changed)(struct nic *a);
};

static void nic_mark_update(struct nic *a)
{
	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
}

const struct nic_link_ops nic_link_ops = {
	.link_changed = nic_mark_update,
};

static void nic_reset(struct nic *a)
{
	while (test_and_set_bit(NIC_IN_SFP_INIT, &a->state))
		usleep_range(1000, 2000);
	nic_hw_reset(a->hw);
	nic_mark_update(a);
	clear_bit_unlock(NIC_IN_SFP_INIT, &a->state);
}

static void nic_sfp_link_config(struct nic *a)
{
	if (test_and_set_bit(NIC_IN_SFP_INIT, &a->state))
		return;
	nic_setup_link(a->hw);
	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
	clear_bit(NIC_IN_SFP_INIT, &a->state);
}

static void nic_carrier_on(struct net_device *dev)
{
	NIC_OF(dev)->carrier = NIC_CARRIER_ON;
}

static irqreturn_t nic_intr(int irq, void *data)
{
	struct net_device *dev = data;

	if (nic_link_up(dev))
		nic_carrier_on(dev);
	return IRQ_HANDLED;
}

static void nic_set_carrier(struct nic *a)
{
	if (test_and_set_bit(NIC_SYNCING, &a->state))
		return;
	nic_hw_carrier(a->hw);
	a->carrier = NIC_CARRIER_ON;
	clear_bit(NIC_SYNCING, &a->state);
}

int nic_open(struct net_device *dev)
{
	return request_irq(dev->irq, nic_intr, 0, "nic", dev);
}
