// SPDX-License-Identifier: GPL-2.0
/* Two rwlocks read in both orders: readers do not exclude readers, so neither order waits on the other. */
#include <linux/spinlock.h>

static DEFINE_RWLOCK(route_lock);
static DEFINE_RWLOCK(neigh_lock);
static int routes, neighs;

int route_lookup(void)
{
	int n;

	read_lock(&route_lock);
	read_lock(&neigh_lock);
	n = routes + neighs;
	read_unlock(&neigh_lock);
	read_unlock(&route_lock);
	return n;
}

int neigh_lookup(void)
{
	int n;

	read_lock_bh(&neigh_lock);
	read_lock(&route_lock);
	n = neighs - routes;
	read_unlock(&route_lock);
	read_unlock_bh(&neigh_lock);
	return n;
}
