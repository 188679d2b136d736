// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed forms of pos-same-class-through-callee.c: the caller drops its lock before the
 * call, the callee annotates its nesting, or the callee drops the caller's lock first.
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

static void node_touch_nested(struct node *m)
{
	spin_lock_nested(&m->lock, SINGLE_DEPTH_NESTING);
	m->v++;
	spin_unlock(&m->lock);
}

static void node_handover(struct node *n, struct node *m)
{
	spin_unlock(&n->lock);
	spin_lock(&m->lock);
	m->v++;
	spin_unlock(&m->lock);
	spin_lock(&n->lock);
}

void node_pair(struct node *n, struct node *m)
{
	spin_lock(&n->lock);
	n->v--;
	spin_unlock(&n->lock);
	node_touch(m);
}

void node_pair_nested(struct node *n, struct node *m)
{
	spin_lock(&n->lock);
	node_touch_nested(m);
	spin_unlock(&n->lock);
}

void node_pair_handover(struct node *n, struct node *m)
{
	spin_lock(&n->lock);
	node_handover(n, m);
	spin_unlock(&n->lock);
}
