// SPDX-License-Identifier: GPL-2.0
/* Two locks of one class nested without a _nested annotation. */
#include <linux/spinlock.h>

struct node {
	spinlock_t lock;
	struct node *parent;
	int weight;
};

void node_move_weight(struct node *from, struct node *to)
{
	spin_lock(&from->lock);
	spin_lock(&to->lock);		/* BUG: struct node.lock inside struct node.lock */
	to->weight += from->weight;
	from->weight = 0;
	spin_unlock(&to->lock);
	spin_unlock(&from->lock);
}
