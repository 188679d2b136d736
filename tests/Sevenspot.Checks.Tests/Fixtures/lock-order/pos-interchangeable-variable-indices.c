// SPDX-License-Identifier: GPL-2.0
/*
 * Near-form of constant indices: two elements of one array chosen by the caller's indices.
 * Moving from slot i to slot j and, at the same time, from j to i takes the two locks in
 * opposite orders.
 */
#include <linux/spinlock.h>

struct slot {
	spinlock_t lock;
	int count;
};

static struct slot slots[32];

void slots_init(void)
{
	int i;

	for (i = 0; i < 32; i++)
		spin_lock_init(&slots[i].lock);
}

void slot_move(int i, int j)
{
	spin_lock(&slots[i].lock);
	spin_lock(&slots[j].lock);	/* BUG: ABBA when another mover has j, i */
	slots[j].count += slots[i].count;
	slots[i].count = 0;
	spin_unlock(&slots[j].lock);
	spin_unlock(&slots[i].lock);
}
