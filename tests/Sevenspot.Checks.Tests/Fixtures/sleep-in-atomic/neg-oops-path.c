// SPDX-License-Identifier: GPL-2.0
/* After bust_spinlocks(1) oops_in_progress is set: might_sleep() is quiet while the oops is printed. */
#include <linux/mutex.h>
#include <linux/irqflags.h>

static DEFINE_MUTEX(backlight_mutex);

static void backlight_unblank(void)
{
	mutex_lock(&backlight_mutex);
	mutex_unlock(&backlight_mutex);
}

unsigned long board_oops_begin(void)
{
	unsigned long flags;

	raw_local_irq_save(flags);
	bust_spinlocks(1);
	backlight_unblank();
	return flags;
}
