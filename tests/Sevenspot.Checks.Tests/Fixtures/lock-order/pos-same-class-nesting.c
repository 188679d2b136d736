// SPDX-License-Identifier: GPL-2.0
/*
 * Two locks of one class nested without a _nested annotation: every struct node's lock is
 * initialised at one place, so all are one lockdep class.
 */
#include <linux/spinlock.h>

struct node {
	spinlock_t lock;
	struct node *parent;
	int weight;
};

void node_init(struct node *n, struct node *parent)
{
	spin_lock_init(&n->lock);
	n->parent = parent;
	n->weight = 0;
}

void node_move_weight(struct node *from, struct node *to)
{
	spin_lock(&from->lock);
	spin_lock(&to->lock);		/* BUG: struct node.lock inside struct node.lock */
	to->weight += from->weight;
	from->weight = 0;
	spin_unlock(&to->lock);
	spin_unlock(&from->lock);
}
