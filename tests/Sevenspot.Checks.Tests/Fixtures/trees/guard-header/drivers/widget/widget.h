/* SPDX-License-Identifier: GPL-2.0 */
#ifndef WIDGET_H
#define WIDGET_H

#include <linux/gadget.h>

struct widget {
	spinlock_t lock;
	struct gadget *g;
	int level;
};

DEFINE_LOCK_GUARD_1(widget_lock, spinlock_t,
		    spin_lock(_T->lock),
		    spin_unlock(_T->lock))

#endif
