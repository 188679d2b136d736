// SPDX-License-Identifier: GPL-2.0
/* Identical in both programs: state under state_lock, a table kept by lib.c. */
#include <linux/mutex.h>
#include <linux/spinlock.h>

void table_update(int v);

static DEFINE_MUTEX(state_lock);
static int state;

struct bucket {
	spinlock_t lock;
	int count;
};

struct slot {
	spinlock_t lock;
	struct bucket *bucket;
	int used;
};

void state_set(int v)
{
	mutex_lock(&state_lock);
	state = v;
	table_update(v);		/* state_lock -> table_lock, inside table_update */
	mutex_unlock(&state_lock);
}

void table_notify(void)
{
	mutex_lock(&state_lock);
	state++;
	mutex_unlock(&state_lock);
}

void slot_fill(struct slot *s)
{
	spin_lock(&s->bucket->lock);
	spin_lock(&s->lock);		/* this file's bucket -> this file's slot */
	s->used = 1;
	s->bucket->count++;
	spin_unlock(&s->lock);
	spin_unlock(&s->bucket->lock);
}
