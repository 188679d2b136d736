// SPDX-License-Identifier: GPL-2.0
/* RCU lists: list_del_rcu, then free after a grace period. */
#include <linux/rculist.h>
#include <linux/slab.h>

struct route {
	struct list_head node;
	struct rcu_head rcu;
	u32 dst;
};

void route_replace(struct list_head *table, struct route *old, struct route *new)
{
	list_add_rcu(&new->node, table);
	list_del_rcu(&old->node);
	kfree_rcu(old, rcu);
}
