// SPDX-License-Identifier: GPL-2.0
/* A bit spinlock whose trylock failed is not this thread's to release. */
#include <linux/bit_spinlock.h>

struct bucket {
	unsigned long flags;
	int count;
};

void bucket_try_bump(struct bucket *b)
{
	if (!bit_spin_trylock(0, &b->flags)) {
		bit_spin_unlock(0, &b->flags);	/* BUG: taking it failed */
		return;
	}
	b->count++;
	bit_spin_unlock(0, &b->flags);
}
