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
