// SPDX-License-Identifier: GPL-2.0
/* The correct spelling: ! applied to the whole and. */

#define WIDGET_READY	0x0004

struct widget {
	unsigned long flags;
};

static int widget_start(struct widget *w)
{
	if (!(w->flags & WIDGET_READY))
		return -EAGAIN;
	return 0;
}
