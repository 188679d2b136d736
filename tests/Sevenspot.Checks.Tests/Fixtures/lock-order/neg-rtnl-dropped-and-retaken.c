// SPDX-License-Identifier: GPL-2.0
/* rtnl dropped with __rtnl_unlock() around a barrier, then taken again: no recursion. */
#include <linux/rtnetlink.h>

struct net_device;
void call_netdevice_notifiers(unsigned long val, struct net_device *dev);
void rcu_barrier(void);

void wait_allrefs(struct net_device *dev)
{
	rtnl_lock();
	call_netdevice_notifiers(1, dev);
	__rtnl_unlock();
	rcu_barrier();
	rtnl_lock();
	call_netdevice_notifiers(2, dev);
	__rtnl_unlock();
}

int wait_killable(struct net_device *dev)
{
	if (rtnl_lock_killable())
		return -4;
	call_netdevice_notifiers(3, dev);
	rtnl_unlock();
	rtnl_lock();
	rtnl_unlock();
	return 0;
}
