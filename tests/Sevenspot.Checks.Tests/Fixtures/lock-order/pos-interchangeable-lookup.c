// SPDX-License-Identifier: GPL-2.0
/*
 * A node passed in, and a node the function finds by name: the code does not say which of the
 * two comes first in any global order, and another call may find the first node while
 * holding the second.
 */
#include <linux/spinlock.h>

struct rnode {
	spinlock_t lock;
	unsigned long name;
	int flags;
};

struct rnode *rnode_find(unsigned long name);

void rnode_init(struct rnode *n)
{
	spin_lock_init(&n->lock);
}

void rnode_adopt_flags(struct rnode *node, unsigned long name)
{
	struct rnode *other = rnode_find(name);

	if (!other || other == node)
		return;
	spin_lock_irq(&node->lock);
	spin_lock(&other->lock);	/* BUG: ABBA against a call with the nodes swapped */
	other->flags = node->flags;
	spin_unlock(&other->lock);
	spin_unlock_irq(&node->lock);
}
