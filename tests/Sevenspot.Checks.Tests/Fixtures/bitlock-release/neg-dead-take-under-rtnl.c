// SPDX-License-Identifier: GPL-2.0
/*
 * An ethtool callback (rtnl held) whose test_and_set_bit() lies after a return: the lock
 * analysis never reaches it, so the tree knows no taker of the bit, while the text pairs it with
 * the clear. The check must say nothing rather than fail looking up the bit's takers.
 */
#include <linux/ethtool.h>
#include <linux/netdevice.h>

#define RING_BUSY	0

struct ring_priv {
	unsigned long flags;
	int size;
};

static int ring_set(struct net_device *dev, struct ethtool_ringparam *ring,
		    struct kernel_ethtool_ringparam *kring, struct netlink_ext_ack *extack)
{
	struct ring_priv *p = netdev_priv(dev);

	ring_log(p);
	return -EOPNOTSUPP;
	if (test_and_set_bit(RING_BUSY, &p->flags))
		return -EBUSY;
	p->size = ring->rx_pending;
	clear_bit(RING_BUSY, &p->flags);
	return 0;
}

static const struct ethtool_ops ring_ethtool_ops = {
	.set_ringparam = ring_set,
};
