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
DEFINE_LOCK_GUARD_1_COND(widget_lock, _try, spin_trylock(_T->lock))

/* A class of its own whose constructor takes the widget's lock and hands the widget back. */
DEFINE_CLASS(widget_held, struct widget *, spin_unlock(&_T->lock),
	     ({ spin_lock(&w->lock); w; }), struct widget *w)

#endif
