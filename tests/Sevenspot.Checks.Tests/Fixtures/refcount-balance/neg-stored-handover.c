// SPDX-License-Identifier: GPL-2.0
/*
 * References handed on: stored into a structure from the get itself, set as an skb's dst,
 * swapped into a cache slot with cmpxchg(). The calls returned after that do not leak them.
 */
#include <linux/cred.h>
#include <net/dst.h>
#include <net/route.h>

int install_creds(struct task_struct *p, struct cred *new)
{
	if (security_check_creds(new)) {
		put_cred(new);
		return -EPERM;
	}
	p->real_cred = get_cred(new);
	return publish_creds(p);
}

int tunnel_xmit(struct sk_buff *skb, struct dst_entry *dst)
{
	dst_hold(dst);
	if (!dst->dev) {
		dst_release(dst);
		return -ENODEV;
	}
	skb_dst_set(skb, dst);
	return dst_output_skb(skb);
}

int cache_route(struct rtable **slot, struct rtable *rt)
{
	struct rtable *orig = *slot;
	struct rtable *prev;

	dst_hold(&rt->dst);
	prev = cmpxchg(slot, orig, rt);
	if (prev != orig) {
		dst_release(&rt->dst);
		return -EAGAIN;
	}
	return retire_route(orig);
}
