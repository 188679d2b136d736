// SPDX-License-Identifier: GPL-2.0
/* The acquire has lock ordering but the release does not; only the release needs fixing. */
#include <linux/bitops.h>

#define Q_LOCKED	1

struct queue {
	unsigned long bits;
	int len;
};

static bool queue_push(struct queue *q)
{
	if (unlikely(test_and_set_bit_lock(Q_LOCKED, &q->bits)))
		return false;
	q->len++;
	clear_bit(Q_LOCKED, &q->bits);	/* BUG */
	return true;
}
