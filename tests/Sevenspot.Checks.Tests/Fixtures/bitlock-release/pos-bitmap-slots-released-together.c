// SPDX-License-Identifier: GPL-2.0
/*
 * Two slots of a tag bitmap, each claimed with a test-and-set by a waiter that spins for it, are
 * released together by the completion of a paired command. Slots named by variables are claims of
 * their own, not the flags of a state word: clearing two of them is no reset, and the slot's plain
 * clear releases it after the owner stores.
 */
#include <linux/bitops.h>

struct tag_pool {
	unsigned long map[1];
	int owner[64];
};

static void tag_wait(struct tag_pool *p, int slot, int who)
{
	while (test_and_set_bit(slot, p->map))
		cpu_relax();
	p->owner[slot] = who;
	clear_bit_unlock(slot, p->map);
}

static void tag_complete_pair(struct tag_pool *p, int slot, int peer)
{
	p->owner[slot] = 0;
	p->owner[peer] = 0;
	clear_bit(slot, p->map);
	clear_bit(peer, p->map);
}
