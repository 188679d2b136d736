// SPDX-License-Identifier: GPL-2.0
/* A callee that unlocks the lock its caller took ends the caller's section: the sleep after it is outside. */
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
	if (n->state) {
		spin_unlock(&n->lock);
		return;
	}
	attach_and_unlock(n);
	cond_resched();
}
