// SPDX-License-Identifier: GPL-2.0
/*
 * Bits the file only ever tries once are not reported: a re-entry guard of an interrupt
 * handler, a "cleanup already running" flag that the path seeing it set clears on purpose once
 * the other run is flushed. Bits picked by an index (a slot of an allocation bitmap) are not
 * reported either: the failed slot is not the released one.
 */
#include <linux/bitops.h>
#include <linux/workqueue.h>

#define CARD_IN_IRQ	0
#define CONN_CLEANUP	1

struct card {
	unsigned long flags;
	unsigned long slots;
	struct work_struct cleanup;
	int events;
};

int card_irq(struct card *c)
{
	if (test_and_set_bit(CARD_IN_IRQ, &c->flags))
		goto out;
	c->events++;
out:
	clear_bit(CARD_IN_IRQ, &c->flags);
	return 1;
}

void card_recover(struct card *c)
{
	if (!test_and_set_bit(CONN_CLEANUP, &c->flags))
		c->events = 0;
	else
		flush_work(&c->cleanup);
	clear_bit(CONN_CLEANUP, &c->flags);
}

int card_slot(struct card *c, int slot)
{
	int err = 0;

	while (test_and_set_bit(slot, &c->slots)) {
		if (++slot >= 64) {
			err = -ENOSPC;
			goto out;
		}
	}
	c->events++;
out:
	clear_bit(slot, &c->slots);
	return err;
}
