// SPDX-License-Identifier: GPL-2.0
/* oops_in_progress selects a trylock path; the sleeping lock is taken only on the other one. */
#include <linux/mutex.h>
#include <linux/irqflags.h>

extern int oops_in_progress;

struct screen {
	struct mutex lock;
	int blank;
};

static struct screen main_screen;

static void screen_unblank(void)
{
	if (oops_in_progress) {
		if (!mutex_trylock(&main_screen.lock))
			return;
	} else {
		mutex_lock(&main_screen.lock);
	}
	main_screen.blank = 0;
	mutex_unlock(&main_screen.lock);
}

void machine_panic(void)
{
	local_irq_disable();
	screen_unblank();
}
