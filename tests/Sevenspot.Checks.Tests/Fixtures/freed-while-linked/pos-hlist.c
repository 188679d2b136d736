// SPDX-License-Identifier: GPL-2.0
/* Hash table entries are hlist nodes; the same rule holds. */
#include <linux/list.h>
#include <linux/slab.h>

struct entry {
	struct hlist_node hnode;
	u32 key;
};

int table_insert(struct hlist_head *bucket, u32 key)
{
	struct entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return -ENOMEM;
	e->key = key;
	hlist_add_head(&e->hnode, bucket);
	if (key == 0) {
		kfree(e);			/* BUG */
		return -EINVAL;
	}
	return 0;
}
