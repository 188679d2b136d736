// SPDX-License-Identifier: GPL-2.0
/* A device driver tests a ready flag with ! applied too early. */
#include <linux/device.h>

#define WIDGET_READY	0x0004
#define WIDGET_ERROR	0x0008

struct widget {
	unsigned long flags;
	int irq;
};

static int widget_start(struct widget *w)
{
	if (!w->flags & WIDGET_READY)	/* BUG: (!w->flags) & 4 is always 0 */
		return -EAGAIN;

	w->irq = 0;
	return 0;
}
