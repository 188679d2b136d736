// SPDX-License-Identifier: GPL-2.0
/*
 * Sections with nothing the clear must order on the way to it: the store is in the other
 * branch of the if; the only stores go to the caller's output buffer (a parameter other than
 * the one the bit lives in); the only "store" is an atomic flag bit, read without the lock.
 */
#include <linux/bitops.h>
#include <linux/errno.h>

enum nic_state { NIC_RESETTING, NIC_LOADED };

struct nic {
	unsigned long state;
	unsigned long status;
	int advertised;
	int speed;
};

struct nic_info {
	int speed;
	int advertised;
};

static int nic_set_link(struct nic *n, int autoneg, int advertising)
{
	while (test_and_set_bit(NIC_RESETTING, &n->state))
		cpu_relax();

	if (autoneg) {
		n->advertised = advertising;
	} else {
		clear_bit(NIC_RESETTING, &n->state);
		return -EINVAL;
	}
	return 0;
}

static int nic_get_info(struct nic *n, struct nic_info *info)
{
	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return -EBUSY;
	info->speed = n->speed;
	info->advertised = n->advertised;
	clear_bit(NIC_RESETTING, &n->state);
	return 0;
}

static void nic_unload(struct nic *n)
{
	while (test_and_set_bit(NIC_RESETTING, &n->state))
		cpu_relax();
	clear_bit(NIC_LOADED, &n->status);
	clear_bit(NIC_RESETTING, &n->state);
}
