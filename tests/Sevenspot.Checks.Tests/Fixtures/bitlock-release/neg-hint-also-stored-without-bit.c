// SPDX-License-Identifier: GPL-2.0
/*
 * The sections end in idempotent stores to the bit's own object that the program also makes
 * where nobody holds the bit: the link interrupt asks for a link update and restarts its timeout
 * the same way, and adding a filter marks the filters changed under another lock. The bit does
 * not order those stores for anyone, so the plain clears release nothing a holder relies on.
 */
#include <linux/bitops.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>

#define NIC_IN_SFP_INIT		3
#define NIC_SYNCING		4
#define NIC_FLAG_NEED_LINK_UPDATE	0x10
#define NIC_FLAG_NEED_LINK_CONFIG	0x20
#define NIC_FLAG_FILTER_CHANGED		0x40

struct nic {
	unsigned long state;
	unsigned int flags;
	unsigned long link_check_timeout;
	spinlock_t filter_lock;
	struct nic_hw *hw;
};

static void nic_sfp_link_config(struct nic *a)
{
	if (!(a->flags & NIC_FLAG_NEED_LINK_CONFIG))
		return;
	if (test_and_set_bit(NIC_IN_SFP_INIT, &a->state))
		return;
	a->flags &= ~NIC_FLAG_NEED_LINK_CONFIG;
	nic_setup_link(a->hw);
	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
	clear_bit(NIC_IN_SFP_INIT, &a->state);
}

static void nic_check_lsc(struct nic *adapter)
{
	adapter->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	adapter->link_check_timeout = jiffies;
	nic_service_event_schedule(adapter);
}

static irqreturn_t nic_intr(int irq, void *data)
{
	struct nic *a = data;

	if (nic_link_changed(a->hw))
		nic_check_lsc(a);
	return IRQ_HANDLED;
}

static int nic_sync_filters(struct nic *a)
{
	int ret;

	while (test_and_set_bit(NIC_SYNCING, &a->state))
		usleep_range(1000, 2000);
	ret = nic_write_filters(a->hw);
	if (ret)
		a->flags |= NIC_FLAG_FILTER_CHANGED;
	clear_bit(NIC_SYNCING, &a->state);
	return ret;
}

static void nic_add_filter(struct nic *vsi, const u8 *mac)
{
	spin_lock_bh(&vsi->filter_lock);
	nic_hash_add(vsi, mac);
	vsi->flags |= NIC_FLAG_FILTER_CHANGED;
	spin_unlock_bh(&vsi->filter_lock);
}

int nic_open(struct nic *a)
{
	return request_irq(a->hw->irq, nic_intr, 0, "nic", a);
}
