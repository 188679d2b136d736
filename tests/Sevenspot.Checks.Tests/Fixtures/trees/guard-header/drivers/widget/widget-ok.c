// SPDX-License-Identifier: GPL-2.0
/* The same guards, with the sleeps after their scopes. */
#include <linux/delay.h>
#include "widget.h"

void widget_settle(struct widget *w)
{
	{
		guard(widget_lock)(&w->lock);
		w->level = 0;
	}
	msleep(1);
}

void widget_poke(struct widget *w)
{
	scoped_guard(gadget, w->g)
		w->g->state++;
	msleep(1);
}

int widget_try_settle(struct widget *w)
{
	scoped_cond_guard(widget_lock_try, return -EBUSY, &w->lock)
		w->level = 0;
	msleep(1);
	return 0;
}

void widget_hold(struct widget *w)
{
	{
		CLASS(widget_held, h)(w);

		h->level++;
	}
	msleep(1);
}
