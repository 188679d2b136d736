// SPDX-License-Identifier: GPL-2.0
/* __rtnl_unlock() ends rtnl; taking it twice after the retake is still recursion. */
#include <linux/rtnetlink.h>

struct net_device;
void call_netdevice_notifiers(unsigned long val, struct net_device *dev);

void notify_twice(struct net_device *dev)
{
	rtnl_lock();
	call_netdevice_notifiers(1, dev);
	__rtnl_unlock();
	rtnl_lock();
	call_netdevice_notifiers(2, dev);
	rtnl_lock();			/* BUG: rtnl_mutex taken while held */
	__rtnl_unlock();
	__rtnl_unlock();
}
