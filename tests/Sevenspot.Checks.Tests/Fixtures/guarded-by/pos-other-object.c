// SPDX-License-Identifier: GPL-2.0
/* The source's lock is held, but the destination's balance is written: each account has its own lock. */
#include <linux/spinlock.h>

struct account {
	spinlock_t lock;
	long balance __guarded_by(&lock);
};

static void account_move(struct account *from, struct account *to, long amount)
{
	spin_lock(&from->lock);
	from->balance -= amount;
	to->balance += amount;
	spin_unlock(&from->lock);
}
