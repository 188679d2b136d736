// SPDX-License-Identifier: GPL-2.0
/* Locks reached through calls have no known class: no edges, no guesses. */
#include <linux/spinlock.h>

struct obj;
spinlock_t *obj_lock(struct obj *o);

void obj_pair(struct obj *a, struct obj *b)
{
	spin_lock(obj_lock(a));
	spin_lock(obj_lock(b));
	spin_unlock(obj_lock(b));
	spin_unlock(obj_lock(a));
}

void obj_pair_reverse(struct obj *a, struct obj *b)
{
	spin_lock(obj_lock(b));
	spin_lock(obj_lock(a));
	spin_unlock(obj_lock(a));
	spin_unlock(obj_lock(b));
}
