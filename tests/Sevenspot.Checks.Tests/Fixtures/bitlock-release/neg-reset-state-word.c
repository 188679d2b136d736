// SPDX-License-Identifier: GPL-2.0
/*
 * A connection's state word is reset when a connect starts: the offload bit (a lock that the
 * close and abort paths spin on) and the closing flag are both cleared, with the state, before
 * any offload of this connection is scheduled. The closing flag is claimed with a test-and-set
 * by the close path. Clearing several bits of one word that the function did not take, each of
 * them claimed somewhere, is a reset of that word, not the release of a lock it was handed.
 */
#include <linux/bitops.h>
#include <linux/delay.h>

#define CONN_F_OFFLOAD	1
#define CONN_F_CLOSING	2
#define CONN_F_START	3

struct conn {
	unsigned long flags;
	int state;
};

static int conn_close_prep(struct conn *c)
{
	while (test_and_set_bit(CONN_F_OFFLOAD, &c->flags))
		msleep(1);
	c->state = 2;
	return 1;
}

static void conn_close(struct conn *c)
{
	if (!test_and_set_bit(CONN_F_CLOSING, &c->flags))
		c->state = 3;
}

static void conn_reset_state(struct conn *c)
{
	c->state = 0;
	clear_bit(CONN_F_OFFLOAD, &c->flags);
	clear_bit(CONN_F_CLOSING, &c->flags);
}

static int conn_connect(struct conn *c)
{
	if (test_and_set_bit(CONN_F_START, &c->flags))
		return -EINVAL;

	conn_reset_state(c);
	return conn_send_request(c);
}
