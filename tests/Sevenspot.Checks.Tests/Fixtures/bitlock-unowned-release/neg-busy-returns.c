// SPDX-License-Identifier: GPL-2.0
/* The busy case returns at once; only the path that took the bit clears it. */
#include <linux/bitops.h>
#include <linux/netdevice.h>

enum nic_state { __NIC_CONFIG_BUSY, __NIC_STATE_MAX };

struct nic_pf {
	DECLARE_BITMAP(state, __NIC_STATE_MAX);
	int mtu;
};

int nic_change_mtu(struct nic_pf *pf, int mtu)
{
	int err = 0;

	if (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state))
		return -EBUSY;
	if (mtu < 68) {
		err = -EINVAL;
		goto out;
	}
	pf->mtu = mtu;
out:
	clear_bit(__NIC_CONFIG_BUSY, pf->state);
	return err;
}
