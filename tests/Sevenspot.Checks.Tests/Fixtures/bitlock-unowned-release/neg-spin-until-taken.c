// SPDX-License-Identifier: GPL-2.0
/* A loop that spins until it takes the bit: its failed test leads back to the test, not to the release. */
#include <linux/bitops.h>
#include <linux/delay.h>

enum nic_state { __NIC_CONFIG_BUSY, __NIC_STATE_MAX };

struct nic_pf {
	DECLARE_BITMAP(state, __NIC_STATE_MAX);
	int queues;
};

void nic_rebuild(struct nic_pf *pf)
{
	while (test_and_set_bit(__NIC_CONFIG_BUSY, pf->state))
		usleep_range(1000, 2000);
	pf->queues = 0;
	clear_bit(__NIC_CONFIG_BUSY, pf->state);
}

void nic_rebuild_lock(struct nic_pf *pf)
{
	while (test_and_set_bit_lock(__NIC_CONFIG_BUSY, pf->state))
		cpu_relax();
	pf->queues = 1;
	clear_bit_unlock(__NIC_CONFIG_BUSY, pf->state);
}
