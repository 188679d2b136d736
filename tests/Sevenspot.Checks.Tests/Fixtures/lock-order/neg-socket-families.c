// SPDX-License-Identifier: GPL-2.0
/*
 * A socket of one address family locked inside another's (a tunnel's UDP socket under its
 * netlink socket): lockdep keys sk_lock per family, so these are two classes, not recursion.
 */
#include <net/sock.h>

int tunnel_configure(struct sock *nlsk, struct sock *udpsk)
{
	lock_sock(nlsk);
	lock_sock(udpsk);
	udpsk->sk_mark = nlsk->sk_mark;
	release_sock(udpsk);
	release_sock(nlsk);
	return 0;
}
