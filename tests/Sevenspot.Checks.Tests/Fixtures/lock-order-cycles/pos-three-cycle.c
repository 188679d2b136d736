// SPDX-License-Identifier: GPL-2.0
/* A cycle of three locks: a -> b, b -> c, c -> a. */
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(a_lock);
static DEFINE_SPINLOCK(b_lock);
static DEFINE_SPINLOCK(c_lock);
static int shared;

void ab(void)
{
	spin_lock(&a_lock);
	spin_lock(&b_lock);		/* BUG: a_lock -> b_lock, first edge of the cycle */
	shared++;
	spin_unlock(&b_lock);
	spin_unlock(&a_lock);
}

void bc(void)
{
	spin_lock(&b_lock);
	spin_lock(&c_lock);
	shared++;
	spin_unlock(&c_lock);
	spin_unlock(&b_lock);
}

void ca(void)
{
	spin_lock(&c_lock);
	spin_lock(&a_lock);
	shared++;
	spin_unlock(&a_lock);
	spin_unlock(&c_lock);
}
