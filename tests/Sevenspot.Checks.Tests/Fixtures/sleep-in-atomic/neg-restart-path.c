// SPDX-License-Identifier: GPL-2.0
/*
 * Restart, halt and power-off run with system_state past SYSTEM_RUNNING: might_sleep() is
 * quiet there, and the other CPUs are stopped. A helper reached only from them, and a call
 * that itself leaves SYSTEM_RUNNING (kernel_power_off), are not reported.
 */
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(log_lock);
static DEFINE_MUTEX(syscore_lock);

void kernel_power_off(void)
{
	mutex_lock(&syscore_lock);
	mutex_unlock(&syscore_lock);
	machine_power_off();
}

static void board_shutdown_1(void *info)
{
	local_irq_disable();
	msleep(10);
}

static void board_shutdown(int mode)
{
	on_each_cpu(board_shutdown_1, &mode, 0);
}

void machine_restart(char *cmd)
{
	board_shutdown(1);
}

void machine_halt(void)
{
	board_shutdown(2);
}

void machine_shutdown(void)
{
	local_irq_disable();
	msleep(10);
}

void fatal_error_event(int fatal)
{
	spin_lock(&log_lock);
	if (fatal)
		kernel_power_off();
	spin_unlock(&log_lock);
}
