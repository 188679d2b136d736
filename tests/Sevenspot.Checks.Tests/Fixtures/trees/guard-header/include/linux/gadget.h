/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_GADGET_H
#define _LINUX_GADGET_H

#include <linux/spinlock.h>

struct gadget {
	spinlock_t lock;
	int state;
};

DEFINE_GUARD(gadget, struct gadget *, spin_lock(&_T->lock), spin_unlock(&_T->lock))
DEFINE_GUARD_COND(gadget, _try, spin_trylock(&_T->lock))

#endif
