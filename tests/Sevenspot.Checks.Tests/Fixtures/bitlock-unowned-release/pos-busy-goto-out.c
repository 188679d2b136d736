// SPDX-License-Identifier: GPL-2.0
/*
 * The busy case jumps to the common exit, which clears the bit: when another thread holds
 * CONFIG_BUSY, this one clears it under that thread's feet.
 */
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/netdevice.h>

enum nic_state { __NIC_CONFIG_BUSY, __NIC_STATE_MAX };

struct nic_pf {
	DECLARE_BITMAP(state, __NIC_STATE_MAX);
	int mtu;
};

void nic_reset(struct nic_pf *pf)
{
	while (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state))
		usleep_range(1000, 2000);
	pf->mtu = 1500;
	clear_bit(__NIC_CONFIG_BUSY, pf->state);
}

int nic_change_mtu(struct nic_pf *pf, int mtu)
{
	int err = 0;

	if (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state)) {
		err = -EBUSY;
		goto out;
	}
	pf->mtu = mtu;
out:
	clear_bit(__NIC_CONFIG_BUSY, pf->state);	/* BUG: also on the busy path */
	return err;
}
