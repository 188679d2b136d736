// SPDX-License-Identifier: GPL-2.0
/* The helper sleeps, but it is only called outside the atomic section. */
#include <linux/delay.h>
#include <linux/spinlock.h>

struct motor {
	spinlock_t lock;
	int speed;
};

static void motor_settle(struct motor *m)
{
	msleep(20);
}

void motor_set(struct motor *m, int speed)
{
	spin_lock(&m->lock);
	m->speed = speed;
	spin_unlock(&m->lock);
	motor_settle(m);
}
