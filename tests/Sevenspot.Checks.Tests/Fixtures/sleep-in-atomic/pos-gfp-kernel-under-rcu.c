// SPDX-License-Identifier: GPL-2.0
/* A lookup under RCU allocates with GFP_KERNEL. */
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct entry {
	int key;
	char name[16];
};

struct entry *entry_lookup(int key);

static char *entry_name_copy(int key)
{
	struct entry *e;
	char *copy = NULL;

	rcu_read_lock();
	e = entry_lookup(key);
	if (e)
		copy = kmemdup(e->name, sizeof(e->name), GFP_KERNEL);	/* BUG */
	rcu_read_unlock();
	return copy;
}
