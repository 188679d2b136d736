// SPDX-License-Identifier: GPL-2.0
/* The table of the fixed program: it calls back into main.c after dropping table_lock. */
#include <linux/mutex.h>
#include <linux/spinlock.h>

void table_notify(void);

static DEFINE_MUTEX(table_lock);
static int table[16];

/* Its own types: not main.c's, though the tags are the same. */
struct slot {
	spinlock_t lock;
	int key;
};

struct bucket {
	spinlock_t lock;
	struct slot *slot;
};

void table_update(int v)
{
	mutex_lock(&table_lock);
	table[v & 15] = v;
	mutex_unlock(&table_lock);
}

void table_flush(void)
{
	mutex_lock(&table_lock);
	table[0] = 0;
	mutex_unlock(&table_lock);
	table_notify();			/* table_lock dropped: no order */
}

void bucket_rekey(struct bucket *b, int key)
{
	spin_lock(&b->slot->lock);
	spin_lock(&b->lock);		/* this file's slot -> this file's bucket */
	b->slot->key = key;
	spin_unlock(&b->lock);
	spin_unlock(&b->slot->lock);
}
