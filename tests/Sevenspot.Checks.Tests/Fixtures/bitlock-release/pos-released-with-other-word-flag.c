// SPDX-License-Identifier: GPL-2.0
/*
 * A queue's bit lock, spun on by its users, is released by a helper that also clears a flag of
 * another word (the device's). One bit of the lock's word is cleared: a release, not a reset;
 * the head stored before it may land after the plain clear.
 */
#include <linux/bitops.h>

#define Q_LOCK		0
#define DEV_KICKED	4

struct queue_dev {
	unsigned long state;
};

struct queue {
	unsigned long flags;
	unsigned int head;
	struct queue_dev *dev;
};

static void queue_unlock(struct queue *q, unsigned int head)
{
	q->head = head;
	clear_bit(DEV_KICKED, &q->dev->state);
	clear_bit(Q_LOCK, &q->flags);	/* BUG */
}

static void queue_add(struct queue *q)
{
	while (test_and_set_bit(Q_LOCK, &q->flags))
		cpu_relax();
	queue_unlock(q, q->head + 1);
}
