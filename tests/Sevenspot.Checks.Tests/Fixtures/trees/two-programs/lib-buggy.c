// SPDX-License-Identifier: GPL-2.0
/* The table of the buggy program: it calls back into main.c with table_lock held. */
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
	table_notify();			/* BUG: table_lock -> state_lock, inside table_notify */
	mutex_unlock(&table_lock);
}

void bucket_rekey(struct bucket *b, int key)
{
	spin_lock(&b->slot->lock);
	spin_lock(&b->lock);		/* this file's slot -> this file's bucket */
	b->slot->key = key;
	spin_unlock(&b->lock);
	spin_unlock(&b->slot->lock);
}
