// SPDX-License-Identifier: GPL-2.0
/*
 * Hand-over-hand along a chain: a segment's lock, then the lock of the segment its next field
 * points to. The second object is reached from the first through a named field: a fixed
 * first/second relation (a deadlock needs another path that locks a segment after its next).
 */
#include <linux/spinlock.h>

struct segment {
	spinlock_t lock;
	struct segment *next;
	int len;
};

void segment_init(struct segment *s)
{
	spin_lock_init(&s->lock);
	s->next = NULL;
}

void segment_merge_next(struct segment *s)
{
	struct segment *n;

	spin_lock(&s->lock);
	n = s->next;
	spin_lock(&n->lock);		/* recursion to lockdep, fixed order */
	s->len += n->len;
	n->len = 0;
	spin_unlock(&n->lock);
	spin_unlock(&s->lock);
}
