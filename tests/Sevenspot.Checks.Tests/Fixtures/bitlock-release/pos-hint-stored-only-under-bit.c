// SPDX-License-Identifier: GPL-2.0
/*
 * Sections ending in stores that look like hints but that nobody makes without the bit, or that
 * are not hints of the bit's object: each plain clear is reported.
 *  - nic_sfp_link_config(): the only other stores of the same request are in nic_mark_update(),
 *    called only by nic_reset(), which holds the bit;
 *  - nic_sync_filters(): the same "filters changed" store as nic_add_filter(), which runs without
 *    the bit, but with a counter after it (not idempotent);
 *  - nic_set_speed(): the other store has the same text but its right side is a local (a value,
 *    not a request);
 *  - nic_devrem(): the reset of a command selected by the claimed slot; the same reset of another
 *    command (the init command) is made without the bit, but it is not a store to the bitmap's
 *    object.
 */
#include <linux/bitops.h>
#include <linux/jiffies.h>

#define NIC_IN_SFP_INIT		3
#define NIC_SYNCING		4
#define NIC_FLAG_NEED_LINK_UPDATE	0x10
#define NIC_FLAG_FILTER_CHANGED		0x40
#define CMD_NOTUSED		0

struct nic_cmd {
	int state;
	void (*callback)(struct nic_cmd *);
};

struct nic {
	unsigned long state;
	unsigned int flags;
	unsigned long link_check_timeout;
	unsigned int fails;
	unsigned int speed;
	unsigned long devrem_bitmap[1];
	struct nic_cmd devrem_cmds[64];
	struct nic_cmd init_cmd;
	struct nic_hw *hw;
};

static void nic_mark_update(struct nic *a)
{
	a->flags |= NIC_FLAG_NEED_LINK_UPDATE;
	a->link_check_timeout = jiffies;
}

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
	clear_bit(NIC_IN_SFP_INIT, &a->state);	/* BUG */
}

static int nic_sync_filters(struct nic *a)
{
	int ret;

	while (test_and_set_bit(NIC_SYNCING, &a->state))
		usleep_range(1000, 2000);
	ret = nic_write_filters(a->hw);
	if (ret) {
		a->flags |= NIC_FLAG_FILTER_CHANGED;
		a->fails++;
	}
	clear_bit(NIC_SYNCING, &a->state);	/* BUG */
	return ret;
}

static void nic_add_filter(struct nic *vsi, const u8 *mac)
{
	nic_hash_add(vsi, mac);
	vsi->flags |= NIC_FLAG_FILTER_CHANGED;
	vsi->fails++;
}

static void nic_set_speed(struct nic *a, unsigned int speed)
{
	if (test_and_set_bit(NIC_SYNCING, &a->state))
		return;
	nic_hw_speed(a->hw, speed);
	a->speed = speed;
	clear_bit(NIC_SYNCING, &a->state);	/* BUG */
}

static void nic_speed_changed(struct nic *a, unsigned int speed)
{
	a->speed = speed;
	nic_service_event_schedule(a);
}

static void nic_devrem(struct nic *ioc, int idx)
{
	struct nic_cmd *cmd;

	if (test_and_set_bit(idx, ioc->devrem_bitmap))
		return;
	cmd = &ioc->devrem_cmds[idx];
	cmd->callback = nic_devrem_done;
	if (nic_post(ioc, cmd))
		goto failed;
	return;
failed:
	cmd->state = CMD_NOTUSED;
	cmd->callback = NULL;
	clear_bit(idx, ioc->devrem_bitmap);	/* BUG */
}

static void nic_init_done(struct nic *ioc)
{
	ioc->init_cmd.state = CMD_NOTUSED;
	ioc->init_cmd.callback = NULL;
	nic_wake(ioc);
}
