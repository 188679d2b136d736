// SPDX-License-Identifier: GPL-2.0
/* A reader of one rwlock waits for the other's writer, which waits for the first's reader: a cycle. */
#include <linux/spinlock.h>

static DEFINE_RWLOCK(route_lock);
static DEFINE_RWLOCK(neigh_lock);
static int routes, neighs;

int route_lookup(void)
{
	int n;

	read_lock(&route_lock);
	write_lock(&neigh_lock);	/* BUG: route_lock -> neigh_lock */
	n = routes + neighs++;
	write_unlock(&neigh_lock);
	read_unlock(&route_lock);
	return n;
}

void neigh_flush(void)
{
	write_lock_bh(&neigh_lock);
	write_lock(&route_lock);	/* neigh_lock -> route_lock */
	neighs = routes = 0;
	write_unlock(&route_lock);
	write_unlock_bh(&neigh_lock);
}
