// SPDX-License-Identifier: GPL-2.0
/*
 * A command bit: the submitter waits until it takes the bit, and the completion handler stores
 * the result and releases the bit with a plain clear_bit(). The next submitter may take the bit
 * and read a stale result.
 */
#include <linux/usb.h>
#include <linux/wait.h>

#define CMD_BUSY	0

struct cmd_dev {
	unsigned long flags;
	wait_queue_head_t wq;
	int command;
	int result;
	struct urb *urb;
};

static int cmd_submit(struct cmd_dev *d, int command)
{
	wait_event(d->wq, !test_and_set_bit(CMD_BUSY, &d->flags));
	d->command = command;
	return usb_submit_urb(d->urb, GFP_KERNEL);
}

static void cmd_complete(struct urb *urb)
{
	struct cmd_dev *d = urb->context;

	d->result = urb->status;
	clear_bit(CMD_BUSY, &d->flags);	/* BUG */
	wake_up(&d->wq);
}
