// SPDX-License-Identifier: GPL-2.0
/*
 * The function takes a reference of its own, and takes over the one the redirect field held
 * when it clears the field: it holds two, and both puts are due.
 */
#include <net/sock.h>

struct redirect {
	struct sock *target;
	int bytes;
};

int redirect_send(struct redirect *r, struct sk_buff *skb)
{
	struct sock *target = r->target;
	bool last = false;
	int ret;

	sock_hold(target);
	if (r->bytes <= skb->len) {
		r->target = NULL;
		last = true;
	}
	ret = sock_queue_rcv_skb(target, skb);
	if (last)
		sock_put(target);
	sock_put(target);
	return ret;
}
