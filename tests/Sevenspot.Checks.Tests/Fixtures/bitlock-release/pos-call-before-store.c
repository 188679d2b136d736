// SPDX-License-Identifier: GPL-2.0
/*
 * The calls of the section come before its last stores: whatever they order, the stores after
 * them (to a field, through WRITE_ONCE, a value returned by a call stored in a field) reach the
 * plain clear unordered.
 */
#include <linux/bitops.h>
#include <linux/io.h>

enum nic_state { NIC_UPDATING };

struct nic {
	unsigned long state;
	void __iomem *regs;
	u64 packets;
	u64 bytes;
};

static void nic_update_stats(struct nic *n)
{
	if (test_and_set_bit(NIC_UPDATING, &n->state))
		return;
	n->packets = readl(n->regs);
	WRITE_ONCE(n->bytes, n->packets * 64);
	clear_bit(NIC_UPDATING, &n->state);	/* BUG */
}

static void nic_refresh(struct nic *n)
{
	if (test_and_set_bit(NIC_UPDATING, &n->state))
		return;
	n->bytes = readl(n->regs + 4);
	clear_bit(NIC_UPDATING, &n->state);	/* BUG */
}
