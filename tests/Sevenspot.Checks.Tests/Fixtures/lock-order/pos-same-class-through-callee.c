// SPDX-License-Identifier: GPL-2.0
/*
 * A lock taken by a callee while the caller holds another lock of the same class: lockdep's
 * recursion report, as if the caller had taken it itself. The callee may be static or not,
 * and may take the lock through a helper of its own.
 */
#include <linux/spinlock.h>

struct node {
	spinlock_t lock;
	int v;
};

void node_init(struct node *n)
{
	spin_lock_init(&n->lock);
}

static void node_touch(struct node *m)
{
	spin_lock(&m->lock);
	m->v++;
	spin_unlock(&m->lock);
}

void node_touch_twice(struct node *m)
{
	node_touch(m);
	node_touch(m);
}

void node_pair(struct node *n, struct node *m)
{
	spin_lock(&n->lock);
	node_touch(m);			/* BUG: struct node.lock nested through the callee */
	spin_unlock(&n->lock);
}

void node_pair_deep(struct node *n, struct node *m)
{
	spin_lock(&n->lock);
	node_touch_twice(m);		/* BUG: two calls down */
	spin_unlock(&n->lock);
}
