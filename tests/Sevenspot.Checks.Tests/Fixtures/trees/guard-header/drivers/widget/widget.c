// SPDX-License-Identifier: GPL-2.0
/* Guards of classes the driver's header and a tree header define: both take a spinlock. */
#include <linux/delay.h>
#include "widget.h"

void widget_settle(struct widget *w)
{
	guard(widget_lock)(&w->lock);
	w->level = 0;
	msleep(1);	/* BUG: sleeps under w->lock */
}

void widget_poke(struct widget *w)
{
	scoped_guard(gadget, w->g) {
		w->g->state++;
		msleep(1);	/* BUG: sleeps under w->g->lock */
	}
}

int widget_try_settle(struct widget *w)
{
	scoped_cond_guard(widget_lock_try, return -EBUSY, &w->lock) {
		w->level = 0;
		msleep(1);	/* BUG: sleeps under w->lock, taken by the conditional class */
	}
	return 0;
}

void widget_try_poke(struct widget *w)
{
	scoped_guard(gadget_try, w->g)
		msleep(1);	/* BUG: sleeps under w->g->lock when the try succeeded */
}

void widget_hold(struct widget *w)
{
	CLASS(widget_held, h)(w);

	h->level++;
	msleep(1);	/* BUG: sleeps under w->lock, held to the end of the function */
}
