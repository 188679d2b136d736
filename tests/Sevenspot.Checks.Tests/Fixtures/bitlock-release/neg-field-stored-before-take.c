// SPDX-License-Identifier: GPL-2.0
/*
 * The sections end in stores to fields that a taker of the bit stores itself before it takes
 * the bit: nic_health() writes need_reset and fails without holding it, so the bit guards
 * neither field, and a release on the clears would protect no reader of them.
 */
#include <linux/bitops.h>
#include <linux/workqueue.h>

#define NIC_RESETTING	0

struct nic {
	unsigned long state;
	int need_reset;
	int fails;
	struct work_struct reset_work;
};

static void nic_timeout(struct nic *n)
{
	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return;
	n->need_reset = 1;
	clear_bit(NIC_RESETTING, &n->state);
}

static void nic_reset_work(struct work_struct *w)
{
	struct nic *n = container_of(w, struct nic, reset_work);

	nic_reinit(n);
	n->fails = 0;
	clear_bit(NIC_RESETTING, &n->state);
}

static void nic_health(struct nic *n)
{
	if (nic_hung(n)) {
		n->need_reset = 1;
		n->fails++;
	}
	if (n->need_reset && !test_and_set_bit(NIC_RESETTING, &n->state))
		schedule_work(&n->reset_work);
}

static void nic_stop(struct nic *n)
{
	while (test_and_set_bit(NIC_RESETTING, &n->state))
		msleep(10);
	nic_halt(n);
	clear_bit_unlock(NIC_RESETTING, &n->state);
}
