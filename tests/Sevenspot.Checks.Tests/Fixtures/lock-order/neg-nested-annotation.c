// SPDX-License-Identifier: GPL-2.0
/* Same-class nesting annotated for lockdep. */
#include <linux/spinlock.h>

struct node {
	spinlock_t lock;
	int weight;
};

void node_move_weight(struct node *parent, struct node *child)
{
	spin_lock(&parent->lock);
	spin_lock_nested(&child->lock, SINGLE_DEPTH_NESTING);
	parent->weight += child->weight;
	child->weight = 0;
	spin_unlock(&child->lock);
	spin_unlock(&parent->lock);
}
