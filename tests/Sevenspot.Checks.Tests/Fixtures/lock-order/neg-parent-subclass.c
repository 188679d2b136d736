// SPDX-License-Identifier: GPL-2.0
/* The parent is locked with a subclass; the child under it with the plain acquire. */
#include <linux/fs.h>

struct ent {
	spinlock_t lock;
	struct ent *parent;
	int count;
};

void ent_attach(struct ent *dir, struct ent *child)
{
	spin_lock_nested(&dir->lock, 1);
	spin_lock(&child->lock);
	child->parent = dir;
	dir->count++;
	spin_unlock(&child->lock);
	spin_unlock(&dir->lock);
}
