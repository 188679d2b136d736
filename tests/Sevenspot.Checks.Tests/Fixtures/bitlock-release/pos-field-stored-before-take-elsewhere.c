// SPDX-License-Identifier: GPL-2.0
/*
 * A taker stores fields before it takes the bit, but not those the sections end in: the field
 * of another object (peer->need_reset) and another field (checked). The bit guards need_reset
 * and fails of its own object, and both plain clears are reported.
 */
#include <linux/bitops.h>
#include <linux/workqueue.h>

#define NIC_RESETTING	0

struct nic {
	unsigned long state;
	int need_reset;
	int fails;
	int checked;
	struct nic *peer;
	struct work_struct reset_work;
};

static void nic_timeout(struct nic *n)
{
	if (test_and_set_bit(NIC_RESETTING, &n->state))
		return;
	n->need_reset = 1;
	clear_bit(NIC_RESETTING, &n->state);	/* BUG */
}

static void nic_reset_work(struct work_struct *w)
{
	struct nic *n = container_of(w, struct nic, reset_work);

	nic_reinit(n);
	n->fails = 0;
	clear_bit(NIC_RESETTING, &n->state);	/* BUG */
}

static void nic_health(struct nic *n)
{
	if (nic_hung(n))
		n->peer->need_reset = 1;
	n->checked++;
	if (!test_and_set_bit(NIC_RESETTING, &n->state))
		schedule_work(&n->reset_work);
}

static void nic_stop(struct nic *n)
{
	while (test_and_set_bit(NIC_RESETTING, &n->state))
		msleep(10);
	nic_halt(n);
	clear_bit_unlock(NIC_RESETTING, &n->state);
}
