// SPDX-License-Identifier: GPL-2.0
/*
 * The watchdog clears the reset bit so that the reset it calls can take the bit itself; when
 * that reset fails (because another thread holds the bit, or after it released it again), the
 * failure path clears the bit a second time: by then it is free, or another thread's.
 */
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

enum { CARD_RESETTING };

struct card {
	unsigned long state;
	struct work_struct watchdog_work;
	int need_fw_reset;
};

int card_reset(struct card *c)
{
	if (test_and_set_bit(CARD_RESETTING, &c->state))
		return -EBUSY;
	c->need_fw_reset = 0;
	clear_bit(CARD_RESETTING, &c->state);
	return 0;
}

void card_stop(struct card *c)
{
	while (test_and_set_bit(CARD_RESETTING, &c->state))
		msleep(10);
	c->need_fw_reset = 0;
	clear_bit(CARD_RESETTING, &c->state);
}

void card_watchdog(struct work_struct *work)
{
	struct card *c = container_of(work, struct card, watchdog_work);

	if (test_and_set_bit(CARD_RESETTING, &c->state))
		return;

	rtnl_lock();
	clear_bit(CARD_RESETTING, &c->state);
	if (card_reset(c)) {
		rtnl_unlock();
		goto request_reset;
	}
	rtnl_unlock();
	return;

request_reset:
	c->need_fw_reset = 1;
	clear_bit(CARD_RESETTING, &c->state);	/* BUG: released again */
}
