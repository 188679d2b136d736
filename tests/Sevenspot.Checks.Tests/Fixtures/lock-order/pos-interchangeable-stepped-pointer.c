// SPDX-License-Identifier: GPL-2.0
/*
 * Near-form of the same lock taken twice: the two acquires read the same text, but the pointer
 * is stepped between them, so they take two neighbouring slots, not one lock twice.
 */
#include <linux/spinlock.h>

struct slot {
	spinlock_t lock;
	int count;
};

static struct slot slots[32];

void slots_init(void)
{
	int i;

	for (i = 0; i < 32; i++)
		spin_lock_init(&slots[i].lock);
}

void slot_merge_next(struct slot *s)
{
	spin_lock(&s->lock);
	s++;
	spin_lock(&s->lock);	/* BUG: no _nested annotation; not a self-deadlock */
	s->count = 0;
	spin_unlock(&s->lock);
	s--;
	spin_unlock(&s->lock);
}
