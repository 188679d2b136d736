// SPDX-License-Identifier: GPL-2.0
/* The sleep is on the path where the trylock failed: nothing is held there. */
#include <linux/delay.h>
#include <linux/spinlock.h>

struct link {
	spinlock_t lock;
	int state;
};

void link_update(struct link *l)
{
	if (!spin_trylock(&l->lock)) {
		msleep(1);
		return;
	}
	l->state++;
	spin_unlock(&l->lock);
}
