// SPDX-License-Identifier: GPL-2.0
/* A sleep before the callee that unlocks the caller's lock is still in the section. */
#include <linux/sched.h>
#include <linux/spinlock.h>

struct node {
	spinlock_t lock;
	int state;
};

static void attach_and_unlock(struct node *n)
{
	n->state = 1;
	spin_unlock(&n->lock);
}

void write_nodes(struct node *n)
{
	spin_lock(&n->lock);
	cond_resched();
	attach_and_unlock(n);
}
