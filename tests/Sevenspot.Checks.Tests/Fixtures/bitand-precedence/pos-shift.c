// SPDX-License-Identifier: GPL-2.0
/* A mask written as a shift, inside a WARN_ON. */
#include <linux/bug.h>

struct port {
	unsigned int state;
	unsigned int index;
};

static void port_release(struct port *p)
{
	WARN_ON(!p->state & (1U << p->index));	/* BUG */
	p->state = 0;
}
