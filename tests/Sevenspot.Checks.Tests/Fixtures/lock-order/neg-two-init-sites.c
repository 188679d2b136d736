// SPDX-License-Identifier: GPL-2.0
/*
 * Two hash tables of one bucket type, their locks initialised at two places: lockdep gives
 * each table's buckets a class of their own, and taking a bucket of the second table under
 * one of the first is an order between two classes, not recursion.
 */
#include <linux/spinlock.h>

struct bucket {
	spinlock_t lock;
	struct hlist_head chain;
};

struct table {
	struct bucket *by_port;
	struct bucket *by_addr;
	unsigned int size;
};

void table_init(struct table *t)
{
	unsigned int i;

	for (i = 0; i < t->size; i++) {
		spin_lock_init(&t->by_port[i].lock);
		spin_lock_init(&t->by_addr[i].lock);
	}
}

void table_bind(struct table *t, unsigned int port, unsigned int addr)
{
	struct bucket *head = &t->by_port[port % t->size];
	struct bucket *head2 = &t->by_addr[addr % t->size];

	spin_lock(&head->lock);
	spin_lock(&head2->lock);
	head2->chain.first = head->chain.first;
	spin_unlock(&head2->lock);
	spin_unlock(&head->lock);
}
