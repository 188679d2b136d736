// SPDX-License-Identifier: GPL-2.0
/*
 * The calls of the section are on a branch that returns, or in the other branch of an if: on
 * the way to the clear, the last thing done is a plain store to the adapter.
 */
#include <linux/bitops.h>
#include <linux/errno.h>

enum nic_state { NIC_RESETTING };

struct nic {
	unsigned long state;
	int advertised;
	int mtu;
};

void nic_log(struct nic *n);

static int nic_set_link(struct nic *n, int advertising)
{
	while (test_and_set_bit(NIC_RESETTING, &n->state))
		cpu_relax();

	if (advertising < 0) {
		nic_log(n);
		clear_bit_unlock(NIC_RESETTING, &n->state);
		return -EINVAL;
	}
	n->advertised = advertising;
	clear_bit(NIC_RESETTING, &n->state);	/* BUG */
	return 0;
}

static int nic_change_mtu(struct nic *n, int running, int mtu)
{
	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return -EBUSY;

	if (running)
		nic_log(n);
	else
		n->mtu = mtu;
	clear_bit(NIC_RESETTING, &n->state);	/* BUG */
	return 0;
}
